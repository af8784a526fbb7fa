import CSQLite
import Foundation

extension Database {
    /// Runs `body` (a big load) while a thread of its own asks the kernel, every 100 ms, to
    /// start writing the database file's dirty pages to disk. Left alone, the kernel holds
    /// them all until the commit's fsync, which then waits while nothing else happens (0.17 s
    /// at the end of loading 2.8M commitments); begun early, the disk's writing overlaps the
    /// load. It only starts writes the kernel makes anyway (`svw_start_writeback`): what the
    /// commit makes durable, and when, stays SQLite's. Where it cannot, `body` runs as it is.
    public func withBackgroundWriteback<T>(if condition: Bool = true, _ body: () throws -> T) throws -> T {
        guard condition, !isInMemory, let fd = fileDescriptor() else { return try body() }
        let writeback = Writeback(fd: fd)
        defer { writeback.stop() }
        return try body()
    }

    /// The descriptor SQLite itself holds on this connection's file, found by name among the
    /// process's own (Linux's /proc). svw must not open the file itself: closing any descriptor
    /// of it would drop every POSIX lock the process holds on it, SQLite's included.
    func fileDescriptor() -> Int32? {
        guard let name = sqlite3_db_filename(handle, "main"), name.pointee != 0 else { return nil }
        let file = URL(fileURLWithPath: String(cString: name)).resolvingSymlinksInPath().path
        let folder = "/proc/self/fd"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        return entries.compactMap(Int32.init).sorted().first { fd in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\(fd)")) == file
        }
    }
}

/// The thread behind `withBackgroundWriteback`: it starts the file's writeback every 100 ms
/// until stopped, and `stop` returns once it has exited, while SQLite's descriptor is still open.
private final class Writeback: Sendable {
    private let stopped = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)

    init(fd: Int32) {
        let thread = Thread { [stopped, exited] in
            while stopped.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
                // Nothing to do about a refusal: the commit's fsync writes the pages anyway.
                if svw_start_writeback(fd) != 0 { break }
            }
            exited.signal()
        }
        thread.name = "writeback"
        thread.start()
    }

    func stop() {
        stopped.signal()
        exited.wait()
    }
}
