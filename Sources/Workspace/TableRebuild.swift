import SVWDatabase

/// A table rebuilt the way SQLite's documentation describes, for a change ALTER TABLE cannot
/// make: a new table under the old name, the rows copied in key order, the old table
/// dropped, then every index and trigger on it recreated from its own SQL. Run with
/// `legacy_alter_table` on (see `RowidKeys`), so views, triggers and foreign keys naming the
/// table keep naming it. The statements are read from a scratch database holding the schema
/// the earlier migrations built, so nothing on the table needs a second hand-written copy.
enum TableRebuild {
    /// - Parameters:
    ///   - definition: the new `CREATE TABLE` statement.
    ///   - copied: the columns whose values move across (both tables have them).
    ///   - keepingRowids: the rows keep their rowids (and order), rather than being numbered
    ///     afresh in key order.
    static func statements(_ table: String, definition: String, copied: [String], keepingRowids: Bool = false,
                           db: Database) throws -> [String] {
        let old = table + "_before_rebuild"
        let key = keepingRowids ? "rowid"
            : try db.scalar("SELECT name FROM pragma_table_info(?1) WHERE pk = 1", [table]).string ?? "rowid"
        let dependents = try db.query("""
            SELECT sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY rowid
            """, [table]).rows.compactMap { $0.first?.string }
        let columns = ((keepingRowids ? ["rowid"] : []) + copied).joined(separator: ", ")
        return [
            "ALTER TABLE \(table) RENAME TO \(old);",
            definition + ";",
            "INSERT INTO \(table)(\(columns)) SELECT \(columns) FROM \(old) ORDER BY \(key);",
            "DROP TABLE \(old);",
        ] + dependents.map { $0 + ";" }
    }

    /// The `CREATE TABLE` statement of `table` in `db`.
    static func definition(of table: String, db: Database) throws -> String {
        guard let create = try db.scalar("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1", [table]).string
        else { preconditionFailure("no table \(table) to rebuild") }
        return create
    }
}
