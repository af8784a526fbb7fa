import SVWDatabase

/// Runs the migrations on a scratch in-memory database and reads back what they built. The
/// rowid-keys migration is read from the scratch schema the migrations before it built
/// (`RowidKeys`), and so is each of `Schema.generatedMigrations` from the schema its
/// predecessors left, so the whole list is known only here. `scripts/generate-schema` writes
/// the result into `Schema.snapshot`; svw itself runs this only while that is out of date.
enum ScratchSchema {
    static func build() -> BuiltSchema {
        do {
            let db = try Database()
            for sql in Schema.writtenMigrations { try db.execute(sql) }
            let rowidKeys = try RowidKeys.migration(for: db)
            // A rebuilt table's objects are listed where they first came, so a workspace that lost
            // some gets them back in the order the migrations made them (a table before its indexes).
            let firstMade = Dictionary(try objects(in: db).enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
            try db.execute(rowidKeys)
            var later = [rowidKeys]
            for generate in Schema.generatedMigrations {
                let sql = try generate(db)
                try db.execute(sql)
                later.append(sql)
            }
            let made = try objects(in: db)
            let order = made.indices.sorted { (firstMade[made[$0].name] ?? Int.max, $0) < (firstMade[made[$1].name] ?? Int.max, $1) }
            let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            let created = made.indices.filter { !made[$0].isShadow }
            let rows = try created.map { made[$0] }.filter { $0.type == "table" && !$0.isVirtualTable }
                .flatMap { try inserts(of: $0.name, db) }
            return BuiltSchema(writtenFingerprint: BuiltSchema.fingerprint(of: Schema.writtenMigrations),
                               laterMigrations: later, objects: order.map { made[$0] },
                               creationOrder: created.compactMap { position[$0] }, rows: rows)
        } catch {
            // The migrations are constants that every test runs; failing here means the schema itself is broken.
            preconditionFailure("svw's schema does not build on a scratch database: \(error)")
        }
    }

    /// svw's objects in `db`, in the order `sqlite_schema` holds them (SQLite's own left out).
    private static func objects(in db: Database) throws -> [OwnedObject] {
        let shadows = Set(try db.query("SELECT name FROM pragma_table_list WHERE type = 'shadow'")
            .rows.compactMap { $0.first?.string?.lowercased() })
        return try db.query("SELECT name, type, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")
            .rows.map { row in
                let name = row[0].string ?? ""
                return OwnedObject(name: name, type: row[1].string ?? "", sql: row[2].string ?? "",
                                   isShadow: shadows.contains(name.lowercased()))
            }
    }

    /// An INSERT per row the migrations left in `table` (settings' initial rows), its values as
    /// SQLite's own `quote()` writes them, so they read back exactly.
    private static func inserts(of table: String, _ db: Database) throws -> [String] {
        let columns = try db.query("SELECT name FROM pragma_table_xinfo(?1) WHERE hidden = 0 ORDER BY cid", [table])
            .rows.compactMap { $0.first?.string }.map(SQLIdentifier.quoted)
        let values = columns.map { "quote(\($0))" }.joined(separator: " || ', ' || ")
        // Names from the scratch schema, quoted: svw's own, never user text.
        return try db.query("SELECT \(values) FROM \(SQLIdentifier.quoted(table))").rows.map { row in
            "INSERT INTO \(SQLIdentifier.quoted(table))(\(columns.joined(separator: ", "))) VALUES (\(row[0].string ?? ""))"
        }
    }
}
