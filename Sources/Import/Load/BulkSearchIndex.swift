import SVWDatabase
import SVWWorkspace

/// The search index (`search_fts_docs` and its FTS5 index `search_fts`, see Schema.swift)
/// is kept in step by triggers, a document upsert and an FTS write for every row: on a
/// big load that is most of SQLite's work. Like `BulkIndexes`, a deferred load drops the
/// table's search triggers before the rows go in; after, two set-based statements bring
/// the table's documents up to date, one FTS5 'rebuild' re-indexes every document in a
/// single pass (about twice as fast as per-row FTS writes once documents are replaced),
/// and the triggers are recreated from their own SQL. All of it happens inside the
/// load's transaction, so a failed or interrupted load leaves index and schema as they were.
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

    /// Brings the table's documents and the FTS index up to date, then recreates the triggers.
    func refresh(db: Database) throws {
        // Triggers a user (or nothing) had already dropped stay dropped, and their index stays as it was.
        guard let source, !dropped.isEmpty else { return }
        // Per-row FTS writes for the documents replaced here would cost more than one rebuild.
        let indexTriggers = try BulkSearchIndex.dropSearchTriggers(on: "search_fts_docs", db: db)
        try db.run("""
            DELETE FROM search_fts_docs
             WHERE kind = ?1
               AND NOT EXISTS (SELECT 1 FROM \(table) t
                                WHERE t.\(source.key) = search_fts_docs.ref AND t.\(source.text) = search_fts_docs.body)
            """, [source.kind])
        try db.run("""
            INSERT INTO search_fts_docs(kind, ref, body)
            SELECT ?1, t.\(source.key), t.\(source.text) FROM \(table) t
             WHERE NOT EXISTS (SELECT 1 FROM search_fts_docs d WHERE d.kind = ?1 AND d.ref = t.\(source.key))
            """, [source.kind])
        try db.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
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
