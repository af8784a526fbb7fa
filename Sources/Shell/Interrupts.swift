import CInterrupt
import Foundation
import SVWDatabase

/// Turns Ctrl-C into `sqlite3_interrupt` on the connection running the current command.
///
/// Why this design: a signal handler may only do async-signal-safe things, so the C
/// handler in Sources/CInterrupt just counts and writes a byte to a pipe. This
/// watcher thread blocks on the pipe and, when a command is armed, calls
/// `InterruptHandle.interrupt()` (documented safe from any thread). A DispatchSource
/// signal source was rejected: on Linux it blocks SIGINT in the calling thread, so
/// Ctrl-C could no longer interrupt libedit's read at the prompt.
///
/// SQLite forgets an interrupt that arrives between statements (the flag clears when
/// the next statement starts with none active), and a load spends much of its time
/// in Swift between INSERTs. So once Ctrl-C has been pressed during a command the
/// watcher keeps re-asserting the interrupt until the command returns; the load's
/// transaction then rolls back.
public final class InterruptWatcher: @unchecked Sendable {
    public static let shared = InterruptWatcher()

    private let lock = NSLock()
    private var armed: Armed?
    /// The pipe's write end, once the watcher runs.
    private var notifyFD: Int32 = -1
    /// Ctrl-Cs up to this count have had their effect (cancelled a command, cleared a line);
    /// any after it are for the prompt, even one pressed before the prompt was drawn.
    private var settledCount = 0

    private struct Armed {
        let handle: InterruptHandle
        /// Keeps the connection open while another thread may interrupt it (`open` may replace it).
        let keepAlive: AnyObject
        /// Ctrl-Cs counted before the command began belong to the prompt, not to it.
        let baseline: Int
        var requested = false
    }

    private init() {}

    /// Installs the SIGINT handler, starting the watcher thread the first time.
    /// Call it from the main thread: that is the thread Ctrl-C must reach.
    public func install() {
        lock.lock()
        defer { lock.unlock() }
        if notifyFD < 0 {
            var fds: [Int32] = [0, 0]
            guard svw_notify_pipe(&fds) == 0 else { return }
            let readEnd = fds[0]
            let thread = Thread { [self] in watch(readEnd) }
            thread.name = "svw-interrupt"
            thread.start()
            notifyFD = fds[1]
        }
        _ = svw_install_sigint_handler(notifyFD)
        _ = svw_unblock_sigint_in_this_thread()
        settledCount = received
    }

    /// The count of Ctrl-Cs that have had their effect.
    public var settled: Int {
        lock.lock()
        defer { lock.unlock() }
        return settledCount
    }

    /// Marks every Ctrl-C so far as dealt with (the prompt has cleared its line).
    public func settle() {
        lock.lock()
        defer { lock.unlock() }
        settledCount = received
    }

    /// Gives Ctrl-C back its default action (for tests; the watcher thread stays, idle).
    func restoreDefault() {
        lock.lock()
        defer { lock.unlock() }
        _ = svw_restore_default_sigint()
    }

    /// How many Ctrl-Cs have arrived since `install`.
    public var received: Int { Int(svw_sigint_received()) }

    /// Runs `body` with Ctrl-C cancelling `database`'s statements; true if Ctrl-C came meanwhile.
    public func run(on database: Database, _ body: () -> Void) -> Bool {
        lock.lock()
        armed = Armed(handle: database.interruptHandle, keepAlive: database, baseline: received)
        lock.unlock()
        body()
        lock.lock()
        let interrupted = armed?.requested ?? false
        // A Ctrl-C the command did not act on (it came as the command was finishing, or
        // before the watcher thread got to it) is left for the prompt, which clears its line.
        settledCount = interrupted ? received : max(settledCount, armed?.baseline ?? received)
        armed = nil
        lock.unlock()
        return interrupted
    }

    private func watch(_ fd: Int32) {
        _ = svw_block_sigint_in_this_thread()
        while true {
            // While an interrupted command is still running, wake every 10 ms to re-assert.
            _ = svw_wait_and_drain(fd, isRequested ? 10 : -1)
            lock.lock()
            if var current = armed, received > current.baseline {
                current.requested = true
                armed = current
                current.handle.interrupt()
            }
            lock.unlock()
        }
    }

    /// Whether Ctrl-C has been pressed during the command now running.
    public var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return armed?.requested ?? false
    }
}
