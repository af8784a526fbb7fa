import CSQLite

extension Database {
    /// Runs `body` with SQLite's rollback journal instead of the WAL, for a bulk load into a
    /// workspace file no other connection has open. In WAL mode every page a load writes goes
    /// to the WAL and is copied into the file again at the checkpoint after the commit (1M
    /// contracts and 2.8M commitments: ~2 s of the two loads); a rollback journal keeps only
    /// the old content of pages the load changes, and pages it adds past the file's end need
    /// none, so the rows are written once. A commit or rollback is as atomic as in WAL mode,
    /// and a process killed meanwhile leaves a hot journal that the next open rolls back.
    ///
    /// The price: while the load writes, another process cannot read the workspace (it waits,
    /// then is told the workspace is busy). So the switch is only tried, without waiting, when
    /// nobody else has the file open; otherwise `body` runs in WAL mode as before, readers
    /// alongside. The WAL comes back after `body`, and every open sets it too.
    public func withRollbackJournal<T>(if condition: Bool = true, _ body: () throws -> T) throws -> T {
        guard condition, !isInMemory, isAutocommit, try scalar("PRAGMA journal_mode").string == "wal" else { return try body() }
        let timeout = busyTimeout
        // Leaving WAL mode needs the file to itself: another connection means it stays.
        sqlite3_busy_timeout(handle, 0)
        let switched = (try? scalar("PRAGMA journal_mode = DELETE").string) == "delete"
        sqlite3_busy_timeout(handle, Int32(clamping: timeout))
        guard switched else { return try body() }
        // FULL while the rollback journal is in use: its syncs are what make a commit survive a power cut.
        let synchronous = try scalar("PRAGMA synchronous").int64 ?? 1
        try execute("PRAGMA synchronous = FULL")
        defer {
            // Our own integer read back from SQLite, not user text.
            try? execute("PRAGMA synchronous = \(synchronous)")
            _ = try? scalar("PRAGMA journal_mode = WAL")
        }
        return try body()
    }
}
