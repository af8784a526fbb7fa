import SVWDatabase

/// Secondary indexes a big load left to be built later, once, like the rollups and the search
/// index it leaves stale: an index is derived from its table, and on 1M contracts and 2.8M
/// commitments building svw's four takes ~4 s, more than the rows themselves. A run of loads
/// (suppliers, contracts, commitments, a corrected file loaded again) builds each of them once,
/// before the first command that reads the data, instead of once per load.
///
/// Each is held as a settings row, `pending_index:TABLE:NAME` with the index's own SQL, written
/// in the load's transaction: a failed load leaves the indexes exactly as they were. Only
/// indexes that check nothing wait, and a table's key (`KeyIndexes`) when a load's ascending
/// ids proved it; another unique one refuses duplicates, so a load rebuilds it itself, and a
/// file that breaks it is refused with the load.
///
/// Until then the data reads the same, only without those shortcuts: a query `sqlite3` runs on
/// the file scans instead of seeking. svw builds them first for every analysis, SQL and
/// exploring command, for the rollups, and for a load that seeks rows of another table by one
/// of them (`build(on:)`).
public enum PendingIndexes {
    static let keyPrefix = "pending_index:"

    /// Whether any index is waiting: one seek on the settings' key.
    public static func any(_ db: Database) throws -> Bool {
        try db.scalar("SELECT EXISTS (SELECT 1 FROM settings WHERE key >= ?1 AND key < ?2)",
                      [keyPrefix, keyEnd]).int64 == 1
    }

    /// The names of the waiting indexes, which `SchemaRepair` must not take for lost ones.
    static func names(_ db: Database) throws -> Set<String> {
        Set(try pending(db).map { $0.name.lowercased() })
    }

