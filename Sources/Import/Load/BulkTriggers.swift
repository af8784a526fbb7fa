import SVWDatabase
import SVWWorkspace

/// svw's own row-by-row triggers on a table, suspended for a bulk load: each would otherwise
/// run on every row, for work the load does once or does itself.
///
/// - The staleness triggers of the rollups, and of the search index for suppliers and
///   contracts, each look up a flag per row: what is derived from the table is marked stale
///   once, up front, instead. The next analysis or search rebuilds it once, however many
///   loads a run makes.
/// - The financial-year triggers (`WrittenFinancialYears`) recompute each row's year in SQL:
///   the load writes the year itself.
///
/// They are dropped and recreated from their own SQL at the end, all inside the load's
/// transaction, so a failed load leaves them exactly as they were.
struct BulkTriggers {
    private var dropped: [String] = []

    mutating func suspend(on table: String, db: Database) throws {
        try Rollups.markStale(derivedFrom: table, db)
        let searchTriggers = SearchIndex.stalenessTriggers(on: table)
        if !searchTriggers.isEmpty { try SearchIndex.markStale(db) }
        for name in Rollups.stalenessTriggers(on: table) + searchTriggers + WrittenFinancialYears.triggers(on: table) {
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
