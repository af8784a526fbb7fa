import SVWDatabase

/// `load commitments` of a big file into an empty table on both cores (see `PipelinedLoad`).
extension CommitmentLoader {
    /// `load`'s fresh-table path, with the file read, checked and coerced on a second thread
    /// while this one inserts: the same rows, rejects and report, in the same order.
    static func loadPipelined(_ run: LoadRun, _ f: Fields, codes: MeasureCodes, knownContracts: KnownKeys?,
                              fresh: FreshTable, insert: Statement, counter: inout RowCounter) throws {
        try PipelinedLoad.run(run, table: "commitments", columns: columns, parents: knownContracts, fresh: fresh, read: { batch in
            try bind(run, f, into: batch, codes: codes)
            guard try run.endRow() else { return batch.dropRow() }
            batch.endRow(line: run.reader.recordLine, keyLine: run.reader.fieldLine(f.id), keyRaw: run.reader.field(f.id),
                         parentLine: f.contract.map(run.reader.fieldLine) ?? 0, parentRaw: f.contract.map(run.reader.field))
        }, inserted: { row, _, rowid in
            counter.wrote()
            fresh.inserted(line: row.keyLine, rowid: rowid)
        }, writeOne: { row, batch in
            if let reject = try write(row, of: batch, run, f, insert: insert, fresh: fresh) {
                try run.write(rejectedRow: [reject])
            } else {
                counter.wrote()
                fresh.inserted(line: row.keyLine)
            }
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
            try fresh.refuseIfWritten(row, of: batch)
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
            let raw = batch.bytes(in: row.keyRaw)
            guard let line = try fresh.line(of: Bytes.trimmed(raw)) else { return nil }
            return run.reject(line: row.keyLine, column: fields.id, raw: raw,
                              reason: "duplicate commitment_id \(LoadRun.decode(Bytes.trimmed(raw))): line \(line) has it too")
        }

        func unknownContract() -> Reject {
            guard let parentRaw = row.parentRaw, let column = fields.contract else {
                return Reject(line: row.line, column: nil, columnName: nil, raw: nil, reason: "unknown contract  (load contracts first)")
            }
            let raw = batch.bytes(in: parentRaw)
            return run.reject(line: row.parentLine, column: column, raw: raw,
                              reason: "unknown contract \(LoadRun.decode(Bytes.trimmed(raw))) (load contracts first)")
        }
    }
}
