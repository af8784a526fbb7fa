import SVWDatabase

/// For a big file going into a table that is small beside it, a table's secondary
/// indexes are cheaper built once, sorted, at the end than kept up to date row by row
/// (about 40% of SQLite's work on the contracts schema). They are dropped before the
/// rows go in and recreated from their own SQL after, all inside the load's transaction,
/// so the schema afterwards is exactly what it was and a failed load restores them.
public struct BulkIndexes {
    /// Files smaller than this load fast enough either way.
    public static let minimumFileSize: Int64 = 4 << 20
    /// A rough lower bound on bytes per row in these files, to estimate a file's rows.
    static let bytesPerRow: Int64 = 200

    private(set) var dropped: [(name: String, sql: String)] = []

    static func worthDeferring(table: String, fileSize: Int64, threshold: Int64, db: Database) throws -> Bool {
        guard fileSize >= threshold else { return false }
        let existing = Int64(try RowCounter.count(db, table))
        return existing < fileSize / bytesPerRow
    }

    mutating func drop(on table: String, db: Database) throws {
        let rows = try db.query("""
            SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name
            """, [table]).rows
        for row in rows {
            guard let name = row[0].string, let sql = row[1].string else { continue }
            // Names come from the schema itself, not from user text.
            try db.execute("DROP INDEX " + SQLIdentifier.quoted(name))
            dropped.append((name, sql))
        }
    }

    func recreate(db: Database) throws {
        guard !dropped.isEmpty else { return }
        // The rows are all in: SQLite's sorter may take the machine's second core for the sorts.
        try db.with(pragma: "threads", Int64(BulkIndexes.sortThreads)) {
            for index in dropped { try db.execute(index.sql) }
        }
    }

    /// Helper threads SQLite's sorter may start for an index build (measured with two on the
    /// project's 2-core machine: the commitments' two indexes, 2.8M rows, 2.26 → 1.85 s).
    static let sortThreads = 2
}
