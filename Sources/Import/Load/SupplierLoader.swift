import SVWDatabase
import SVWText

/// `load suppliers FILE`: one row per supplier, keyed by supplier_id.
enum SupplierLoader {
    static let columns = ["supplier_id", "name", "name_key", "company_number", "postcode", "postcode_raw",
                          "district", "postcode_status", "sme", "vcse"]

    static func load(_ run: LoadRun, _ mapping: HeaderMapping) throws {
        let id = mapping.column("supplier_id")!, name = mapping.column("name")!
        let company = mapping.column("company_number"), postcode = mapping.column("postcode")
        let postcodeRaw = mapping.column("postcode_raw")
        let sme = mapping.column("sme"), vcse = mapping.column("vcse")
        let insert = try run.db.prepare(Upsert.sql(table: "suppliers", columns: columns, key: ["supplier_id"]))
        var counter = try RowCounter(db: run.db, table: "suppliers")
        var statuses: [String: Int] = [:]

        while try run.next() {
            try run.bindText(insert, 1, id, required: true)
            try run.bindText(insert, 2, name, required: true)
            let supplierName = run.string(name)
            try run.bindText(insert, 3, supplierName.map(SupplierIdentity.nameKey))
            try run.bindText(insert, 4, run.string(company).flatMap(SupplierIdentity.companyNumber))
            let place = try run.bindPostcode(insert, 5, run.value(postcodeRaw) != nil ? postcodeRaw : postcode)
            try run.bindFlag(insert, 9, sme)
            try run.bindFlag(insert, 10, vcse)
            guard try run.endRow() else { continue }
            let key = LoadRun.hash(run.value(id)!)
            guard try run.checkDuplicate(key: key, column: id, describe: { "supplier_id \(run.string(id)!)" }) else { continue }
            if try run.step(insert, explain: { (nil, "refused by the suppliers table: \($0.message)") }) {
                counter.wrote()
                statuses[place.status, default: 0] += 1
            } else {
                run.forget(key: key)
            }
        }
        try counter.finish(into: &run.report)
        let unknown = [("malformed", statuses["malformed"] ?? 0), ("missing", statuses["missing"] ?? 0)].filter { $0.1 > 0 }
        if !unknown.isEmpty {
            run.report.notes.append("postcodes: " + unknown.map { "\(NumberText.grouped($0.1)) \($0.0)" }.joined(separator: ", ")
                                    + " (those suppliers' GM status is unknown)")
        }
        if let outside = statuses["outside_uk"], outside > 0 {
            run.report.notes.append("postcodes: \(NumberText.grouped(outside)) outside the UK (BFPO or overseas)")
        }
    }
}
