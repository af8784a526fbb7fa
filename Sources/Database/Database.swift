import CSQLite

/// One open SQLite connection: the only door from svw to SQLite.
public final class Database {
    let handle: OpaquePointer
    /// The file this connection opened (`:memory:` or empty for an in-memory database).
    public let path: String

    /// ":memory:" for an in-memory database.
    public init(path: String = ":memory:", readOnly: Bool = false) throws {
        _ = Database.sqliteConfigured
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
            | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: "cannot open \(path): \(message)")
        }
        self.handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        let hardened = svw_sqlite_harden(db)
        guard hardened == SQLITE_OK else {
            throw SQLiteError(code: hardened, message: "cannot open \(path): SQLite refused its safety settings")
        }
        installSchemaGuard()
    }

    deinit { sqlite3_close_v2(handle) }

    /// Process-wide settings SQLite takes only before its first connection (run once), and
    /// the C heap's (see `svw_bound_free_heap`), which SQLite's allocations live in.
    private static let sqliteConfigured: Bool = {
        svw_bound_free_heap()
        return svw_sqlite_skip_memory_statistics() == SQLITE_OK
    }()

    /// Whether the database lives in memory only (nothing is written to disk).
    public var isInMemory: Bool { path == ":memory:" || path.isEmpty }

    func error(_ rc: Int32, sql: String? = nil) -> SQLiteError {
        let offset = Int(sqlite3_error_offset(handle))
        let code = sqlite3_extended_errcode(handle)
        return SQLiteError(code: code, message: busyMessage(code) ?? String(cString: sqlite3_errmsg(handle)),
                           sql: sql, offset: offset >= 0 ? offset : nil)
    }

    /// How long a write waits for another connection's write to finish before giving up.
    public func setBusyTimeout(milliseconds: Int) {
        busyTimeout = milliseconds
        sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
    }
    private(set) var busyTimeout = 0

    /// SQLite's "database is locked" says neither which file nor why: another process
    /// (a second svw, sqlite3) is writing to the same workspace file. (A large load that had
    /// the file to itself when it began writes without the WAL: readers wait for it too.)
    private func busyMessage(_ code: Int32) -> String? {
        guard (code & 0xff) == SQLITE_BUSY, !isInMemory else { return nil }
        let waited = busyTimeout >= 1000 ? " (waited \(busyTimeout / 1000) s)" : ""
        return "the workspace \(path) is busy: another process is writing to it\(waited); "
            + "try again when that process has finished"
    }

    /// Compiles one SQL statement; bind its parameters and step it, or use `query`/`run`.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs one or more statements with no parameters and no results (schema, pragmas).
    public func execute(_ sql: String) throws {
        var errmsg: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
        if rc != SQLITE_OK {
            let code = sqlite3_extended_errcode(handle)
            let message = busyMessage(code) ?? errmsg.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errmsg)
            throw SQLiteError(code: code, message: message, sql: sql)
        }
    }

    /// Runs one statement with bound parameters and returns every row.
    @discardableResult
    public func query(_ sql: String, _ parameters: [SQLBindable] = []) throws -> ResultSet {
        let stmt = try prepare(sql)
        try stmt.bind(parameters)
        return try stmt.all()
    }

    /// Runs one statement with bound parameters and returns the first column of the first row.
    public func scalar(_ sql: String, _ parameters: [SQLBindable] = []) throws -> SQLValue {
        let stmt = try prepare(sql)
        try stmt.bind(parameters)
        guard try stmt.step() else { return .null }
        let v = stmt.value(0)
        stmt.reset()
        return v
    }

    /// Runs one statement with bound parameters for its effect.
    public func run(_ sql: String, _ parameters: [SQLBindable] = []) throws {
        let stmt = try prepare(sql)
        try stmt.bind(parameters)
        while try stmt.step() {}
    }

    /// Refuses ATTACH (and VACUUM INTO, which attaches its target) on this connection
    /// from now on, so SQL cannot write files: session scripts run this way.
    public func forbidAttachingFiles() {
        sqlite3_limit(handle, SQLITE_LIMIT_ATTACHED, 0)
    }

    /// Rows the last INSERT, UPDATE or DELETE changed (0 when an upsert found the row identical).
    public var changes: Int { Int(sqlite3_changes64(handle)) }
    /// Rows changed since the connection opened: two equal readings mean nothing was written in between.
    public var totalChanges: Int { Int(sqlite3_total_changes64(handle)) }
    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    /// Whether no transaction is open (SQLite commits each statement on its own).
    public var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// Runs `body` with SQLite's foreign-key enforcement off, for a bulk load that checks every
    /// key itself against what the tables hold (a look-up per row in SQLite costs more than the
    /// row). Only outside a transaction can it be switched (SQLite ignores the pragma inside
    /// one): there `body` runs with enforcement as it is. It is a setting of this connection,
    /// never stored, so a process killed meanwhile leaves nothing behind.
    public func withoutForeignKeyEnforcement<T>(if condition: Bool = true, _ body: () throws -> T) throws -> T {
        guard condition, isAutocommit, try scalar("PRAGMA foreign_keys").int64 == 1 else { return try body() }
        try execute("PRAGMA foreign_keys = OFF")
        defer { try? execute("PRAGMA foreign_keys = ON") }
        return try body()
    }

    /// Runs `body` in one transaction: all of it happens, or (on any error, interrupt
    /// included) none of it. Nested calls become savepoints.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let outer = isAutocommit
        let name = "svw_sp_\(savepointDepth)"
        if outer { try execute("BEGIN IMMEDIATE") } else { try execute("SAVEPOINT \(name)") }
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        do {
            let result = try body()
            if outer { try execute("COMMIT") } else { try execute("RELEASE \(name)") }
            return result
        } catch {
            if outer {
                if !isAutocommit { try rollbackAfterFailure(because: error) }
            } else {
                try? execute("ROLLBACK TO \(name)")
                try? execute("RELEASE \(name)")
            }
            throw error
        }
    }

    /// Rolls back the open transaction. A ROLLBACK can itself fail while statements are
    /// still active or an interrupt is pending; then every statement is reset and it is
    /// tried again, because leaving a half-done transaction open is never acceptable.
    private func rollbackAfterFailure(because original: Error) throws {
        if (try? execute("ROLLBACK")) != nil || isAutocommit { return }
        var stmt = sqlite3_next_stmt(handle, nil)
        while let s = stmt {
            sqlite3_reset(s)
            stmt = sqlite3_next_stmt(handle, s)
        }
        do {
            try execute("ROLLBACK")
        } catch {
            if isAutocommit { return }
            throw SQLiteError(code: (error as? SQLiteError)?.code ?? SQLITE_ERROR,
                              message: "\(original) — and the rollback failed too (\(error)); the transaction is still open")
        }
    }
    private var savepointDepth = 0
    /// What the authorizer protects (SchemaGuard.swift), and whether it is guarding now.
    var schemaGuard = SchemaGuard()
    var schemaGuarded = false

    /// A handle another thread (a signal watcher) may use to cancel the running statement.
    public var interruptHandle: InterruptHandle { InterruptHandle(handle: handle) }

    /// Runs `body` with this connection's integer pragma `name` set to `value`, and sets it
    /// back to what it was after, however `body` ends (a load's or a rebuild's page cache, say).
    public func with<T>(pragma name: String, _ value: Int64, _ body: () throws -> T) throws -> T {
        // `name` is svw's own pragma name and the values integers, never user text.
        let before = try scalar("PRAGMA \(name)").int64 ?? 0
        try execute("PRAGMA \(name) = \(value)")
        defer { try? execute("PRAGMA \(name) = \(before)") }
        return try body()
    }

    /// Whether a table or view of this name exists (any letter case, as SQLite matches names).
    public func tableExists(_ name: String) throws -> Bool {
        try scalar("SELECT count(*) FROM sqlite_schema WHERE type IN ('table','view') AND name = ?1 COLLATE NOCASE",
                   [name]).int64 == 1
    }

    /// Whether `sql` is one or more complete statements (ends with `;` outside quotes, comments and triggers).
    public static func isComplete(_ sql: String) -> Bool { sqlite3_complete(sql) != 0 }
}

/// Cancels whatever statement its connection is running. `sqlite3_interrupt` is
/// documented as safe to call from any thread, which is what makes this Sendable.
public struct InterruptHandle: @unchecked Sendable {
    let handle: OpaquePointer
    /// Stops the statement now running at its next step (safe from another thread; Ctrl-C uses it).
    public func interrupt() { sqlite3_interrupt(handle) }
}
