import SVWDatabase
import SVWText
import SVWWorkspace

/// `load measures FILE`: TOMs measures keyed by (code, edition). Afterwards the
/// workspace values commitments with the loaded edition (the last in sorted order
/// when the file holds several).
enum MeasureLoader {
    static let columns = ["code", "edition", "theme", "outcome", "description", "unit", "proxy_pence", "illustrative", "gm_priority"]

    static func load(_ run: LoadRun, _ mapping: HeaderMapping, workspace: Workspace) throws {
        let code = try mapping.required("code"), theme = try mapping.required("theme"), outcome = mapping.column("outcome")
        let description = try mapping.required("description"), unit = try mapping.required("unit")
        let proxy = try mapping.required("proxy_value"), edition = mapping.column("edition")
        let inPence = mapping.wholePence.contains("proxy_value")
        let illustrative = mapping.column("illustrative"), priority = mapping.column("gm_priority")
        let fallbackEdition = run.options.edition.flatMap { $0.isEmpty ? nil : $0 }
        if edition == nil && fallbackEdition == nil { throw ImportError.missingEdition(file: run.name) }

        let insert = try run.db.prepare(Upsert.sql(table: "measures", columns: columns, key: ["code", "edition"]))
        var counter = try RowCounter(db: run.db, table: "measures")
        var editions: Set<String> = []
        var illustrativeCount = 0

        while try run.next() {
            try run.bindText(insert, 1, code, required: true)
            let rowEdition = run.string(edition) ?? fallbackEdition
            if rowEdition == nil, let edition { run.problem(edition, "required value is empty (or give --edition E)") }
            try run.bindText(insert, 2, rowEdition)
            var canonicalTheme: String?
            if let t = run.string(theme) {
                canonicalTheme = Schema.themes.first { $0.lowercased() == t.lowercased() }
                if canonicalTheme == nil {
                    run.problem(theme, "unknown theme \(Bytes.quoted(t)) (one of \(Schema.themes.joined(separator: ", ")))")
                }
            } else {
                run.required(theme)
            }
            try run.bindText(insert, 3, canonicalTheme)
            try run.bindText(insert, 4, outcome)
            try run.bindText(insert, 5, description, required: true)
            try run.bindText(insert, 6, unit, required: true)
            try run.bindMoney(insert, 7, proxy, required: true, nonNegative: true, wholePence: inPence)
            var isIllustrative = false
            if let b = run.value(illustrative), let illustrative {
                do { isIllustrative = try Flag.value(b) } catch let e as CoercionError { run.problem(illustrative, e.reason) }
            }
            try insert.bind(.integer(isIllustrative ? 1 : 0), at: 8)
            try run.bindText(insert, 9, priority)
            guard try run.endRow() else { continue }
            // A row without a code or an edition was refused just above.
            guard let rowEdition, let codeBytes = run.value(code) else { continue }

            let key = Array(rowEdition.utf8).withUnsafeBytes { LoadRun.hash(codeBytes, $0) }
            guard try run.checkDuplicate(key: key, column: code,
                                         describe: { "measure \(run.string(code) ?? "") in edition \(rowEdition)" }) else { continue }
            if try run.step(insert, explain: { (nil, "refused by the measures table: \($0.message)") }) {
                counter.wrote()
                editions.insert(rowEdition)
                if isIllustrative { illustrativeCount += 1 }
            } else {
                run.forget(key: key)
            }
        }
        try counter.finish(into: &run.report)
        if let active = editions.sorted().last {
            try workspace.setSetting("measures_edition", active)
            let others = editions.count > 1 ? " (the file holds \(editions.count) editions; the last in order is used)" : ""
            run.report.notes.append("measures edition now \(active): commitments are valued at its proxy values\(others)")
        }
        if illustrativeCount > 0 {
            run.report.notes.append(illustrativeCount == 1
                ? "1 of these measures has an illustrative proxy value (not a published one)"
                : "\(NumberText.grouped(illustrativeCount)) of these measures have illustrative proxy values (not published ones)")
        }
    }
}
