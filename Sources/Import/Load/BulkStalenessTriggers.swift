import SVWDatabase
import SVWWorkspace

/// During a bulk load what is derived from the table — the rollups, and the search index
/// for suppliers and contracts — is marked stale once, up front, and its staleness
/// triggers, each of which would otherwise look up a flag on every row, are dropped, then
/// recreated from their own SQL at the end, all inside the load's transaction, so a failed
/// load leaves them exactly as they were. The next analysis or search rebuilds what is stale
/// once, however many loads a run makes.
struct BulkStalenessTriggers {
    private var dropped: [String] = []

    mutating func suspend(on table: String, db: Database) throws {
        try Rollups.markStale(derivedFrom: table, db)
        let searchTriggers = SearchIndex.stalenessTriggers(on: table)
        if !searchTriggers.isEmpty { try SearchIndex.markStale(db) }
        for name in Rollups.stalenessTriggers(on: table) + searchTriggers {
            // A trigger already missing (SchemaRepair restores it on the next open) stays so.
            guard let sql = try db.scalar("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1", [name]).string
            else { continue }
            // Names are svw's own, not user text.
            try db.execute("DROP TRIGGER \(name)")
            dropped.append(sql)
        }
    }

    func restore(db: Database) throws {
        for sql in dropped { try db.execute(sql) }
    }
}
