import SVWDatabase

/// A load's rows on both of the machine's cores (`BatchPipeline`): a second thread reads,
/// checks and coerces the file's rows into batches, while this one inserts them in file
/// order, sixteen to a statement (`GroupedInsert`), and writes the rejects the reading
/// thread handed over in their turn. Each loader says how a row is read, and how a row is
/// written and explained on its own (one the reading side flagged, or one in a run SQLite
/// refused): the same rows, rejects and report as the load on one thread.
enum PipelinedLoad {
    /// - Parameters:
    ///   - read: binds the current row into the batch (after `startRow`) and ends it there
    ///     (`endRow`, or `dropRow` when it was refused and its rejects handed over).
    ///   - parents: the parent table's ids, when the load checks each row's parent itself.
    ///   - inserted: told each row a whole run wrote, with its batch and rowid.
    ///   - writeOne: writes a row on its own, or its rejects: a row flagged `unknownParent`,
    ///     one repeating the key before it while the key index waits (its INSERT preceded by
    ///     `FreshTable.refuseIfWritten`), or one of a run SQLite refused.
    ///   - fresh: the table, empty when the load began: its key index may wait while the ids
    ///     (each row's first parameter) ascend, and is built at the first that does not.
    static func run(_ run: LoadRun, table: String, columns: [String], parents: KnownKeys?, fresh: FreshTable,
                    read: @escaping (RowBatch) throws -> Void,
                    inserted: (RowBatch.Row, RowBatch, Int64) -> Void, writeOne: (RowBatch.Row, RowBatch) throws -> Void) throws {
        let pipeline = BatchPipeline(batches: (0..<3).map { _ in RowBatch(width: columns.count, capacity: 2048) })
        var groups = try GroupedInsert(db: run.db, table: table, columns: columns)
        defer { run.handOff = nil }
        if run.mayDeferKeyIndex { try fresh.deferKeyIndex() }
        // The reading thread's own: the last key so far, and whether the keys have ascended
        // (checked only while the key index waits on it).
        var lastKey: [UInt8] = [], ascending = fresh.keyIndexDeferred
        try pipeline.run(fill: { batch in
            run.handOff = { batch.refuse($0) }
            var more = true
            while !batch.isFull {
                guard try run.next() else {
                    more = false
                    break
                }
                batch.startRow()
                try read(batch)
            }
            if let parents { batch.markUnknownParents(parents) }
            if ascending { ascending = batch.checkKeysAscend(after: &lastKey) }
            return more
        }, write: { batch in
            func one(_ row: RowBatch.Row) throws { try writeOne(row, batch) }
            func wrote(_ row: RowBatch.Row, rowid: Int64) { inserted(row, batch, rowid) }
            let outOfOrder = batch.firstKeyOutOfOrder
            for (i, entry) in batch.entries.enumerated() {
                // Rows still waiting in `groups` go in after the index, and are checked by it.
                if i == outOfOrder { try fresh.buildKeyIndex() }
                switch entry {
                // A repeated id goes in on its own, checked against the last row (`FreshTable.refuseIfWritten`).
                case .row(let row) where !row.unknownParent && !(row.repeatsKey && fresh.keyIndexDeferred):
                    try groups.add(row, of: batch, db: run.db, inserted: wrote, one: one)
                case .row(let row):
                    try groups.flush(of: batch, db: run.db, inserted: wrote, one: one)
                    try writeOne(row, batch)
                case .refused(let rejects):
                    try groups.flush(of: batch, db: run.db, inserted: wrote, one: one)
                    try run.write(rejectedRow: rejects)
                }
            }
            try groups.flush(of: batch, db: run.db, inserted: wrote, one: one)
        })
        try fresh.finishKeyIndex()
    }
}
