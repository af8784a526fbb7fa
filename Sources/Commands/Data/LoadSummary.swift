import SVWImport
import SVWText

/// What a load tells the analyst, on stderr: one summary line, then what was replaced,
/// ignored or noticed, then the first rejects as FILE:LINE:COL: column "X": reason.
enum LoadSummary {
    static let problemsShown = 5

    static func print(_ report: ImportReport, to session: Session, problemsShown: Int = problemsShown) {
        for line in lines(report, problemsShown: problemsShown) { session.note(line) }
    }

    static func lines(_ report: ImportReport, problemsShown: Int = problemsShown) -> [String] {
        var out: [String] = []
        if report.kind == "table" {
            out.append("loaded \(Plural.counted(report.loaded, "row", "rows")) into table \(report.table) from \(report.displayName) (\(NumberText.grouped(report.rejectedRows)) rejected)")
            out.append("columns:")
            out += report.tableColumns.map { "  \($0.name) \($0.type): \($0.why)" }
        } else {
            let noun = ImportKind(rawValue: report.kind)?.noun ?? (report.kind == "ocds" ? (one: "contract", many: "contracts") : (one: "row", many: "rows"))
            out.append("loaded \(Plural.counted(report.loaded, noun.one, noun.many)) from \(report.displayName) (\(NumberText.grouped(report.rejectedRows)) rejected, \(NumberText.grouped(report.replaced)) replaced)")
            if report.replaced > 0 {
                var line = "replaced \(Plural.counted(report.replaced, "existing row", "existing rows")) by id"
                if report.unchanged > 0 { line += report.unchanged == report.replaced ? " (all unchanged)" : " (\(NumberText.grouped(report.unchanged)) unchanged)" }
                out.append(line)
            }
        }
        if !report.ignoredColumns.isEmpty {
            out.append("ignored \(Plural.noun(report.ignoredColumns.count, "column")) \(report.kind) do not use: "
                       + report.ignoredColumns.map { $0.hasPrefix("(") ? $0 : "\"\($0)\"" }.joined(separator: ", "))
        }
        out += report.notes
        let messages = report.problemMessages
        out += messages.prefix(problemsShown)
        let more = report.problemCount - min(problemsShown, messages.count)
        if more > 0 {
            out.append("… \(NumberText.grouped(more)) more; SELECT * FROM rejects WHERE import_id = \(report.importID);")
        } else if report.problemCount > 0 {
            out.append("(all rejects: SELECT * FROM rejects WHERE import_id = \(report.importID);)")
        }
        return out
    }

}
