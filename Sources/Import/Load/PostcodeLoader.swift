import SVWDatabase
import SVWText

/// `load postcodes FILE`: the (outward code, authority) reference table, replaced
/// wholesale — rows the file does not have are removed — in the load's transaction.
enum PostcodeLoader {
    static let columns = ["outward_code", "authority", "authority_code", "postcodes", "share"]

    static func load(_ run: LoadRun, _ mapping: HeaderMapping) throws {
        let outward = try mapping.required("outward_code"), authority = try mapping.required("authority")
        let code = mapping.column("authority_code"), count = mapping.column("postcodes")
        let share = try mapping.required("share")

        let insert = try run.db.prepare(Upsert.sql(table: "postcode_districts", columns: columns, key: ["outward_code", "authority"]))
        var counter = try RowCounter(db: run.db, table: "postcode_districts")
        var kept: Set<[String]> = []

        while try run.next() {
            var district: String?
            if let raw = run.string(outward) {
                let compact = raw.uppercased().filter { !$0.isWhitespace }
                if isOutwardCode(compact) { district = compact }
                else { run.problem(outward, "not a postcode district (outward code): \(Bytes.quoted(raw))") }
            } else {
                run.required(outward)
            }
            try run.bindText(insert, 1, district)
            try run.bindText(insert, 2, authority, required: true)
            try run.bindText(insert, 3, code)
            try run.bind(insert, 4, count, .count)
            try run.bind(insert, 5, share, .share, required: true)
            // A row without a district or an authority was refused just above.
            guard try run.endRow(), let district, let name = run.string(authority) else { continue }
            let key = Array((district + "\u{0}" + name).utf8).withUnsafeBytes { LoadRun.hash($0) }
            guard try run.checkDuplicate(key: key, column: outward, describe: { "district \(district) for \(name)" }) else { continue }
            if try run.step(insert, explain: { (nil, "refused by the postcode_districts table: \($0.message)") }) {
                counter.wrote()
                kept.insert([district, name])
            } else {
                run.forget(key: key)
            }
        }
        // Wholesale: whatever the file did not list goes.
        let delete = try run.db.prepare("DELETE FROM postcode_districts WHERE outward_code = ?1 AND authority = ?2")
        var removed = 0
        for row in try run.db.query("SELECT outward_code, authority FROM postcode_districts").rows {
            let pair = [row[0].string ?? "", row[1].string ?? ""]
            if !kept.contains(pair) {
                try delete.bind([pair[0], pair[1]])
                try delete.step()
                delete.reset()
                removed += 1
            }
        }
        try counter.finish(into: &run.report)
        run.report.added += removed   // the count fell by `removed`; the new rows are counted before it
        run.report.replaced = run.report.loaded - run.report.added
        run.report.previousRows = removed
        if removed > 0 {
            run.report.notes.append("removed \(Plural.counted(removed, "row")) the file does not have (the table is replaced wholesale)")
        }
    }

    /// A UK outward code: A9, A99, AA9, AA99, A9A, AA9A.
    static func isOutwardCode(_ s: String) -> Bool {
        let shape = String(s.map { $0.isASCII && $0.isLetter ? "A" : ($0.isASCII && $0.isNumber ? "9" : "?") })
        return ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape)
    }
}
