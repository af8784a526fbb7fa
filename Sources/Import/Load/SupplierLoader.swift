import SVWDatabase
import SVWText

/// `load suppliers FILE`: one row per supplier, keyed by supplier_id.
enum SupplierLoader {
    static let columns = ["supplier_id", "name", "name_key", "company_number", "postcode", "postcode_raw",
                          "district", "postcode_status", "sme", "vcse", "postcode_source", "name_missing"]

    static func load(_ run: LoadRun, _ mapping: HeaderMapping) throws {
        let id = try mapping.required("supplier_id"), name = try mapping.required("name")
        let company = mapping.column("company_number"), postcode = mapping.column("postcode")
        let postcodeRaw = mapping.column("postcode_raw"), address = mapping.column("address")
        let sme = mapping.column("sme"), vcse = mapping.column("vcse")
        let fresh = try FreshTable(db: run.db, table: "suppliers", key: "supplier_id")
        let insert = try run.db.prepare(Upsert.sql(table: "suppliers", columns: columns, key: ["supplier_id"], fresh: fresh != nil))
        var counter = try RowCounter(db: run.db, table: "suppliers")
        var places = PlaceTally()
        var nameless = 0

        while try run.next() {
            try run.bindText(insert, 1, id, required: true)
            // A supplier with an id but no name (published data has "name": null) is kept under its id.
            let supplierName = run.string(name) ?? run.string(id)
            let nameMissing = run.value(name) == nil
            if nameMissing { try run.bindText(insert, 2, supplierName) } else { try run.bindText(insert, 2, name) }
            try run.bindText(insert, 3, supplierName.map(SupplierIdentity.nameKey))
            try run.bindText(insert, 4, run.string(company).flatMap(SupplierIdentity.companyNumber))
            let place = try run.bindPostcode(insert, 5, run.value(postcodeRaw) != nil ? postcodeRaw : postcode, address: address)
            try run.bind(insert, 9, sme, .smeFlag)
            try run.bind(insert, 10, vcse, .flag)
            try run.bindText(insert, 11, place.source)
            try insert.bind(.integer(nameMissing ? 1 : 0), at: 12)
            guard try run.endRow() else { continue }
            guard let idBytes = run.value(id) else { preconditionFailure("a row with no supplier_id passed its checks") }
            let explain = { (error: SQLiteError) throws -> (column: Int?, reason: String) in
                if error.isUniqueViolation, let fresh, let line = try fresh.line(of: idBytes) {
                    return (id, "duplicate supplier_id \(run.string(id) ?? ""): line \(line) has it too")
                }
                return (nil, "refused by the suppliers table: \(error.message)")
            }
            let key = LoadRun.hash(idBytes)
            if fresh == nil {
                guard try run.checkDuplicate(key: key, column: id, describe: { "supplier_id \(run.string(id) ?? "")" }) else { continue }
            }
            if try run.step(insert, explain: explain) {
                counter.wrote()
                fresh?.inserted(line: run.reader.fieldLine(id))
                places.count(place)
                if nameMissing { nameless += 1 }
            } else if fresh == nil {
                run.forget(key: key)
            }
        }
        try counter.finish(into: &run.report)
        run.report.notes += places.notes
        if nameless > 0 {
            run.report.notes.append("\(Plural.counted(nameless, "supplier has", "suppliers have")) an id but no name: "
                                    + "kept under the id, with name_missing = 1")
        }
    }
}

/// Counts where loaded suppliers' postcodes came from, for the load summary.
struct PlaceTally {
    private var statuses: [String: Int] = [:]
    private var fromAddress = 0

    mutating func count(_ place: SupplierPlace) {
        statuses[place.postcode.status, default: 0] += 1
        if place.source == "address" { fromAddress += 1 }
    }

    var notes: [String] {
        var out: [String] = []
        if fromAddress > 0 {
            out.append("postcodes: \(NumberText.grouped(fromAddress)) found in the address (no postcode field, or it was empty)")
        }
        let unknown = [("malformed", statuses["malformed"] ?? 0), ("missing", statuses["missing"] ?? 0)].filter { $0.1 > 0 }
        if !unknown.isEmpty {
            out.append("postcodes: " + unknown.map { "\(NumberText.grouped($0.1)) \($0.0)" }.joined(separator: ", ")
                       + " (those suppliers' GM status is unknown)")
        }
        if let outside = statuses["outside_uk"], outside > 0 {
            out.append("postcodes: \(NumberText.grouped(outside)) outside the UK (BFPO or overseas)")
        }
        return out
    }
}
