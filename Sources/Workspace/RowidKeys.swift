import SVWDatabase

/// The migration that stores suppliers, contracts and commitments as ordinary rowid tables,
/// each with a unique index on its text id, instead of WITHOUT ROWID tables keyed by that
/// text. A WITHOUT ROWID table keeps whole rows (titles and all) in its text-keyed B-tree,
/// so every insert moves far more bytes through it; a rowid table appends the row and keeps
/// only the short id in its index — about three times as fast to load. Every column keeps its
/// name, type, checks and meaning (the integer rowid is SQLite's hidden one, not a new
/// column), so `SELECT *`, the views, notebooks and analysts' own SQL read exactly as before;
/// the id stayed the declared primary key, now also NOT NULL as WITHOUT ROWID enforced (a
/// later migration made the key a named unique index: see `KeyIndexes`).
///
/// Each table is rebuilt by `TableRebuild`, so whatever the earlier migrations put on it
/// (rollup staleness triggers included) is carried over without a second hand-written copy.
enum RowidKeys {
    /// The tables rebuilt, parents before children.
    static let tables = ["suppliers", "contracts", "commitments"]

    /// The migration's first statement (what tells it from the others).
    static let opening = "PRAGMA legacy_alter_table = ON;"

    /// The migration's SQL, for a workspace holding the schema `db` holds now (the earlier
    /// migrations run on a scratch database: see `ScratchSchema`).
    static func migration(for db: Database) throws -> String {
        // The old mode renames a table without rewriting the views, triggers and foreign
        // keys that name it, so they name the new table once it takes the old one's name.
        var out = [opening]
        for table in tables { out += try rebuild(table, db) }
        out.append("PRAGMA legacy_alter_table = OFF;")
        return out.joined(separator: "\n")
    }

    private static func rebuild(_ table: String, _ db: Database) throws -> [String] {
        let stored = try db.query("SELECT name FROM pragma_table_xinfo(?1) WHERE hidden = 0 ORDER BY cid", [table])
            .rows.compactMap { $0.first?.string }
        let definition = rowidDefinition(try TableRebuild.definition(of: table, db: db), table: table)
        return try TableRebuild.statements(table, definition: definition, copied: stored, db: db)
    }

    /// `CREATE TABLE t (… id TEXT PRIMARY KEY …) WITHOUT ROWID` as a rowid table.
    static func rowidDefinition(_ create: String, table: String) -> String {
        let head = "CREATE TABLE \(table) (", tail = ") WITHOUT ROWID", key = " TEXT PRIMARY KEY"
        guard create.hasPrefix(head), create.hasSuffix(tail), create.ranges(of: key).count == 1
        else { preconditionFailure("\(table) is not a text-keyed WITHOUT ROWID table") }
        let body = create.replacing(key, with: " TEXT NOT NULL PRIMARY KEY").dropFirst(head.count).dropLast(tail.count)
        return head + body + ")"
    }
}
