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

        let fields = Fields(id: id, contract: contract, measure: measure, committed: committed, delivered: delivered, reported: reported)
        // A big file into an empty table, its contracts checked in memory: read on a thread of its own.
        if let fresh, run.checksKeysItself, run.options.readsOnSecondThread, run.reader is CSVReader {
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
    private static func bind<Sink: ParameterSink>(_ run: LoadRun, _ f: Fields, into sink: Sink, codes: MeasureCodes) throws {
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

    private static func finish(_ run: LoadRun, _ f: Fields, counter: RowCounter) throws {
        try counter.finish(into: &run.report)
        if f.contract == nil, run.report.loaded > 0 {
            run.report.notes.append("the file has no contract column: every commitment is the service's own workforce")
        }
    }

    /// The fresh-table load above, with the file read, checked and coerced on a second thread
    /// (`RowPipeline`) while this one inserts: the same rows, rejects and report, in the same order.
    private static func loadPipelined(_ run: LoadRun, _ f: Fields, codes: MeasureCodes, knownContracts: KnownKeys?,
                                      fresh: FreshTable, insert: Statement, counter: inout RowCounter) throws {
        let pipeline = RowPipeline(width: columns.count)
        // Rows in runs of `groupRows` go in with one statement each (SQLite's cost per statement is
        // a good part of its cost per row); a run with a refused row among them goes in row by row.
        let groupRows = 16
        let values = "(" + (1...columns.count).map { _ in "?" }.joined(separator: ", ") + ")"
        let group = try run.db.prepare("INSERT INTO commitments(\(columns.joined(separator: ", "))) VALUES "
                                       + Array(repeating: values, count: groupRows).joined(separator: ", "))
        var waiting: [RowBatch.Row] = []
        /// Writes one row; false when it was refused (and its reject written).
        func writeOne(_ row: RowBatch.Row, of batch: RowBatch) throws {
            if let reject = try write(row, of: batch, run, f, insert: insert, fresh: fresh) {
                try run.write(rejectedRow: [reject])
            } else {
                counter.wrote()
                fresh.inserted(line: row.keyLine)
            }
        }
        /// Writes the rows waiting: as one statement when there are `groupRows` of them and
        /// none is refused, else one by one.
        func writeWaiting(of batch: RowBatch) throws {
            defer { waiting.removeAll(keepingCapacity: true) }
            if waiting.count == groupRows {
                for (i, row) in waiting.enumerated() { try batch.bind(row, to: group, offset: i * columns.count) }
                do {
                    try group.step()
                    group.reset()
                    let last = run.db.lastInsertRowID
                    for (i, row) in waiting.enumerated() {
                        counter.wrote()
                        fresh.inserted(line: row.keyLine, rowid: last - Int64(groupRows - 1 - i))
                    }
                    return
                } catch let error as SQLiteError where error.isConstraint {
                    // SQLite undid the statement's rows: each goes in on its own, to be explained.
                }
            }
            for row in waiting { try writeOne(row, of: batch) }
        }
        defer { run.handOff = nil }
        try pipeline.run(fill: { batch in
            run.handOff = { batch.refuse($0) }
            while !batch.isFull {
                guard try run.next() else { return false }
                batch.startRow()
                try bind(run, f, into: batch, codes: codes)
                guard try run.endRow() else {
                    batch.dropRow()
                    continue
                }
                let unknown = knownContracts.map { known in run.value(f.contract).map { !known.contains($0) } ?? false } ?? false
                batch.endRow(line: run.reader.recordLine, keyLine: run.reader.fieldLine(f.id), keyRaw: run.reader.field(f.id),
                             parentLine: f.contract.map(run.reader.fieldLine) ?? 0, parentRaw: f.contract.map(run.reader.field),
                             unknownParent: unknown)
            }
            return true
        }, write: { batch in
            for entry in batch.entries {
                switch entry {
                case .row(let row) where !row.unknownParent:
                    waiting.append(row)
                    if waiting.count == groupRows { try writeWaiting(of: batch) }
                case .row(let row):
                    try writeWaiting(of: batch)
                    try writeOne(row, of: batch)
                case .refused(let rejects):
                    try writeWaiting(of: batch)
                    try run.write(rejectedRow: rejects)
                }
            }
            try writeWaiting(of: batch)
        })
    }

    /// Inserts a row read by the pipeline's other thread; the reject explaining it when it
    /// was refused (by its contract, or by the table), as the one-thread load words it.
    private static func write(_ row: RowBatch.Row, of batch: RowBatch, _ run: LoadRun, _ f: Fields, insert: Statement,
                              fresh: FreshTable) throws -> Reject? {
        let refusal = Refusal(row: row, batch: batch, run: run, fields: f, fresh: fresh)
        // The key is checked before the contract, as the one-thread load does.
        if row.unknownParent { return try refusal.duplicate() ?? refusal.unknownContract() }
        try batch.bind(row, to: insert)
        do {
            try insert.step()
            insert.reset()
            return nil
        } catch let error as SQLiteError where error.isConstraint {
            if error.isUniqueViolation, let reject = try refusal.duplicate() { return reject }
            if error.isForeignKeyViolation { return refusal.unknownContract() }
            return Reject(line: row.line, column: nil, columnName: nil, raw: nil,
                          reason: "refused by the commitments table: \(error.message)")
        }
    }

    /// The rejects of a row read by the pipeline's other thread, from what its batch kept of it.
    private struct Refusal {
        let row: RowBatch.Row, batch: RowBatch, run: LoadRun, fields: Fields, fresh: FreshTable

        /// "duplicate commitment_id", when an earlier row of this load has the key; else nil.
        func duplicate() throws -> Reject? {
            try batch.withBytes(row.keyRaw) { raw in
                guard let line = try fresh.line(of: Bytes.trimmed(raw)) else { return nil }
                let key = LoadRun.decode(Bytes.trimmed(raw))
                return run.reject(line: row.keyLine, column: fields.id, raw: raw,
                                  reason: "duplicate commitment_id \(key): line \(line) has it too")
            }
        }

        func unknownContract() -> Reject {
            guard let parentRaw = row.parentRaw, let column = fields.contract else {
                return Reject(line: row.line, column: nil, columnName: nil, raw: nil, reason: "unknown contract  (load contracts first)")
            }
            return batch.withBytes(parentRaw) { raw in
                run.reject(line: row.parentLine, column: column, raw: raw,
                           reason: "unknown contract \(LoadRun.decode(Bytes.trimmed(raw))) (load contracts first)")
            }
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