    /// Drops every index on `table` that checks nothing and holds it as pending, in the caller's
    /// transaction. Returns the unique ones, also dropped, for the caller to build again itself
    /// once the rows are in. Indexes SQLite made for a table's own keys are left alone.
    public static func suspend(on table: String, _ db: Database) throws -> [(name: String, sql: String)] {
        let rows = try db.query("""
            SELECT s.name, s.sql, l."unique" FROM sqlite_schema s JOIN pragma_index_list(?1) l ON l.name = s.name
             WHERE s.type = 'index' AND s.tbl_name = ?1 AND s.sql IS NOT NULL ORDER BY s.name
            """, [table]).rows
        var unique: [(name: String, sql: String)] = []
        for row in rows {
            // The table's key stays: an upsert and a foreign key need it (a big load into an
            // empty table may defer it all the same: `dropKey`).
            guard let name = row[0].string, let sql = row[1].string, KeyIndexes.keyed(byIndex: name) == nil else { continue }
            // Names come from the schema itself, not from user text.
            try db.execute("DROP INDEX " + SQLIdentifier.quoted(name))
            if row[2].int64 == 1 {
                unique.append((name, sql))
            } else {
                try db.run("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           [key(table: table, name: name), sql])
            }
        }
        return unique
    }

    /// Drops `table`'s key index for a load into the empty table whose ids will prove
    /// themselves unique by coming in ascending order (see `KeyIndexes`), in the load's
    /// transaction. Until `createKey` or `leaveKeyPending`, nothing may seek by the key.
    public static func dropKey(of table: String, _ db: Database) throws {
        guard let name = KeyIndexes.name(of: table) else { preconditionFailure("\(table) has no key index") }
        try db.execute("DROP INDEX IF EXISTS \(name)")
    }

    /// Builds `table`'s key index again, in the load that dropped it: an id came out of order.
    /// May be refused by a duplicate in the rows so far.
    public static func createKey(of table: String, _ db: Database) throws {
        try db.with(pragma: "threads", Int64(sortThreads)) { try db.execute(KeyIndexes.createStatement(of: table)) }
    }

    /// Leaves `table`'s key index, dropped by `dropKey`, to be built with the others, once; in
    /// the load's transaction, after its rows. Until then triggers hold the key unique for
    /// other programs (`KeyIndexes.guardTriggers`).
    public static func leaveKeyPending(of table: String, _ db: Database) throws {
        guard let name = KeyIndexes.name(of: table), let column = KeyIndexes.column(of: table) else {
            preconditionFailure("\(table) has no key index")
        }
        try db.run("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   [key(table: table, name: name), KeyIndexes.createStatement(of: table)])
        try dropKeyGuards(of: table, db)
        for trigger in KeyIndexes.guardTriggers(table: table, column: column) { try db.execute(trigger.sql) }
    }

    /// Drops the triggers that hold `table`'s key unique while its index is pending, if any.
    private static func dropKeyGuards(of table: String, _ db: Database) throws {
        guard let column = KeyIndexes.column(of: table) else { return }
        // Names of svw's own making, not user text.
        for trigger in KeyIndexes.guardTriggers(table: table, column: column) { try db.execute("DROP TRIGGER IF EXISTS \(trigger.name)") }
    }

    /// Builds the key indexes waiting on `tables`, and no other index: what a load needs of a
    /// table it writes to by key, or whose keys SQLite checks as a parent's.
    public static func buildKeys(_ db: Database, on tables: Set<String>) throws {
        let keys = Set(tables.compactMap(KeyIndexes.name(of:)))
        try build(db, where: { tables.contains($0.table) && keys.contains($0.name) })
    }

    /// Builds every waiting index (on `tables` alone, when given), all or nothing, and tells
    /// `Upkeep`'s listener, table by table. SQLite's sorter may take the machine's second core.
    public static func build(_ db: Database, on tables: Set<String>? = nil) throws {
        try build(db, where: { tables?.contains($0.table) ?? true })
    }

    private static func build(_ db: Database, where chosen: (Pending) -> Bool) throws {
        let waiting = try pending(db).filter(chosen)
        guard !waiting.isEmpty else { return }
        let present = Set(try db.query("SELECT lower(name) FROM sqlite_schema WHERE type = 'index'").rows.compactMap { $0.first?.string })
        try Upkeep.reporting(Upkeep.Step("indexes: " + waiting[0].table)) {
            // Pages the builds add past the file's end are written once, not to the WAL and again into the file.
            try db.withRollbackJournal {
                // The rebuild's small cache: the sorts spill to temporary files instead of taking
                // the workspace's 64 MB cache and as much again of sorter memory per thread.
                try db.with(pragma: "cache_size", -Int64(Rollups.rebuildCacheKiB)) {
                    try db.with(pragma: "threads", Int64(sortThreads)) {
                        try db.transaction { try create(waiting, skipping: present, db) }
                    }
                }
            }
        }
    }

    /// Creates `waiting` in the caller's transaction, table by table, and forgets each.
    private static func create(_ waiting: [Pending], skipping present: Set<String>, _ db: Database) throws {
        var table = waiting[0].table
        for index in waiting {
            if index.table != table {
                table = index.table
                Upkeep.step("indexes: " + table)
            }
            if KeyIndexes.keyed(byIndex: index.name) != nil { try dropKeyGuards(of: index.table, db) }
            // A migration that rebuilt the table since may have made svw's own index already.
            if !present.contains(index.name.lowercased()) { try db.execute(index.sql) }
            try db.run("DELETE FROM settings WHERE key = ?1", [index.key])
        }
        Upkeep.step("indexes: saving")
    }

    /// Helper threads SQLite's sorter may start for an index build, here, in a load, or in a
    /// rollups rebuild (measured with two on the project's 2-core machine: the commitments' two
    /// indexes, 2.8M rows, 2.26 → 1.85 s).
    public static let sortThreads = 2

    private struct Pending {
        let key: String, table: String, name: String, sql: String
    }

    /// In key order: table by table, each table's by name.
    private static func pending(_ db: Database) throws -> [Pending] {
        try db.query("SELECT key, value FROM settings WHERE key >= ?1 AND key < ?2 ORDER BY key", [keyPrefix, keyEnd]).rows
            .compactMap { row in
                guard let key = row[0].string, let sql = row[1].string else { return nil }
                // svw's own table names hold no colon; the index's name is the rest, whatever it holds.
                let rest = key.dropFirst(keyPrefix.count)
                guard let colon = rest.firstIndex(of: ":") else { return nil }
                return Pending(key: key, table: String(rest[..<colon]), name: String(rest[rest.index(after: colon)...]), sql: sql)
            }
    }

    private static func key(table: String, name: String) -> String { keyPrefix + table + ":" + name }

    /// The first key past every pending one: the prefix with its colon's successor.
    private static let keyEnd = "pending_index;"
}
