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
        let knownContracts = run.checksKeysItself && contract != nil
            ? try KnownKeys(db: run.db, table: "contracts", column: "contract_id") : nil
        let unknownContract = { (contract, "unknown contract \(run.string(contract) ?? "") (load contracts first)") }
        let duplicate = { (line: Int) in (Optional(id), "duplicate commitment_id \(run.string(id) ?? ""): line \(line) has it too") }

        while try run.next() {
            try run.bindText(insert, 1, id, required: true)
            try run.bindText(insert, 2, contract)
            try run.bindText(insert, 3, measure, required: true)
            try run.bind(insert, 4, committed, .quantity, required: true)
            try run.bind(insert, 5, delivered, .quantity)
            try run.bindDate(insert, 6, reported, yearAt: 7)
            if let code = run.value(measure), !codes.contains(code) {
                run.problem(measure, codes.isEmpty
                    ? "unknown measure code \(Bytes.quoted(code)) (no measures are loaded: load measures first)"
                    : "unknown measure code \(Bytes.quoted(code)) (in no loaded measures edition)")
            }
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
        try counter.finish(into: &run.report)
        let ownWorkforce = contract == nil ? run.report.loaded : nil
        if ownWorkforce != nil, run.report.loaded > 0 {
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
