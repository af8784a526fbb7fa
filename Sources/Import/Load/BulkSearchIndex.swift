import SVWDatabase
import SVWWorkspace

/// The search index (`search_fts_docs` and its FTS5 index `search_fts`, see Schema.swift)
/// is kept in step by triggers, a document upsert and an FTS write for every row: on a
/// big load that is most of SQLite's work. Like `BulkIndexes`, a deferred load drops the
/// table's search triggers before the rows go in; after, two set-based statements bring
/// the table's documents up to date, the index is marked stale for the next search to
/// rebuild in one pass, and the triggers are recreated from their own SQL. All of it happens
/// inside the load's transaction, so a failed or interrupted load leaves index and schema as
/// they were.
struct BulkSearchIndex {
    /// The table's searchable text: document kind, key column, text column (constants, not user text).
    private let source: (kind: String, key: String, text: String)?
    private let table: String
    private var dropped: [String] = []

    init(table: String) {
        self.table = table
        switch table {
        case "suppliers": source = ("supplier", "supplier_id", "name")
        case "contracts": source = ("contract", "contract_id", "title")
        default: source = nil
        }
    }

    /// Drops the table's search triggers; `refresh` must follow in the same transaction.
    mutating func suspend(db: Database) throws {
        guard source != nil else { return }
        dropped = try BulkSearchIndex.dropSearchTriggers(on: table, db: db)
    }

    /// Brings the table's documents up to date, then recreates the triggers. The FTS index is
    /// marked stale, as the document triggers would have: the next search rebuilds it in one
    /// pass, so a run of loads (suppliers, then contracts) indexes its documents once, not per load.
    func refresh(db: Database) throws {
        // Triggers a user (or nothing) had already dropped stay dropped, and their index stays as it was.
        guard let source, !dropped.isEmpty else { return }
        // One stale mark below, rather than the document triggers' check on every row.
        let indexTriggers = try BulkSearchIndex.dropSearchTriggers(on: "search_fts_docs", db: db)
        try db.run("""
            DELETE FROM search_fts_docs
             WHERE kind = ?1
               AND NOT EXISTS (SELECT 1 FROM \(table) t
                                WHERE t.\(source.key) = search_fts_docs.ref AND t.\(source.text) = search_fts_docs.body)
            """, [source.kind])
        var changed = db.changes
        try db.run("""
            INSERT INTO search_fts_docs(kind, ref, body)
            SELECT ?1, t.\(source.key), t.\(source.text) FROM \(table) t
             WHERE NOT EXISTS (SELECT 1 FROM search_fts_docs d WHERE d.kind = ?1 AND d.ref = t.\(source.key))
            """, [source.kind])
        changed += db.changes
        if changed > 0 { try SearchIndex.markStale(db) }
        for sql in indexTriggers + dropped { try db.execute(sql) }
    }

    /// Drops svw's own triggers on `table` that feed the search index (a user's triggers
    /// keep firing row by row) and returns their SQL.
    private static func dropSearchTriggers(on table: String, db: Database) throws -> [String] {
        let rows = try db.query("""
            SELECT name, sql FROM sqlite_schema
             WHERE type = 'trigger' AND tbl_name = ?1 AND sql IS NOT NULL AND instr(sql, 'search_fts') > 0
             ORDER BY name
            """, [table]).rows
        var dropped: [String] = []
        for row in rows {
            guard let name = row[0].string, let sql = row[1].string, Schema.owns(name) else { continue }
            // Names come from the schema itself, not from user text.
            try db.execute("DROP TRIGGER " + SQLIdentifier.quoted(name))
            dropped.append(sql)
        }
        return dropped
    }
}
