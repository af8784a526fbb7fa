import SVWDatabase
import SVWWorkspace

/// For a big file going into a table that is small beside it, a table's secondary
/// indexes are cheaper built once, sorted, than kept up to date row by row (about 40% of
/// SQLite's work on the contracts schema). They are dropped before the rows go in. Those that
/// check nothing are left pending, built once before the data is next read, however many
/// loads come first (`PendingIndexes`); a unique one is built again at the end of the load,
/// which it may refuse. All inside the load's transaction, so a failed load leaves every
/// index as it was.
public struct BulkIndexes {
    /// Files smaller than this load fast enough either way.
    public static let minimumFileSize: Int64 = 4 << 20
    /// A rough lower bound on bytes per row in these files, to estimate a file's rows.
    static let bytesPerRow: Int64 = 200

    private(set) var unique: [(name: String, sql: String)] = []

    static func worthDeferring(table: String, fileSize: Int64, threshold: Int64, db: Database) throws -> Bool {
        guard fileSize >= threshold else { return false }
        let existing = Int64(try RowCounter.count(db, table))
        return existing < fileSize / bytesPerRow
    }

    mutating func drop(on table: String, db: Database) throws {
        unique = try PendingIndexes.suspend(on: table, db)
    }

    func recreate(db: Database) throws {
        guard !unique.isEmpty else { return }
        // The rows are all in: SQLite's sorter may take the machine's second core for the sorts.
        try db.with(pragma: "threads", Int64(PendingIndexes.sortThreads)) {
            for index in unique { try db.execute(index.sql) }
        }
    }
}
