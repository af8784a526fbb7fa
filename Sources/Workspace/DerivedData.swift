import SVWDatabase

/// What the workspace derives from its tables and brings up to date only when it is next
/// needed: indexes a big load left pending, the rollups, the search index. Each keeps itself
/// (`PendingIndexes`, `Rollups`, `SearchIndex`); this is the whole of it at once, for whoever
/// has time to spare before anyone asks (the shell, while the analyst types).
public enum DerivedData {
    /// Whether any of it is out of date: a few seeks on the settings.
    public static func isBehind(_ db: Database) throws -> Bool {
        try PendingIndexes.any(db) || Rollups.anyStale(db) || SearchIndex.isStale(db)
    }

    /// Brings all of it up to date, each part all or nothing.
    public static func catchUp(_ db: Database) throws {
        try PendingIndexes.build(db)
        try Rollups.refreshIfStale(db)
        try SearchIndex.refreshIfStale(db)
    }
}
