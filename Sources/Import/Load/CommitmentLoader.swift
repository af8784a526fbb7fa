import SVWDatabase

/// `load commitments FILE`: one row per commitment, keyed by commitment_id. An empty
/// contract_id is the service's own workforce; a measure code must exist in some
/// loaded measures edition.
enum CommitmentLoader {
    static let columns = ["commitment_id", "contract_id", "measure_code", "units_committed", "units_delivered", "reporting_date", "financial_year"]

    static func load(_ run: LoadRun, _ mapping: HeaderMapping) throws {
        let id = try mapping.required("commitment_id"), contract = mapping.column("contract_id")
        let measure = try mapping.required("measure_code")
        let committed = try mapping.required("units_committed"), delivered = mapping.column("units_delivered")
        let reported = mapping.column("reporting_date")

        let codes = try MeasureCodes(db: run.db)
        let fresh = try FreshTable(db: run.db, table: "commitments", key: "commitment_id")
        let insert = try run.db.prepare(Upsert.sql(table: "commitments", columns: columns, key: ["commitment_id"],
                                                   fresh: fresh != nil))
        var counter = try RowCounter(db: run.db, table: "commitments")
        let knownContracts = run.parentKeys
        let unknownContract = { (contract, "unknown contract \(run.string(contract) ?? "") (load contracts first)") }
        let duplicate = { (line: Int) in (Optional(id), "duplicate commitment_id \(run.string(id) ?? ""): line \(line) has it too") }

        let fields = Fields(id: id, contract: contract, measure: measure, committed: committed, delivered: delivered, reported: reported)
        // A big file into an empty table: read on a thread of its own.
        if let fresh, run.reader.fileSize >= run.options.bulkIndexThreshold, run.options.readsOnSecondThread,
           run.reader is CSVReader {
            try loadPipelined(run, fields, codes: codes, knownContracts: knownContracts, fresh: fresh, insert: insert,
                              counter: &counter)
            try finish(run, fields, counter: counter)
            return
        }
        while try run.next() {
            try bind(run, fields, into: insert, codes: codes)
            guard try run.endRow() else { continue }
            guard let idBytes = run.value(id) else { preconditionFailure("a row with no commitment_id passed its checks") }
            let unknown = knownContracts.map { known in run.value(contract).map { !known.contains($0) } ?? false } ?? false
            if let fresh {
                // The key is checked before the contract, as it is below.
                if unknown {
                    let (column, reason) = try fresh.line(of: idBytes).map(duplicate) ?? unknownContract()
                    try run.reject(column, reason)
                    continue
                }
                let written = try run.step(insert) { error in
                    if error.isUniqueViolation, let line = try fresh.line(of: idBytes) { return duplicate(line) }
                    if error.isForeignKeyViolation { return unknownContract() }
                    return (nil, "refused by the commitments table: \(error.message)")
                }
                if written {
                    counter.wrote()
                    fresh.inserted(line: run.reader.fieldLine(id))
                }
                continue
            }
            let key = LoadRun.hash(idBytes)
            guard try run.checkDuplicate(key: key, column: id, describe: { "commitment_id \(run.string(id) ?? "")" }) else { continue }
            if unknown {
                let (column, reason) = unknownContract()
                try run.reject(column, reason)
                run.forget(key: key)
                continue
            }
            let written = try run.step(insert) { error in
                if error.isForeignKeyViolation { return unknownContract() }
                return (nil, "refused by the commitments table: \(error.message)")
            }
            if written { counter.wrote() } else { run.forget(key: key) }
        }
        try finish(run, fields, counter: counter)
    }

    /// The columns a file's fields are in.
    struct Fields {
        let id: Int, contract: Int?, measure: Int, committed: Int, delivered: Int?, reported: Int?
    }

    /// Binds the current row's values to `sink`, recording each problem with them.
    static func bind<Sink: ParameterSink>(_ run: LoadRun, _ f: Fields, into sink: Sink, codes: MeasureCodes) throws {
        try run.bindText(sink, 1, f.id, required: true)
        try run.bindText(sink, 2, f.contract)
        try run.bindText(sink, 3, f.measure, required: true)
        try run.bind(sink, 4, f.committed, .quantity, required: true)
        try run.bind(sink, 5, f.delivered, .quantity)
        try run.bindDate(sink, 6, f.reported, yearAt: 7)
        if let code = run.value(f.measure), !codes.contains(code) {
            run.problem(f.measure, codes.isEmpty
                ? "unknown measure code \(Bytes.quoted(code)) (no measures are loaded: load measures first)"
                : "unknown measure code \(Bytes.quoted(code)) (in no loaded measures edition)")
        }
    }

    static func finish(_ run: LoadRun, _ f: Fields, counter: RowCounter) throws {
        try counter.finish(into: &run.report)
        if f.contract == nil, run.report.loaded > 0 {
            run.report.notes.append("the file has no contract column: every commitment is the service's own workforce")
        }
    }
}

/// The measure codes of every loaded edition, looked up by the bytes of a field.
struct MeasureCodes {
    private var byHash: [UInt64: [[UInt8]]] = [:]

    init(db: Database) throws {
        for row in try db.query("SELECT DISTINCT code FROM measures").rows {
            guard let code = row[0].string else { continue }
            let bytes = Array(code.utf8)
            let hash = bytes.withUnsafeBytes { LoadRun.hash($0) }
            byHash[hash, default: []].append(bytes)
        }
    }

    var isEmpty: Bool { byHash.isEmpty }

    func contains(_ code: UnsafeRawBufferPointer) -> Bool {
        guard let candidates = byHash[LoadRun.hash(code)] else { return false }
        return candidates.contains { $0.elementsEqual(code) }
    }
}
