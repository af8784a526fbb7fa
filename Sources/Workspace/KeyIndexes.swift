import SVWDatabase

/// The key of suppliers, contracts and commitments: a named unique index on the text id,
/// rather than the PRIMARY KEY the rowid-keys migration first declared. SQLite makes a primary
/// key's index itself and never lets it go; a named one can wait. A big load whose ids come
/// in ascending order proves them unique by that order alone, so it leaves the index to be
/// built later, once, like the others (`PendingIndexes`): keeping it up to date row by row
/// was the largest part of SQLite's work left in a load (~0.35 s of 2.8M commitments, ~0.25 s
/// of 1M contracts). The index checks exactly what the primary key checked: foreign keys may
/// name a column with a unique index, and so may an upsert's ON CONFLICT.
public enum KeyIndexes {
    /// Each keyed table's id column, parents before children.
    public static let keyed: [(table: String, column: String)] = [
        ("suppliers", "supplier_id"), ("contracts", "contract_id"), ("commitments", "commitment_id"),
    ]

    /// The name of `table`'s key index, or nil when svw keys it otherwise.
    public static func name(of table: String) -> String? {
        keyed.contains { $0.table == table } ? table + "_key" : nil
    }

    /// The id column of `table`, or nil when it is not one of the keyed tables.
    public static func column(of table: String) -> String? {
        keyed.first { $0.table == table }?.column
    }

    /// The statement that builds `table`'s key index, as `sqlite_schema` holds it.
    static func createStatement(of table: String) -> String {
        guard let name = name(of: table), let column = column(of: table) else { preconditionFailure("\(table) has no key index") }
        return "CREATE UNIQUE INDEX \(name) ON \(table)(\(column))"
    }

    /// The keyed table and id column whose key index is named `index` (in any case), or nil.
    static func keyed(byIndex index: String) -> (table: String, column: String)? {
        keyed.first { name(of: $0.table)?.caseInsensitiveCompare(index) == .orderedSame }
    }

    /// The migration, for the schema `db` holds (the rowid-keys one and those after it):
    /// each table rebuilt without its PRIMARY KEY clause, then given its key index.
    static func migration(for db: Database) throws -> String {
        var out = [RowidKeys.opening]
        for (table, _) in keyed {
            let stored = try db.query("SELECT name FROM pragma_table_xinfo(?1) WHERE hidden = 0 ORDER BY cid", [table])
                .rows.compactMap { $0.first?.string }
            let definition = withoutPrimaryKey(try TableRebuild.definition(of: table, db: db), table: table)
            out += try TableRebuild.statements(table, definition: definition, copied: stored, keepingRowids: true, db: db)
            // Built after the rows are in: one sorted pass, not a row at a time.
            out.append(createStatement(of: table) + ";")
        }
        out.append("PRAGMA legacy_alter_table = OFF;")
        return out.joined(separator: "\n")
    }

    /// `… id TEXT NOT NULL PRIMARY KEY, …` as `… id TEXT NOT NULL, …`.
    static func withoutPrimaryKey(_ create: String, table: String) -> String {
        let key = " TEXT NOT NULL PRIMARY KEY"
        guard create.ranges(of: key).count == 1 else { preconditionFailure("\(table) has no single text primary key") }
        return create.replacing(key, with: " TEXT NOT NULL")
    }

    /// Triggers that hold the key unique while its index is pending, for any program that
    /// writes to the table meanwhile (`sqlite3` on the file): without them a duplicate could go
    /// in, and the index would then fail to build. They seek by scanning, so they exist only
    /// between a load that left the index pending and its build; svw itself builds it before
    /// anything it writes to the table.
    static func guardTriggers(table: String, column: String) -> [(name: String, sql: String)] {
        let refusal = "'UNIQUE constraint failed: \(table).\(column)'"
        let clash = "EXISTS (SELECT 1 FROM \(table) WHERE \(column) = NEW.\(column))"
        return [
            ("\(table)_key_pending_insert", """
                CREATE TRIGGER \(table)_key_pending_insert BEFORE INSERT ON \(table) WHEN \(clash)
                BEGIN SELECT RAISE(ABORT, \(refusal)); END
                """),
            ("\(table)_key_pending_update", """
                CREATE TRIGGER \(table)_key_pending_update BEFORE UPDATE OF \(column) ON \(table)
                WHEN NEW.\(column) IS NOT OLD.\(column) AND \(clash)
                BEGIN SELECT RAISE(ABORT, \(refusal)); END
                """),
        ]
    }
}
