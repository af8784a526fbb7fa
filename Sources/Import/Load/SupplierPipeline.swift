import SVWDatabase

/// `load suppliers` of a big file into an empty table on both cores (see `PipelinedLoad`):
/// a supplier's name key, company number and postcode are worked out on the reading thread,
/// most of a suppliers load's time.
extension SupplierLoader {
    /// `load`'s fresh-table path, with the file read, checked and coerced on a second thread
    /// while this one inserts: the same rows, rejects and report, in the same order.
    static func loadPipelined(_ run: LoadRun, _ f: Fields, insert: Statement, fresh: FreshTable, counter: inout RowCounter,
                              places: inout PlaceTally, nameless: inout Int) throws {
        /// Counts a row written, as the report tells them: where its postcode came from, whether it had a name.
        func wrote(_ row: RowBatch.Row, of batch: RowBatch) {
            counter.wrote()
            if case .text(let status) = batch.parameter(row, 8) { places.count(status: status, source: batch.parameter(row, 11).string) }
            if batch.parameter(row, 12) == .integer(1) { nameless += 1 }
        }
        try PipelinedLoad.run(run, table: "suppliers", columns: columns, parents: nil, fresh: fresh, read: { batch in
            _ = try bind(run, f, into: batch)
            guard try run.endRow() else { return batch.dropRow() }
            batch.endRow(line: run.reader.recordLine, keyLine: run.reader.fieldLine(f.id), keyRaw: run.reader.field(f.id),
                         parentLine: 0, parentRaw: nil)
        }, inserted: { row, batch, rowid in
            wrote(row, of: batch)
            fresh.inserted(line: row.keyLine, rowid: rowid)
        }, writeOne: { row, batch in
            // One of a run SQLite refused, or one repeating the id before it: written on its own, or explained.
            try batch.bind(row, to: insert)
            do {
                try fresh.refuseIfWritten(row, of: batch)
                try insert.step()
                insert.reset()
                wrote(row, of: batch)
                fresh.inserted(line: row.keyLine)
            } catch let error as SQLiteError where error.isConstraint {
                let key = Bytes.trimmed(batch.bytes(in: row.keyRaw))
                if error.isUniqueViolation, let line = try fresh.line(of: key) {
                    try run.write(rejectedRow: [run.reject(line: row.keyLine, column: f.id, raw: batch.bytes(in: row.keyRaw),
                                                           reason: duplicate(LoadRun.decode(key), line: line))])
                } else {
                    try run.write(rejectedRow: [Reject(line: row.line, column: nil, columnName: nil, raw: nil,
                                                       reason: "refused by the suppliers table: \(error.message)")])
                }
            }
        })
    }
}
