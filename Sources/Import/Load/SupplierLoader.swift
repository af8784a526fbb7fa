import SVWDatabase
import SVWText

/// `load suppliers FILE`: one row per supplier, keyed by supplier_id.
enum SupplierLoader {
    static let columns = ["supplier_id", "name", "name_key", "company_number", "postcode", "postcode_raw",
                          "district", "postcode_status", "sme", "vcse", "postcode_source", "name_missing"]

    /// The columns a file's fields are in.
    struct Fields {
        let id: Int, name: Int, company: Int?, postcode: Int?, postcodeRaw: Int?, address: Int?, sme: Int?, vcse: Int?

        init(_ mapping: HeaderMapping) throws {
            id = try mapping.required("supplier_id")
            name = try mapping.required("name")
            company = mapping.column("company_number")
            postcode = mapping.column("postcode")
            postcodeRaw = mapping.column("postcode_raw")
            address = mapping.column("address")
            sme = mapping.column("sme")
            vcse = mapping.column("vcse")
        }
    }

    /// Binds the current row's values to `sink`, recording each problem with them: where its
    /// postcode was found, and whether it has no name.
    static func bind<Sink: ParameterSink>(_ run: LoadRun, _ f: Fields, into sink: Sink) throws -> (place: SupplierPlace, nameMissing: Bool) {
        try run.bindText(sink, 1, f.id, required: true)
        // A supplier with an id but no name (published data has "name": null) is kept under its id.
        let nameBytes = run.value(f.name)
        let nameMissing = nameBytes == nil
        if let nameBytes, SupplierIdentity.asciiNameKey(nameBytes, into: &run.scratch) {
            try run.bindText(sink, 2, f.name)
            // A name of punctuation alone has an empty key: '', never NULL.
            if run.scratch.isEmpty { try sink.bind(.text(""), at: 3) } else { try run.scratch.withUnsafeBytes { try sink.bindText(bytes: $0, at: 3) } }
        } else {
            let supplierName = run.string(f.name) ?? run.string(f.id)
            if nameMissing { try run.bindText(sink, 2, supplierName) } else { try run.bindText(sink, 2, f.name) }
            try run.bindText(sink, 3, supplierName.map(SupplierIdentity.nameKey))
        }
        let companyNumber = run.value(f.company).flatMap { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? SupplierIdentity.companyNumber(ascii: bytes) : SupplierIdentity.companyNumber(LoadRun.decode(bytes))
        }
        try run.bindText(sink, 4, companyNumber)
        let place = try run.bindPostcode(sink, 5, run.value(f.postcodeRaw) != nil ? f.postcodeRaw : f.postcode, address: f.address)
        try run.bind(sink, 9, f.sme, .smeFlag)
        try run.bind(sink, 10, f.vcse, .flag)
        try run.bindText(sink, 11, place.source)
        try sink.bind(.integer(nameMissing ? 1 : 0), at: 12)
        return (place, nameMissing)
    }

    static func duplicate(_ id: String, line: Int) -> String { "duplicate supplier_id \(id): line \(line) has it too" }

    static func load(_ run: LoadRun, _ mapping: HeaderMapping) throws {
        let f = try Fields(mapping)
        let id = f.id
        let fresh = try FreshTable(db: run.db, table: "suppliers", key: "supplier_id")
        let insert = try run.db.prepare(Upsert.sql(table: "suppliers", columns: columns, key: ["supplier_id"], fresh: fresh != nil))
        var counter = try RowCounter(db: run.db, table: "suppliers")
        var places = PlaceTally()
        var nameless = 0

        // A big file into an empty table: read on a thread of its own.
        if let fresh, run.reader.fileSize >= run.options.bulkIndexThreshold, run.options.readsOnSecondThread, run.reader is CSVReader {
            try loadPipelined(run, f, insert: insert, fresh: fresh, counter: &counter, places: &places, nameless: &nameless)
            try finish(run, counter: counter, places: places, nameless: nameless)
            return
        }
        while try run.next() {
            let (place, nameMissing) = try bind(run, f, into: insert)
            guard try run.endRow() else { continue }
            guard let idBytes = run.value(id) else { preconditionFailure("a row with no supplier_id passed its checks") }
            let explain = { (error: SQLiteError) throws -> (column: Int?, reason: String) in
                if error.isUniqueViolation, let fresh, let line = try fresh.line(of: idBytes) {
                    return (id, duplicate(run.string(id) ?? "", line: line))
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
        try finish(run, counter: counter, places: places, nameless: nameless)
    }

    private static func finish(_ run: LoadRun, counter: RowCounter, places: PlaceTally, nameless: Int) throws {
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

    mutating func count(_ place: SupplierPlace) { count(status: place.postcode.status, source: place.source) }

    /// Counts a supplier whose postcode has `status` (`Postcode.status`) and was found in `source`.
    mutating func count(status: String, source: String?) {
        statuses[status, default: 0] += 1
        if source == "address" { fromAddress += 1 }
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
