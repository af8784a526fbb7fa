import SVWDatabase
import SVWWorkspace

/// A load into a table that was empty when it began: every row in it is one this load
/// wrote, so a key met twice in the file is refused by the table's own unique key, and no
/// set of the keys seen (a few bytes a row, 100 MB and more for a national file) is kept
/// in memory. The rows go in with a plain INSERT, and the line each was read from is kept
/// as a run of (rowid, line - rowid) changes: one entry per multi-line record or refused
/// row, not per row, so "line N has it too" still names the first row.
///
/// A big load may also leave the table's key index unbuilt while the ids come in ascending
/// order, which proves them unique (`deferKeyIndex`): until an id comes out of order, only the
/// last row written can have the key of the one at hand (a repeated id: a framework award's
/// further supplier, or a duplicate), so nothing needs to seek by it but by that rowid.
final class FreshTable {
    private let lookup: Statement
    private let lookupLast: Statement
    /// The last row this load wrote: while the key index is deferred, the only one that can
    /// hold the key at hand (every other written key is below it).
    private var lastRowid: Int64?
    private let db: Database
    private let table: String
    private let key: String
    /// The key index is dropped, and every key written so far is below the one at hand, or
    /// the last row's equal to it.
    private(set) var keyIndexDeferred = false
    /// (first rowid, line - rowid) from that rowid on, in rowid order.
    private var offsets: [(rowid: Int64, offset: Int64)] = []

    /// Nil when `table` already holds rows (the load then remembers keys itself).
    init?(db: Database, table: String, key: String) throws {
        // `table` and `key` are svw's own names, not user text.
        guard try db.scalar("SELECT NOT EXISTS (SELECT 1 FROM \(table))").int64 == 1 else { return nil }
        self.db = db
        self.table = table
        self.key = key
        lookup = try db.prepare("SELECT rowid FROM \(table) WHERE \(key) = ?1")
        lookupLast = try db.prepare("SELECT rowid FROM \(table) WHERE rowid = ?1 AND \(key) = ?2")
    }

    /// Drops the table's key index for the load's rows to come in without it (see
    /// `KeyIndexes`); the caller checks that their ids ascend, and calls `buildKeyIndex` at
    /// the first that does not, before writing it.
    func deferKeyIndex() throws {
        try PendingIndexes.dropKey(of: table, db)
        keyIndexDeferred = true
    }

    /// Builds the key index over the rows so far: an id came out of order. They are unique,
    /// as their ids ascended.
    func buildKeyIndex() throws {
        guard keyIndexDeferred else { return }
        try PendingIndexes.createKey(of: table, db)
        keyIndexDeferred = false
    }

    /// At the load's end: an index still deferred waits to be built with the others.
    func finishKeyIndex() throws {
        guard keyIndexDeferred else { return }
        try PendingIndexes.leaveKeyPending(of: table, db)
        keyIndexDeferred = false
    }

    /// Throws what the table's unique key would, were its index built, for a row repeating
    /// the key of the last row written (`RowBatch.Row.repeatsKey`) while the index is
    /// deferred. Call right before stepping the row's INSERT, where SQLite's refusal is handled.
    func refuseIfWritten(_ row: RowBatch.Row, of batch: RowBatch) throws {
        guard row.repeatsKey, keyIndexDeferred, let bytes = batch.key(of: row), try rowid(of: bytes) != nil else { return }
        throw SQLiteError.uniqueViolation(table: table, column: key)
    }

    /// Call after each row inserted, with the line it was read from.
    func inserted(line: Int) { inserted(line: line, rowid: db.lastInsertRowID) }

    /// Call after each row inserted, with the line it was read from and its rowid (one of
    /// several rows a statement inserted: they take consecutive rowids).
    func inserted(line: Int, rowid: Int64) {
        let offset = Int64(line) - rowid
        if offsets.last?.offset != offset { offsets.append((rowid, offset)) }
        lastRowid = rowid
    }

    /// The line of the row this load wrote with `key`, or nil when none has it.
    func line(of key: UnsafeRawBufferPointer) throws -> Int? {
        try rowid(of: key).flatMap(line(ofRowid:))
    }

    /// The rowid of the row this load wrote with `key`, or nil when none has it.
    func rowid(of key: UnsafeRawBufferPointer) throws -> Int64? {
        let statement: Statement
        if keyIndexDeferred {
            // Every key written before the last row's is below this one (see `keyIndexDeferred`).
            guard let lastRowid else { return nil }
            statement = lookupLast
            try statement.bind(.integer(lastRowid), at: 1)
            try statement.bindText(bytes: key, at: 2)
        } else {
            statement = lookup
            try statement.bindText(bytes: key, at: 1)
        }
        defer { statement.reset() }
        guard try statement.step(), case .integer(let rowid) = statement.value(0) else { return nil }
        return rowid
    }

    /// The line the row `rowid` was read from; nil when this load wrote no row before it.
    func line(ofRowid rowid: Int64) -> Int? {
        var low = 0, high = offsets.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if offsets[middle].rowid <= rowid { low = middle } else { high = middle - 1 }
        }
        return offsets.isEmpty || offsets[0].rowid > rowid ? nil : Int(rowid + offsets[low].offset)
    }
}
