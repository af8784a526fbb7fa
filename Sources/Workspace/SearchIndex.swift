import SVWDatabase

/// Keeps the FTS5 search index (`search_fts`) in step with what it indexes: supplier names
/// and contract titles, read straight from `suppliers` and `contracts` through the view
/// `search_fts_documents` (see `externalContentMigration`).
///
/// Why not triggers: svw opens workspaces with `trusted_schema` off, so that a workspace
/// file from elsewhere cannot make its own triggers and views run anything unsafe, and
/// SQLite then refuses FTS5 inside any trigger. So the triggers on suppliers and contracts
/// only mark the index stale, and the index is rebuilt, in one pass, by a top-level
/// statement just before the next search reads it.
public enum SearchIndex {
    /// The settings key whose presence says a name or title changed since the index was built.
    static let staleKey = "search_index_stale"

    /// The tables the index reads, each with its searchable column and the kind of hit it
    /// gives; a document's id is the row's rowid shifted left one bit, plus its place here.
    static let sources = [(table: "contracts", column: "title", kind: "contract"),
                          (table: "suppliers", column: "name", kind: "supplier")]

    /// Rebuilds the index if any name or title changed since it was last built.
    public static func refreshIfStale(_ db: Database) throws {
        guard try isStale(db) else { return }
        try rebuild(db)
    }

    /// Whether a name or title changed since the index was last built.
    static func isStale(_ db: Database) throws -> Bool {
        try db.scalar("SELECT count(*) FROM settings WHERE key = ?1", [staleKey]).int64 == 1
    }

    /// Marks the index stale, as the triggers do: the next search rebuilds it.
    public static func markStale(_ db: Database) throws {
        try db.run("INSERT INTO settings(key, value) SELECT ?1, '1' WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = ?1)", [staleKey])
    }

    /// Re-indexes every name and title and clears the stale mark, in one transaction.
    public static func rebuild(_ db: Database) throws {
        try Upkeep.reporting(Upkeep.Step("search index")) {
            try db.transaction {
                try db.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
                try db.run("DELETE FROM settings WHERE key = ?1", [staleKey])
            }
        }
    }

    /// The names of the triggers by which a change to `table` marks the index stale (none
    /// when the index does not read it).
    public static func stalenessTriggers(on table: String) -> [String] {
        guard sources.contains(where: { $0.table == table }) else { return [] }
        return ["ai", "au", "ad"].map { "\(table)_search_\($0)" }
    }

    /// The index's hits for the FTS5 query bound as `match` (a parameter name, never user
    /// text), as SQL indented to sit in a `WITH`: `kind` ('contract' or 'supplier'), `row`
    /// (the rowid in that table) and `score` (bm25, lower is better). One index over both
    /// tables, so bm25 weighs every word against all names and titles together.
    public static func hits(matching match: String) -> String {
        """
            SELECT CASE search_fts.rowid & 1 WHEN 0 THEN '\(sources[0].kind)' ELSE '\(sources[1].kind)' END AS kind,
                   search_fts.rowid >> 1 AS row, bm25(search_fts) AS score
              FROM search_fts
             WHERE search_fts MATCH \(match)
        """
    }
}
