import Foundation
import SVWDatabase
import SVWWorkspace

/// `load table NAME FILE`: any delimited file into a new table, column names from the
/// header and each column's type inferred from all of its values.
///
/// Types must be known before the table is created, so the file is read twice: once
/// to infer the types, once to insert. Both passes stream, so memory stays flat; the
/// second pass's SHA-256 must equal the first's, so a file changed in between is caught.
enum TableLoader {
    static func load(name: String, file: URL, workspace: Workspace, options: ImportOptions) throws -> ImportReport {
        let db = workspace.db
        let exists = try validate(name: name, db: db, replace: options.replaceTable)
        let display = options.displayName ?? file.path

        // Pass 1: infer. The watch spans both passes so Ctrl-C during the first is not lost.
        let watch = try InterruptWatch(db: db)
        defer { watch.end() }
        var inferOptions = options
        inferOptions.progress = nil
        let (headers, types, firstHash) = try infer(file: file, options: inferOptions, display: display, watch: watch)
        let columns = Identifier.columnNames(for: headers)

        let run = try LoadRun(kind: "table", table: name, file: file, options: options, db: db)
        try db.transaction {
            do {
                try fill(run, name: name, columns: columns, types: types, replacing: exists, display: display)
                if run.report.sha256 != firstHash { throw ImportError.fileChanged(file: display) }
            } catch {
                // The pending interrupt must go before the ROLLBACK, or SQLite refuses that too.
                run.stopWatching()
                watch.end()
                throw error
            }
        }
        run.report.tableColumns = zip(columns, types).map { ($0, $1.label) }
        let renamed = zip(headers, columns).filter { $0 != $1 }
        if !renamed.isEmpty {
            run.report.notes.append("column names made plain: " + renamed.prefix(8).map { "\"\($0)\" → \($1)" }.joined(separator: ", ")
                                    + (renamed.count > 8 ? ", …" : ""))
        }
        if exists { run.report.notes.append("replaced the previous table \(name)") }
        return run.report
    }

    /// Pass 2, inside the transaction: (re)creates the table and inserts every sound row.
    private static func fill(_ run: LoadRun, name: String, columns: [String], types: [ColumnType],
                             replacing: Bool, display: String) throws {
        let db = run.db
        if replacing { try db.execute("DROP TABLE \(Identifier.quoted(name))") }
        let definitions = zip(columns, types).map { "\(Identifier.quoted($0)) \($1.sqlType)" }
        try db.execute("CREATE TABLE \(Identifier.quoted(name)) (\(definitions.joined(separator: ", ")))")
        try run.begin()
        let params = (1...columns.count).map { "?\($0)" }.joined(separator: ", ")
        let insert = try db.prepare("INSERT INTO \(Identifier.quoted(name)) (\(columns.map(Identifier.quoted).joined(separator: ", "))) VALUES (\(params))")
        var loaded = 0
        while try run.next() {
            for (i, type) in types.enumerated() {
                let b = run.reader.field(i)
                if b.isEmpty { try insert.bind(.null, at: i + 1); continue }
                switch type {
                case .integer:
                    guard let v = ColumnType.integer(b) else { throw ImportError.fileChanged(file: display) }
                    try insert.bind(.integer(v), at: i + 1)
                case .real:
                    guard let v = ColumnType.real(b) else { throw ImportError.fileChanged(file: display) }
                    try insert.bind(.real(v), at: i + 1)
                case .empty, .date, .text:
                    if TextEncoding.isASCII(b) || TextEncoding.isValidUTF8(b) { try insert.bindText(bytes: b, at: i + 1) }
                    else { try insert.bind(.text(TextEncoding.windows1252(b)), at: i + 1) }
                }
            }
            try insert.step()
            insert.reset()
            loaded += 1
        }
        run.report.loaded = loaded
        run.report.added = loaded
        try run.finish()
    }

    /// Checks the name; true when a table of that name exists (and --replace allows replacing it).
    static func validate(name: String, db: Database, replace: Bool) throws -> Bool {
        guard Identifier.isPlain(name) else {
            throw ImportError.badTableName(name, reason: "a table name is letters, digits and _, starting with a letter or _")
        }
        let lower = name.lowercased()
        if lower.hasPrefix("sqlite_") { throw ImportError.badTableName(name, reason: "names starting sqlite_ are SQLite's own") }
        if Identifier.keywords.contains(lower) { throw ImportError.badTableName(name, reason: "\(name) is an SQL keyword") }
        // Everything the schema creates is svw's, whether or not this workspace still has it:
        // replacing the search index's tables would break find and every later load.
        if let owned = Schema.ownedObjects.first(where: { $0.name.lowercased() == lower }) {
            if let kind = ImportKind.allCases.first(where: { $0.table == owned.name }) {
                throw ImportError.badTableName(name, reason: "\(owned.name) is a workspace table; load it with load \(kind.rawValue)")
            }
            throw ImportError.badTableName(name, reason: "\(owned.name) is svw's own \(owned.type) (part of the workspace schema); choose another name")
        }
        let type = try db.scalar("SELECT type FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE", [name]).string
        guard let type else { return false }
        if type != "table" { throw ImportError.badTableName(name, reason: "\(name) is a\(type == "index" ? "n" : "") \(type)") }
        if !replace { throw ImportError.badTableName(name, reason: "a table of that name exists (add --replace to replace it)") }
        return true
    }

    /// Pass 1: the header, every column's type, and the file's hash.
    static func infer(file: URL, options: ImportOptions, display: String, watch: InterruptWatch) throws -> ([String], [ColumnType], String) {
        let reader: CSVReader
        do { reader = try CSVReader(path: file.path, name: display, delimiter: options.delimiter(for: file.path), chunkSize: options.chunkSize) }
        catch let error as CSVError { throw ImportError.csv(error) }
        do {
            guard try reader.next() else { throw ImportError.emptyFile(file: display) }
            if let m = reader.malformation {
                throw ImportError.badOption("\(display):\(m.line):\(m.column): header row: \(m.reason)")
            }
            let headers = (0..<reader.fieldCount).map { LoadRun.decode(reader.field($0)) }
            var types = Array(repeating: ColumnType.empty, count: headers.count)
            while try reader.next() {
                try watch.tick()
                guard LoadRun.hasSoundShape(reader, headerCount: headers.count) else { continue }
                for i in 0..<headers.count where types[i] != .text {
                    types[i] = types[i].merged(with: ColumnType.of(reader.field(i)))
                }
            }
            return (headers, types, reader.sha256)
        } catch let error as CSVError {
            throw ImportError.csv(error)
        }
    }
}
