import SVWDatabase

/// A load into a table that was empty when it began: every row in it is one this load
/// wrote, so a key met twice in the file is refused by the table's own unique key, and no
/// set of the keys seen (a few bytes a row, 100 MB and more for a national file) is kept
/// in memory. The rows go in with a plain INSERT, and the line each was read from is kept
/// as a run of (rowid, line - rowid) changes: one entry per multi-line record or refused
/// row, not per row, so "line N has it too" still names the first row.
final class FreshTable {
    private let lookup: Statement
    private let db: Database
    /// (first rowid, line - rowid) from that rowid on, in rowid order.
    private var offsets: [(rowid: Int64, offset: Int64)] = []

    /// Nil when `table` already holds rows (the load then remembers keys itself).
    init?(db: Database, table: String, key: String) throws {
        // `table` and `key` are svw's own names, not user text.
        guard try db.scalar("SELECT NOT EXISTS (SELECT 1 FROM \(table))").int64 == 1 else { return nil }
        self.db = db
        lookup = try db.prepare("SELECT rowid FROM \(table) WHERE \(key) = ?1")
    }

    /// Call after each row inserted, with the line it was read from.
    func inserted(line: Int) { inserted(line: line, rowid: db.lastInsertRowID) }

    /// Call after each row inserted, with the line it was read from and its rowid (one of
    /// several rows a statement inserted: they take consecutive rowids).
    func inserted(line: Int, rowid: Int64) {
        let offset = Int64(line) - rowid
        if offsets.last?.offset != offset { offsets.append((rowid, offset)) }
    }

    /// The line of the row this load wrote with `key`, or nil when none has it.
    func line(of key: UnsafeRawBufferPointer) throws -> Int? {
        try lookup.bindText(bytes: key, at: 1)
        defer { lookup.reset() }
        guard try lookup.step(), case .integer(let rowid) = lookup.value(0) else { return nil }
        return line(ofRowid: rowid)
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
