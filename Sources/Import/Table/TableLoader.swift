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
        let (headers, profiles, firstHash, firstSource) = try infer(file: file, options: inferOptions, display: display, watch: watch)
        let chosen = try choose(headers: headers, profiles: profiles, overrides: options.types)
        let types = chosen.map(\.type)
        let columns = named(Identifier.columnNames(for: headers), types: types)

        // A sheet is read back from its parsed rows; a text file is read again (and must not have changed).
        let sheet = firstSource as? SheetRowSource
        try sheet?.rewind()
        let run = try LoadRun(kind: "table", table: name, file: file, options: options, db: db, source: sheet)
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
        run.report.tableColumns = zip(columns, chosen).map { ($0, $1.type.sqlType, $1.why) }
        let renamed = zip(headers, columns).filter { $0 != $1 }
        if !renamed.isEmpty {
            run.report.notes.append("column names made plain: " + renamed.prefix(8).map { "\"\($0)\" → \($1)" }.joined(separator: ", ")
                                    + (renamed.count > 8 ? ", …" : ""))
        }
        if exists { run.report.notes.append("replaced the previous table \(name)") }
        return run.report
    }

    /// Pass 2, inside the transaction: (re)creates the table and inserts every sound row.
    private static func fill(_ run: LoadRun, name: String, columns: [String], types: [TableColumnType],
                             replacing: Bool, display: String) throws {
        let db = run.db
        if replacing { try db.execute("DROP TABLE \(SQLIdentifier.quoted(name))") }
        let definitions = zip(columns, types).map { "\(SQLIdentifier.quoted($0)) \($1.sqlType)" }
        try db.execute("CREATE TABLE \(SQLIdentifier.quoted(name)) (\(definitions.joined(separator: ", ")))")
        try run.begin()
        let params = (1...columns.count).map { "?\($0)" }.joined(separator: ", ")
        let insert = try db.prepare("INSERT INTO \(SQLIdentifier.quoted(name)) (\(columns.map(SQLIdentifier.quoted).joined(separator: ", "))) VALUES (\(params))")
        var loaded = 0
        let reader = run.reader
        while try run.next() {
            let flagged = reader.rowHasCellProblems
            for (i, type) in types.enumerated() {
                if flagged, let reason = reader.cellProblem(i) { run.problem(i, reason); continue }
                let b = reader.field(i)
                if b.isEmpty { try insert.bind(.null, at: i + 1); continue }
                do {
                    try bind(b, as: type, number: reader.isNumber(i), to: insert, at: i + 1, run: run)
                } catch let error as CoercionError {
                    run.problem(i, error.reason)
                }
            }
            if run.rowHasProblems {
                _ = try run.endRow()
                continue
            }
            try insert.step()
            insert.reset()
            loaded += 1
        }
        run.report.loaded = loaded
        run.report.added = loaded
        try run.finish()
    }

    /// Binds one value as its column's type; a value that does not fit (only possible
    /// where `--types` chose the type) is a CoercionError, so the row becomes a reject.
    private static func bind(_ b: UnsafeRawBufferPointer, as type: TableColumnType, number: Bool,
                             to insert: Statement, at index: Int, run: LoadRun) throws {
        switch type {
        case .integer:
            guard let v = ColumnType.integer(Bytes.trimmed(b)) else { throw CoercionError("not a whole number: \(Bytes.quoted(b))") }
            try insert.bind(.integer(v), at: index)
        case .real:
            guard ColumnType.of(Bytes.trimmed(b)) != .text, let v = ColumnType.real(Bytes.trimmed(b)) else {
                throw CoercionError("not a number: \(Bytes.quoted(b))")
            }
            try insert.bind(.real(v), at: index)
        case .money:
            try insert.bind(.integer(number ? try MoneyParser.penceRoundingFloatNoise(b) : try MoneyParser.pence(b)), at: index)
        case .percent:
            try insert.bind(.real(try Percent.value(b, fraction: false, field: "")), at: index)
        case .date:
            let date = try CalendarDate.parse(b)
            try date.withISOBytes { try insert.bindText(bytes: $0, at: index) }
        case .text:
            try run.bindRawText(insert, index, b)
        }
    }

    /// The inferred choices with `--types` applied.
    static func choose(headers: [String], profiles: [ColumnProfile], overrides: [String: String]) throws -> [(type: TableColumnType, why: String)] {
        var chosen = zip(headers, profiles).map { $1.choice(header: $0) }
        let plain = Identifier.columnNames(for: headers)
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let type = TableColumnType(rawValue: value.lowercased()) else {
                throw ImportError.badOption("--types \(key)=\(value): no such type (one of: \(TableColumnType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let index = plain.firstIndex(of: key.lowercased())
                    ?? headers.firstIndex(where: { HeaderMatcher.normalise($0) == HeaderMatcher.normalise(key) }) else {
                throw ImportError.badOption("--types \(key)=\(value): no such column (columns: \(plain.joined(separator: ", ")))")
            }
            chosen[index] = (type, "as --types says")
        }
        return chosen
    }

    /// Plain names, with a unit suffix for money and percentages (once, and never clashing).
    static func named(_ names: [String], types: [TableColumnType]) -> [String] {
        var used = Set(names)
        return zip(names, types).map { name, type in
            guard let suffix = type.nameSuffix, !name.hasSuffix(suffix), !(type == .money && name.hasSuffix("pence")) else { return name }
            var candidate = name + suffix
            var n = 2
            while used.contains(candidate) { candidate = "\(name)\(suffix)_\(n)"; n += 1 }
            used.insert(candidate)
            return candidate
        }
    }

    /// Checks the name; true when a table of that name exists (and --replace allows replacing it).
    static func validate(name: String, db: Database, replace: Bool) throws -> Bool {
        guard SQLIdentifier.isPlain(name) else {
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
    static func infer(file: URL, options: ImportOptions, display: String,
                      watch: InterruptWatch) throws -> ([String], [ColumnProfile], String, RowSource) {
        let reader = try RowSources.open(file: file, name: display, options: options, headerTest: nil).source
        (reader as? SheetRowSource)?.checkInterrupt = { try watch.check() }
        guard try LoadRun.advance(reader) else { throw ImportError.emptyFile(file: display) }
        if let m = reader.malformation {
            throw ImportError.badOption("\(reader.name):\(m.line):\(m.column): header row: \(m.reason)")
        }
        let headers = (0..<reader.fieldCount).map { LoadRun.decode(reader.field($0)) }
        if headers.count > maxColumns {
            throw ImportError.badOption("\(reader.name): the header has \(headers.count) columns; a table holds at most \(maxColumns) (SQLite's limit)")
        }
        var profiles = Array(repeating: ColumnProfile(), count: headers.count)
        while try LoadRun.advance(reader) {
            try watch.tick()
            guard LoadRun.hasSoundShape(reader, headerCount: headers.count), reader.nulField() == nil else { continue }
            let flagged = reader.rowHasCellProblems
            for i in 0..<headers.count where !(flagged && reader.cellProblem(i) != nil) {
                profiles[i].add(reader.field(i), isNumberCell: reader.isNumber(i))
            }
        }
        return (headers, profiles, reader.sha256, reader)
    }

    /// SQLite's default SQLITE_MAX_COLUMN.
    static let maxColumns = 2000
}
