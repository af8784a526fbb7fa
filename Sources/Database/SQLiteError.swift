import CSQLite

/// An error reported by SQLite, carrying its own message and, when SQLite knows it,
/// the byte offset in the SQL text where the problem lies.
public struct SQLiteError: Error, CustomStringConvertible, Sendable, Equatable {
    /// SQLite's extended result code (`sqlite3_extended_errcode`).
    public let code: Int32
    /// SQLite's own message (`sqlite3_errmsg`).
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?
    /// Byte offset into `sql` of the token SQLite complained about (sqlite3_error_offset).
    public let offset: Int?

    /// An error as SQLite reported it; `offset` is a byte offset into `sql`.
    public init(code: Int32, message: String, sql: String? = nil, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.offset = offset
    }

    /// What SQLite says when a unique index on `table(column)` refuses a row
    /// (SQLITE_CONSTRAINT_UNIQUE): for a load that checks such a key itself while the index
    /// waits to be built, and refuses the row as the index would.
    public static func uniqueViolation(table: String, column: String) -> SQLiteError {
        SQLiteError(code: SQLITE_CONSTRAINT | (8 << 8), message: "UNIQUE constraint failed: \(table).\(column)")
    }

    /// The statement was stopped by `Database.interrupt()` (Ctrl-C).
    public var isInterrupt: Bool { code == SQLITE_INTERRUPT }
    /// A constraint refused the row (NOT NULL, UNIQUE, CHECK, FOREIGN KEY…), whatever the extended code.
    public var isConstraint: Bool { (code & 0xff) == SQLITE_CONSTRAINT }
    /// A row refers to a key its parent table does not hold (SQLITE_CONSTRAINT_FOREIGNKEY,
    /// an extended code the C macro builds, so Swift cannot import it by name).
    public var isForeignKeyViolation: Bool { code == SQLITE_CONSTRAINT | (3 << 8) }
    /// A PRIMARY KEY or UNIQUE constraint refused a row whose key a row already has.
    public var isUniqueViolation: Bool { code == SQLITE_CONSTRAINT | (6 << 8) || code == SQLITE_CONSTRAINT | (8 << 8) }
    /// The file exists but is not an SQLite database (SQLITE_NOTADB).
    public var isNotADatabase: Bool { (code & 0xff) == SQLITE_NOTADB }

    /// SQLite's message, as shown to the analyst.
    public var description: String { message }

    /// The SQL line with a caret under the offending token, as DuckDB and psql show it.
    public var pointer: String? {
        guard let sql, let offset, offset >= 0, offset <= sql.utf8.count else { return nil }
        let bytes = Array(sql.utf8)
        var lineStart = offset
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = offset
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count
        return line + "\n" + String(repeating: " ", count: column) + "^"
    }
}
