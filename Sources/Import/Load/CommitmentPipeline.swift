import SVWDatabase

/// `load commitments` of a big file into an empty table on both cores (see `BatchPipeline`).
extension CommitmentLoader {
    /// `load`'s fresh-table path, with the file read, checked and coerced on a second thread
    /// (`BatchPipeline`) while this one inserts: the same rows, rejects and report, in the same order.
    static func loadPipelined(_ run: LoadRun, _ f: Fields, codes: MeasureCodes, knownContracts: KnownKeys?,
                              fresh: FreshTable, insert: Statement, counter: inout RowCounter) throws {
        let pipeline = BatchPipeline(batches: (0..<3).map { _ in RowBatch(width: columns.count, capacity: 2048) })
        var groups = try GroupedInsert(db: run.db, table: "commitments", columns: columns)
        /// Writes one row, or its reject when it is refused.
        func writeOne(_ row: RowBatch.Row, of batch: RowBatch) throws {
            if let reject = try write(row, of: batch, run, f, insert: insert, fresh: fresh) {
                try run.write(rejectedRow: [reject])
            } else {
                counter.wrote()
                fresh.inserted(line: row.keyLine)
            }
        }
        func inserted(_ row: RowBatch.Row, rowid: Int64) {
            counter.wrote()
            fresh.inserted(line: row.keyLine, rowid: rowid)
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
            func one(_ row: RowBatch.Row) throws { try writeOne(row, of: batch) }
            for entry in batch.entries {
                switch entry {
                case .row(let row) where !row.unknownParent:
                    try groups.add(row, of: batch, db: run.db, inserted: inserted, one: one)
                case .row(let row):
                    try groups.flush(of: batch, db: run.db, inserted: inserted, one: one)
                    try writeOne(row, of: batch)
                case .refused(let rejects):
                    try groups.flush(of: batch, db: run.db, inserted: inserted, one: one)
                    try run.write(rejectedRow: rejects)
                }
            }
            try groups.flush(of: batch, db: run.db, inserted: inserted, one: one)
        })
    }

    /// Inserts a row read by the pipeline's other thread; the reject explaining it when it
    /// was refused (by its contract, or by the table), as the one-thread load words it.
    private static func write(_ row: RowBatch.Row, of batch: RowBatch, _ run: LoadRun, _ f: Fields, insert: Statement,
                              fresh: FreshTable) throws -> Reject? {
        // The key is checked before the contract, as the one-thread load does.
        if row.unknownParent {
            let refusal = Refusal(row: row, batch: batch, run: run, fields: f, fresh: fresh)
            return try refusal.duplicate() ?? refusal.unknownContract()
        }
        try batch.bind(row, to: insert)
        do {
            try insert.step()
            insert.reset()
            return nil
        } catch let error as SQLiteError where error.isConstraint {
            let refusal = Refusal(row: row, batch: batch, run: run, fields: f, fresh: fresh)
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
