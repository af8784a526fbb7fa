import SVWDatabase
import SVWWorkspace

/// During a bulk load the rollups derived from the table are marked stale once, up front,
/// and their staleness triggers — each of which would otherwise look up its rollup's flag
/// on every row — are dropped, then recreated from their own SQL at the end, all inside
/// the load's transaction, so a failed load leaves them exactly as they were.
struct BulkRollupTriggers {
    private var dropped: [String] = []

    mutating func suspend(on table: String, db: Database) throws {
        try Rollups.markStale(derivedFrom: table, db)
        for name in Rollups.stalenessTriggers(on: table) {
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
