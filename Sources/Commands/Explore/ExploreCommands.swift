import SVWDatabase
import SVWRendering
import SVWScript
import SVWText
import SVWWorkspace

/// Looking around the workspace: tables, columns, schema, what was imported.
/// All look-ups: they answer a question and change nothing, so none is recorded.
enum ExploreCommands {
    static let specs: [CommandSpec] = [tables, describe, schema, imports, ProfileCommand.spec]

    static let tables = CommandSpec(
        name: "tables", aliases: [".tables", "\\dt"], group: .explore,
        abstract: "List the tables and views with their row counts",
        discussion: "Every table and view is open to SQL: SELECT * FROM contracts LIMIT 5;",
        examples: ["tables", "tables --format csv"],
        recorded: false,
        handler: { try listTables($0) })

    static func listTables(_ context: CommandContext) throws {
        let db = context.db
        var rows: [[SQLValue]] = []
        for object in try SchemaQueries.tablesAndViews(db) {
            let count = try SchemaQueries.rowCount(of: object.name, in: db)
            rows.append([.text(object.name), .text(object.type), .integer(Int64(count))])
        }
        context.session.emit(ResultSet(columns: ["name", "type", "rows"], rows: rows))
    }

    static let describe = CommandSpec(
        name: "describe", aliases: ["\\d"], group: .explore,
        abstract: "Show a table's columns, their types and its row count",
        arguments: [ArgumentSpec("TABLE", "a table or view; without it, the tables and views (as tables lists them)",
                                 optional: true, completion: .table)],
        examples: ["describe contracts", "describe supplier_geography"],
        recorded: false,
        handler: { context in
            let db = context.db
            // psql's \d alone lists the relations.
            guard let word = context.invocation.argument(0) else { return try listTables(context) }
            let object = try NamedTable.resolve(word, in: db, command: context.invocation.spec.name)
            let name = object.name
            let columns = try db.query("""
                SELECT name AS "column",
                       type,
                       CASE WHEN "notnull" THEN 'yes' ELSE '' END AS not_null,
                       -- A column of the primary key (with its place, when it has several), or one
                       -- a unique index of its own keys, as svw's tables key their ids (KeyIndexes).
                       CASE WHEN pk > 0 THEN CASE WHEN (SELECT count(*) FROM pragma_table_info(?1) WHERE pk > 0) > 1
                                                  THEN 'primary ' || pk ELSE 'primary' END
                            WHEN EXISTS (SELECT 1 FROM pragma_index_list(?1) l
                                          WHERE l."unique" AND NOT l.partial
                                            AND (SELECT count(*) FROM pragma_index_info(l.name)) = 1
                                            AND (SELECT i.name FROM pragma_index_info(l.name) i) = x.name) THEN 'unique'
                            ELSE '' END AS "key",
                       coalesce(dflt_value, '') AS "default",
                       CASE WHEN hidden = 2 THEN 'generated' WHEN hidden = 3 THEN 'generated, stored' WHEN hidden = 1 THEN 'hidden'
                            WHEN name = 'financial_year' AND ?2 IS NOT NULL THEN 'financial year of ' || ?2 || ', kept by svw'
                            ELSE '' END AS note
                  FROM pragma_table_xinfo(?1) x
                 ORDER BY cid
                """, [name, WrittenFinancialYears.dateColumn(of: name)])
            let count = try SchemaQueries.rowCount(of: name, in: db)
            let noun = Plural.noun(count, "row")
            context.session.emit(columns, footer: "\(name): \(object.type), \(NumberText.grouped(count)) \(noun)")
        })

    static let schema = CommandSpec(
        name: "schema", aliases: [".schema"], group: .explore,
        abstract: "Show the CREATE statements of the workspace, or of one table",
        arguments: [ArgumentSpec("TABLE", "a table or view (its indexes and triggers come with it)",
                                 optional: true, completion: .table)],
        examples: ["schema contracts", "schema"],
        recorded: false,
        handler: { context in
            let db = context.db
            var table: String?
            if let word = context.invocation.argument(0) {
                table = try NamedTable.resolve(word, in: db, command: context.invocation.spec.name).name
            }
            // Creation order (rowid) puts each table before its indexes and the views that use it.
            let result = try db.query("""
                SELECT sql, name FROM sqlite_schema
                 WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                   AND (?1 IS NULL OR tbl_name = ?1)
                 ORDER BY rowid
                """, [table])
            let shown = result.rows.filter { !Schema.isInternal($0[1].string ?? "") }
            context.session.write(shown.compactMap { $0.first?.string }.map { $0 + ";\n" }.joined())
        })

    static let imports = CommandSpec(
        name: "imports", group: .explore,
        abstract: "List what was loaded, from which file, with its SHA-256 and row counts",
        examples: ["imports", "imports --format json"],
        recorded: false, readsData: false,
        handler: { context in
            let result = try context.db.query("""
                SELECT import_id AS id, kind, table_name AS "table", file,
                       rows_loaded AS loaded, rows_replaced AS replaced, rows_rejected AS rejected,
                       sha256, loaded_at
                  FROM imports
                 ORDER BY import_id
                """)
            if result.isEmpty {
                context.session.note(context.prefixed("nothing loaded yet (load KIND FILE loads a file; help load shows how)"))
                return
            }
            context.session.emit(result)
        })
}

/// A table or view an analyst named in a command, or an error that suggests the closest.
enum NamedTable {
    static func resolve(_ word: String, in db: Database, command: String) throws -> SchemaObject {
        if let found = try SchemaQueries.resolve(word, in: db) { return found }
        let names = try SchemaQueries.tablesAndViews(db).map(\.name)
        var message = "\(command): no table or view named \"\(word)\""
        if let guess = Suggest.closest(to: word.lowercased(), among: names) { message += "; did you mean \"\(guess)\"?" }
        throw CommandError.failed(message + " (tables lists them)")
    }
}
