import SVWDatabase

/// A table or view an analyst can query.
public struct SchemaObject: Sendable, Equatable {
    /// The name, as the workspace stores it.
    public let name: String
    /// `table` or `view`.
    public let type: String
}

/// What the workspace holds, asked of SQLite's catalog: the one place that lists tables,
/// reads columns, counts rows and matches a typed name. Names are bound as parameters in
/// look-ups and quoted where they must be SQL text.
public enum SchemaQueries {
    /// The tables and views an analyst sees, user-loaded ones included, tables first, then by
    /// name: everything but SQLite's own objects and svw's internal search index (`Schema.internalNames`).
    public static func tablesAndViews(_ db: Database) throws -> [SchemaObject] {
        try db.query("""
            SELECT name, type FROM sqlite_schema
             WHERE type IN ('table','view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
             ORDER BY type, name
            """).rows.map { SchemaObject(name: $0[0].string ?? "", type: $0[1].string ?? "") }
            .filter { !Schema.isInternal($0.name) }
    }

    /// The columns of `table` in order, generated ones included, hidden ones not.
    public static func columns(of table: String, in db: Database) throws -> [String] {
        try db.query("SELECT name FROM pragma_table_xinfo(?1) WHERE hidden <> 1 ORDER BY cid", [table])
            .rows.compactMap { $0.first?.string }
    }

    /// How many rows `table` (a table or view that exists) holds.
    public static func rowCount(of table: String, in db: Database) throws -> Int {
        Int(try db.scalar("SELECT count(*) FROM " + SQLIdentifier.quoted(table)).int64 ?? 0)
    }

    /// The table or view `word` names, in any letter case (an exact match wins); nil when none does.
    public static func resolve(_ word: String, in db: Database) throws -> SchemaObject? {
        try db.query("""
            SELECT name, type FROM sqlite_schema
             WHERE type IN ('table','view') AND name = ?1 COLLATE NOCASE
             ORDER BY name = ?1 DESC LIMIT 1
            """, [word]).rows.first.map { SchemaObject(name: $0[0].string ?? word, type: $0[1].string ?? "table") }
    }
}
