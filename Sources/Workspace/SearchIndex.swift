import SVWDatabase

/// Keeps the FTS5 search index (`search_fts`) in step with its documents (`search_fts_docs`).
///
/// Why not triggers: svw opens workspaces with `trusted_schema` off, so that a workspace
/// file from elsewhere cannot make its own triggers and views run anything unsafe, and
/// SQLite then refuses FTS5 inside any trigger. So the document triggers only mark the
/// index stale (migration 2), and the index is rebuilt, in one pass, by a top-level
/// statement just before the next search reads it.
public enum SearchIndex {
    /// The settings key whose presence says documents changed since the index was built.
    static let staleKey = "search_index_stale"

    /// Rebuilds the index if any document changed since it was last built.
    public static func refreshIfStale(_ db: Database) throws {
        guard try db.scalar("SELECT count(*) FROM settings WHERE key = ?1", [staleKey]).int64 == 1 else { return }
        try rebuild(db)
    }

    /// Marks the index stale, as the document triggers do: the next search rebuilds it.
    public static func markStale(_ db: Database) throws {
        try db.run("INSERT INTO settings(key, value) SELECT ?1, '1' WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = ?1)", [staleKey])
    }

    /// Re-indexes every document and clears the stale mark, in one transaction.
    public static func rebuild(_ db: Database) throws {
        try db.transaction {
            try db.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
            try db.run("DELETE FROM settings WHERE key = ?1", [staleKey])
        }
    }

    /// Migration 2: the document triggers mark the index stale instead of writing to it.
    /// (Not INSERT OR IGNORE: a trigger takes the OR clause of the statement that fired it.)
    static let migration = """
    DROP TRIGGER search_fts_docs_ai;
    DROP TRIGGER search_fts_docs_ad;
    DROP TRIGGER search_fts_docs_au;
    CREATE TRIGGER search_fts_docs_ai AFTER INSERT ON search_fts_docs BEGIN
        INSERT INTO settings(key, value) SELECT '\(staleKey)', '1'
         WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = '\(staleKey)');
    END;
    CREATE TRIGGER search_fts_docs_ad AFTER DELETE ON search_fts_docs BEGIN
        INSERT INTO settings(key, value) SELECT '\(staleKey)', '1'
         WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = '\(staleKey)');
    END;
    CREATE TRIGGER search_fts_docs_au AFTER UPDATE ON search_fts_docs BEGIN
        INSERT INTO settings(key, value) SELECT '\(staleKey)', '1'
         WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = '\(staleKey)');
    END;
    """
}
