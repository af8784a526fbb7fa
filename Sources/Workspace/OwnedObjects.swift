import SVWDatabase

/// The database objects svw's own schema creates, found by running the migrations on a
/// scratch in-memory database and reading back `sqlite_schema` — so the list can never
/// drift from `Schema.migrations`, and it includes what SQLite makes on the schema's
/// behalf (FTS5 shadow tables), which no hand-written list would remember.
public struct OwnedObject: Sendable, Equatable {
    /// The object's name, as the migrations write it.
    public let name: String
    /// `table`, `view`, `index` or `trigger`.
    public let type: String
    /// The statement that creates it, as `sqlite_schema` holds it.
    public var sql: String = ""
    /// A table SQLite makes for a virtual table (FTS5's `search_fts_data`…): it comes and
    /// goes with its virtual table and is never created on its own.
    public var isShadow = false
}

extension Schema {
    /// Every table, view, index and trigger the migrations create, in creation order.
    /// `sqlite_…` objects (SQLite's own) are left out: no user name can start that way.
    public static var ownedObjects: [OwnedObject] { scratch.objects }

    /// Lower-cased names of `ownedObjects`, for case-insensitive look-ups (SQLite names ignore case).
    public static let ownedNames: Set<String> = Set(ownedObjects.map { $0.name.lowercased() })

    /// Whether `name` is one of svw's own objects (in any letter case).
    public static func owns(_ name: String) -> Bool { ownedNames.contains(name.lowercased()) }

    /// svw's internal machinery, which `tables`, `schema` and completion leave out: each
    /// virtual table the schema creates (the search index) and every object named after
    /// it — its shadow tables and the view it reads its content from (`search_fts`,
    /// `search_fts_data`, `search_fts_documents`, …). Nothing else is
    /// hidden: a user's `shifts` or `gifts_2021` is listed like any other table.
    public static let internalNames: Set<String> = {
        let virtual = ownedObjects.filter { object in
            object.type == "table" && virtualTableNames.contains(object.name.lowercased())
        }.map { $0.name.lowercased() }
        return Set(ownedObjects.map { $0.name.lowercased() }.filter { name in
            virtual.contains { name == $0 || name.hasPrefix($0 + "_") }
        })
    }()

    /// Whether `name` is internal machinery (see `internalNames`).
    public static func isInternal(_ name: String) -> Bool { internalNames.contains(name.lowercased()) }

    /// Virtual tables, read from the statements that create them.
    private static var virtualTableNames: Set<String> { scratch.virtual }

    /// The migrations run once on a scratch database and read back. The rowid-keys migration
    /// is read from the scratch schema the migrations before it built (`RowidKeys`), and so is
    /// each of `Schema.generatedMigrations` from the schema its predecessors left, so the whole
    /// list is known only here (a test holds a migrated workspace's `sqlite_schema` to a new one's).
    static let scratch: (migrations: [String], objects: [OwnedObject], virtual: Set<String>) = {
        do {
            let db = try Database()
            var migrations = writtenMigrations
            for sql in migrations { try db.execute(sql) }
            migrations.append(try RowidKeys.migration(for: db))
            // A rebuilt table's objects are listed where they first came, so a workspace that lost
            // some gets them back in the order the migrations made them (a table before its indexes).
            let firstMade = Dictionary(try db.query(objectsSQL).rows.enumerated().map { ($1[0].string ?? "", $0) },
                                       uniquingKeysWith: { first, _ in first })
            try db.execute(migrations[migrations.count - 1])
            for generate in generatedMigrations {
                let sql = try generate(db)
                try db.execute(sql)
                migrations.append(sql)
            }
            let shadows = Set(try db.query("SELECT name FROM pragma_table_list WHERE type = 'shadow'")
                .rows.compactMap { $0.first?.string?.lowercased() })
            let objects = try db.query(objectsSQL).rows.enumerated()
                .sorted { (firstMade[$0.element[0].string ?? ""] ?? Int.max, $0.offset) < (firstMade[$1.element[0].string ?? ""] ?? Int.max, $1.offset) }
                .map { _, row in
                    let name = row[0].string ?? "", type = row[1].string ?? "", sql = row[2].string ?? ""
                    return OwnedObject(name: name, type: type, sql: sql, isShadow: shadows.contains(name.lowercased()))
                }
            let virtual = try db.query("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
                .rows.compactMap { $0.first?.string?.lowercased() }
            return (migrations, objects, Set(virtual))
        } catch {
            // The migrations are constants that every test runs; failing here means the schema itself is broken.
            preconditionFailure("svw's schema does not build on a scratch database: \(error)")
        }
    }()

    private static let objectsSQL = "SELECT name, type, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"
}
