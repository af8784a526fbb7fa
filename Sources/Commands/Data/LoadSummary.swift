import SVWImport

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
            out.append("loaded \(count(report.loaded, "row", "rows")) into table \(report.table) from \(report.displayName) (\(grouped(report.rejectedRows)) rejected)")
            out.append("columns:")
            out += report.tableColumns.map { "  \($0.name) \($0.type): \($0.why)" }
        } else {
            let noun = ImportKind(rawValue: report.kind)?.noun ?? (report.kind == "ocds" ? (one: "contract", many: "contracts") : (one: "row", many: "rows"))
            out.append("loaded \(count(report.loaded, noun.one, noun.many)) from \(report.displayName) (\(grouped(report.rejectedRows)) rejected, \(grouped(report.replaced)) replaced)")
            if report.replaced > 0 {
                var line = "replaced \(count(report.replaced, "existing row", "existing rows")) by id"
                if report.unchanged > 0 { line += report.unchanged == report.replaced ? " (all unchanged)" : " (\(grouped(report.unchanged)) unchanged)" }
                out.append(line)
            }
        }
        if !report.ignoredColumns.isEmpty {
            out.append("ignored column\(report.ignoredColumns.count == 1 ? "" : "s") \(report.kind) do not use: "
                       + report.ignoredColumns.map { $0.hasPrefix("(") ? $0 : "\"\($0)\"" }.joined(separator: ", "))
        }
        out += report.notes
        let messages = report.problemMessages
        out += messages.prefix(problemsShown)
        let more = report.problemCount - min(problemsShown, messages.count)
        if more > 0 {
            out.append("… \(grouped(more)) more; SELECT * FROM rejects WHERE import_id = \(report.importID);")
        } else if report.problemCount > 0 {
            out.append("(all rejects: SELECT * FROM rejects WHERE import_id = \(report.importID);)")
        }
        return out
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(grouped(n)) \(n == 1 ? one : many)" }

    /// 3982 → "3,982".
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}
