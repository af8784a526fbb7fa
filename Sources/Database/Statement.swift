import CSQLite

/// A prepared statement. Reused across rows (bind, step, reset) so a bulk load
/// compiles its INSERT once.
public final class Statement {
    let handle: OpaquePointer
    /// Held strongly: a statement reports its errors through its connection, so one that
    /// outlived an `unowned` reference trapped on its first error (a pass reading on a second
    /// connection of its own, say). The connection stays open no longer for it: SQLite's
    /// `close_v2` keeps a connection with unfinalized statements until the last is finalized.
    let database: Database
    /// The SQL text the statement was compiled from.
    public let sql: String

    init(database: Database, sql: String) throws {
        var stmt: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let rc = sqlite3_prepare_v2(database.handle, sql, -1, &stmt, &tail)
        guard rc == SQLITE_OK, let stmt else {
            throw database.error(rc, sql: sql)
        }
        self.handle = stmt
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// How many parameters the statement takes (the highest parameter number).
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// The name of a 1-based parameter as written (`$year`, `:year`, `@year`); nil for `?`.
    public func parameterName(_ index: Int) -> String? {
        sqlite3_bind_parameter_name(handle, Int32(index)).map { String(cString: $0) }
    }
    /// Whether the statement only reads (SELECT, or a PRAGMA that changes nothing): a script may run it without --allow-writes.
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// How many columns each result row has.
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The name of a 0-based result column, as the query wrote it (`AS` names included).
    public func columnName(_ index: Int) -> String {
        String(cString: sqlite3_column_name(handle, Int32(index)))
    }

    /// Every result column's name, in order.
    public var columnNames: [String] { (0..<columnCount).map(columnName) }

    // MARK: Binding (1-based, as SQLite numbers parameters)

    /// Binds `values` to parameters 1, 2, 3… in order.
    public func bind(_ values: [SQLBindable]) throws {
        for (i, v) in values.enumerated() { try bind(v.sqlValue, at: i + 1) }
    }

    /// Binds one value to a 1-based parameter.
    public func bind(_ value: SQLValue, at index: Int) throws {
        let i = Int32(index)
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, i)
        case .integer(let v): rc = sqlite3_bind_int64(handle, i, v)
        case .real(let v): rc = sqlite3_bind_double(handle, i, v)
        case .text(var s):
            // Its UTF-8 in place, not the NUL-terminated copy an implicit C string allocates per bind.
            rc = s.withUTF8 { utf8 in
                guard let base = utf8.baseAddress else { return sqlite3_bind_text(handle, i, "", 0, svw_sqlite_transient()) }
                return sqlite3_bind_text(handle, i, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(utf8.count),
                                         svw_sqlite_transient())
            }
        case .blob(let b):
            rc = b.withUnsafeBytes { sqlite3_bind_blob(handle, i, $0.baseAddress, Int32($0.count), svw_sqlite_transient()) }
        }
        guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
    }

    /// Binds UTF-8 bytes as TEXT without building a Swift String (the import hot path).
    public func bindText(bytes: UnsafeRawBufferPointer, at index: Int) throws {
        let rc = sqlite3_bind_text(handle, Int32(index), bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                                   Int32(bytes.count), svw_sqlite_transient())
        guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
    }

    /// Binds UTF-8 bytes as TEXT without copying them: SQLite reads them where they are, so
    /// they must stay valid and unchanged until the statement is next stepped, reset and
    /// rebound (a CSV field within the reader's current record). Saves an allocation and a
    /// copy per field of a bulk load.
    public func bindTextUntilStep(bytes: UnsafeRawBufferPointer, at index: Int) throws {
        let rc = sqlite3_bind_text(handle, Int32(index), bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                                   Int32(bytes.count), svw_sqlite_static())
        guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
    }

    /// Binds a 0-based column of `source`'s current row, as SQLite holds it, to a 1-based
    /// parameter: copying a row from one statement into another without a Swift value each.
    public func bind(columnOf source: Statement, _ column: Int, at index: Int) throws {
        let rc = sqlite3_bind_value(handle, Int32(index), sqlite3_column_value(source.handle, Int32(column)))
        guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
    }

    // MARK: Stepping

    /// Advances; true when a row is ready to read.
    @discardableResult
    public func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let err = database.error(rc, sql: sql)
            sqlite3_reset(handle)
            throw err
        }
    }

    /// Rewinds the statement so it can be stepped again; bindings are kept.
    public func reset() { sqlite3_reset(handle) }

    /// The value of a 0-based column of the current row.
    public func value(_ index: Int) -> SQLValue {
        let i = Int32(index)
        switch sqlite3_column_type(handle, i) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, i))
        case SQLITE_TEXT:
            let n = Int(sqlite3_column_bytes(handle, i))
            guard let p = sqlite3_column_text(handle, i) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
        case SQLITE_BLOB:
            let n = Int(sqlite3_column_bytes(handle, i))
            guard let p = sqlite3_column_blob(handle, i) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: p, count: n)))
        default: return .null
        }
    }

    /// The storage class of a 0-based column of the current row: with `int64` and `double`,
    /// a number is read without building an `SQLValue` (a pass adding up millions of rows).
    public func storageClass(_ index: Int) -> StorageClass {
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_INTEGER: return .integer
        case SQLITE_FLOAT: return .real
        case SQLITE_TEXT: return .text
        case SQLITE_BLOB: return .blob
        default: return .null
        }
    }

    /// A 0-based column of the current row read as an integer (meant for an INTEGER one).
    public func int64(_ index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }

    /// A 0-based column of the current row read as a REAL (meant for a REAL one).
    public func double(_ index: Int) -> Double { sqlite3_column_double(handle, Int32(index)) }

    /// The bytes of a 0-based TEXT column of the current row, valid only inside `body`
    /// (until the next step): for reading many keys without a Swift String each.
    public func withText<T>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let i = Int32(index)
        let p = sqlite3_column_text(handle, i)
        return try body(UnsafeRawBufferPointer(start: p, count: p == nil ? 0 : Int(sqlite3_column_bytes(handle, i))))
    }

    /// A 0-based TEXT column of the current row against one of `other`'s, by their bytes
    /// (SQLite's BINARY order): negative, zero or positive. For merging two statements
    /// read in the same order without a Swift String per key.
    public func compareText(_ index: Int, with other: Statement, _ otherIndex: Int) -> Int {
        withText(index) { a in
            other.withText(otherIndex) { b in
                for (x, y) in zip(a, b) where x != y { return Int(x) - Int(y) }
                return a.count - b.count
            }
        }
    }

    /// Every value of the current row, in column order.
    public var row: [SQLValue] { (0..<columnCount).map(value) }

    /// Runs to completion and collects every row, or the first `maxRows` of them; the
    /// rest are stepped over without being read and counted in `omittedRows`.
    public func all(maxRows: Int = .max) throws -> ResultSet {
        var rows: [[SQLValue]] = []
        var omitted = 0
        let names = columnNames
        while try step() {
            if rows.count < maxRows { rows.append(row) } else { omitted += 1 }
        }
        reset()
        var result = ResultSet(columns: names, rows: rows)
        result.omittedRows = omitted
        return result
    }
}
