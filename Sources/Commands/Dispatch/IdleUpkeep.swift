import Foundation
import SVWDatabase
import SVWWorkspace

/// While the analyst types at the prompt, brings the workspace's derived data up to date
/// (`DerivedData`) on a thread and a connection of its own, so that the first analysis after
/// loads finds it done: on 1M contracts that is ~4 s of indexes and ~13 s of rollups, which
/// would otherwise be waited for. It is told to stop as soon as the line is in, before the
/// line runs: the work is interrupted and rolled back, all or nothing per part, and the
/// command does what is left itself, as it always did. So a command's output never depends
/// on how far it got, only its wait does.
///
/// Only for a workspace file: an in-memory one has no second connection (and is small).
/// The file is in WAL mode, so completion reads through the shell's own connection meanwhile.
public final class IdleUpkeep: @unchecked Sendable {
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    /// The working connection's, once it is open; guarded by `lock`.
    private var interrupt: InterruptHandle?
    private var stopping = false
    /// The work failed by itself (not stopped): a read-only file, a full disk. Guarded by `lock`.
    private var failed = false

    /// When to start the upkeep at a prompt. After one that failed by itself, not again until
    /// the workspace has changed: the failure would only repeat, a thread each prompt.
    public struct Schedule {
        /// The workspace's state when the upkeep last failed.
        private var failedAt: [Int64]?

        public init() {}

        /// Starts the upkeep, unless it failed on the workspace as it is now.
        public func start(for workspace: Workspace) -> IdleUpkeep? {
            if let failedAt, Self.state(of: workspace.db) == failedAt { return nil }
            return IdleUpkeep.start(for: workspace)
        }

        /// Stops `upkeep` and remembers whether it failed.
        public mutating func stop(_ upkeep: IdleUpkeep?, for workspace: Workspace) {
            guard let upkeep else { return }
            failedAt = upkeep.stop() ? Self.state(of: workspace.db) : nil
        }

        /// What changes when anyone writes to the workspace: other connections' commits
        /// (`data_version`) and this connection's own changes.
        private static func state(of db: Database) -> [Int64]? {
            guard let version = try? db.scalar("PRAGMA data_version").int64 else { return nil }
            return [version, Int64(db.totalChanges)]
        }
    }

    /// Starts the upkeep when `workspace` is a file and something derived is out of date.
    public static func start(for workspace: Workspace) -> IdleUpkeep? {
        guard let path = workspace.path, (try? DerivedData.isBehind(workspace.db)) == true else { return nil }
        let upkeep = IdleUpkeep()
        let thread = Thread { upkeep.run(path: path) }
        thread.name = "idle upkeep"
        thread.start()
        return upkeep
    }

    private func run(path: String) {
        work(path: path)
        // Only now: the connection closed as `work` returned.
        finished.signal()
    }

    private func work(path: String) {
        // Any failure here is the next command's to meet and report, in the foreground.
        guard let workspace = try? Workspace(path: path) else { return lock.withLock { failed = !stopping } }
        let proceed = lock.withLock { () -> Bool in
            interrupt = workspace.db.interruptHandle
            return !stopping
        }
        guard proceed else { return lock.withLock { interrupt = nil } }
        do { try DerivedData.catchUp(workspace.db) } catch {
            lock.withLock { failed = !stopping }
        }
        lock.withLock { interrupt = nil }
    }

    /// Stops the upkeep and waits until its connection has let go of the file. SQLite's
    /// interrupt only reaches a statement already running, so it is sent again until the
    /// thread is done: one started between two sends is stopped by the next.
    /// - Returns: whether the work had failed by itself before it was stopped.
    @discardableResult
    public func stop() -> Bool {
        lock.withLock { stopping = true }
        while finished.wait(timeout: .now() + .milliseconds(5)) == .timedOut {
            lock.withLock { interrupt?.interrupt() }
        }
        return lock.withLock { failed }
    }

    /// Waits for the upkeep to finish by itself (tests).
    func waitUntilDone() {
        finished.wait()
        finished.signal()
    }
}
