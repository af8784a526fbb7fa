import SVWDatabase

/// Makes Ctrl-C (`sqlite3_interrupt` from another thread) reliable during a load.
///
/// SQLite forgets an interrupt that arrives while none of the connection's statements
/// is running — which is most of the time during a load, between one row's step and
/// the next, or while the first pass of `load table` only reads the file. Keeping one
/// trivial statement open for the whole load makes the interrupt stick: the next step
/// of any statement then fails with SQLITE_INTERRUPT, and the load's transaction rolls
/// back. `check()` steps a probe so stretches without SQL notice it too.
final class InterruptWatch {
    private let sentinel: Statement
    private let probe: Statement
    private var rowsSinceCheck = 0

    init(db: Database) throws {
        sentinel = try db.prepare("SELECT 1 UNION ALL SELECT 2")
        probe = try db.prepare("SELECT 1")
        try sentinel.step()
    }

    /// Throws SQLiteError (interrupt) if the load has been interrupted.
    func check() throws {
        try probe.step()
        probe.reset()
    }

    /// `check()` once every `every` calls: cheap enough for a per-row loop.
    @inline(__always)
    func tick(every: Int = 1024) throws {
        rowsSinceCheck += 1
        if rowsSinceCheck >= every {
            rowsSinceCheck = 0
            try check()
        }
    }

    /// Stops watching; later statements start with a clean slate.
    func end() { sentinel.reset() }

    deinit { sentinel.reset() }
}
