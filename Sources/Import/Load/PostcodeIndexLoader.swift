import SVWDatabase
import SVWText

/// `load postcode-index FILE`: full postcodes with their ONS district and GM borough (empty
/// outside GM), as in SampleData/gm_postcodes.csv. Replaced wholesale in the load's
/// transaction: a postcode the file does not list falls back to the district rule.
enum PostcodeIndexLoader {
    static func load(_ run: LoadRun, _ mapping: HeaderMapping) throws {
        let postcode = try mapping.required("postcode")
        let district = mapping.column("district_code"), authority = mapping.column("authority")
        let previous = try RowCounter.count(run.db, "postcode_index")
        try run.db.execute("DELETE FROM postcode_index")
        let insert = try run.db.prepare("INSERT INTO postcode_index(postcode, district_code, authority) VALUES (?1, ?2, ?3)")
        var counter = try RowCounter(db: run.db, table: "postcode_index")

        while try run.next() {
            var normalised: String?
            if let raw = run.string(postcode) {
                if case .ok(let full, let outward) = Postcode.classify(raw), full != outward {
                    normalised = full
                } else {
                    run.problem(postcode, "not a full UK postcode: \(Bytes.quoted(raw))")
                }
            } else {
                run.required(postcode)
            }
            try run.bindText(insert, 1, normalised)
            try run.bindText(insert, 2, district)
            try run.bindText(insert, 3, authority)
            // A row without a postcode was refused just above.
            guard try run.endRow(), let normalised else { continue }
            let key = Array(normalised.utf8).withUnsafeBytes { LoadRun.hash($0) }
            guard try run.checkDuplicate(key: key, column: postcode, describe: { "postcode \(normalised)" }) else { continue }
            if try run.step(insert, explain: { (nil, "refused by the postcode_index table: \($0.message)") }) {
                counter.wrote()
            } else {
                run.forget(key: key)
            }
        }
        try counter.finish(into: &run.report)
        run.report.previousRows = previous
        let gm = try run.db.scalar("SELECT count(*) FROM postcode_index WHERE authority IS NOT NULL").int64 ?? 0
        run.report.notes.append("postcode index: \(NumberText.grouped(Int(gm))) of these postcodes are in a GM borough; "
                                + "a supplier's full postcode listed here decides its GM status and borough")
        if previous > 0 {
            run.report.notes.append("replaced the \(Plural.counted(previous, "postcode")) held before (the index is replaced wholesale)")
        }
    }
}
