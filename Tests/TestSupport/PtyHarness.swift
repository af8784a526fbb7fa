#if canImport(Glibc)
import Foundation
import Glibc

/// The real `svw` binary on a pseudo-terminal, driven as a person would: keys in,
/// screen text out. Waits are for expected text (never fixed sleeps), with generous
/// deadlines, so the tests hold on a loaded two-core machine.
public final class PtySession {
    public let pid: pid_t
    private let master: Int32
    private var raw: [UInt8] = []
    /// Where the next `expect` starts looking in the cleaned text.
    private var searchFrom: String.Index?
    public private(set) var exitStatus: Int32?

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public init(arguments: [String], environment: [String: String], columns: UInt16 = 200, rows: UInt16 = 50) throws {
        // The master is opened close-on-exec and the parent never opens the slave: other
        // tests spawn processes concurrently, and a child that inherited either end of this
        // terminal could hold it hostage (seen as a shell that never showed its prompt).
        // (posix_openpt/ptsname are not visible from Swift's Glibc module; /dev/ptmx with the
        // Linux ioctls is what they do; the request numbers are the asm-generic encodings.)
        let masterFD = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard masterFD >= 0, ioctl(masterFD, UInt(0x4004_5431) /* TIOCSPTLCK */, &unlock) == 0,
              ioctl(masterFD, UInt(0x8004_5430) /* TIOCGPTN */, &number) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal")
        }
        master = masterFD
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        // posix_spawn rather than fork: forking a multithreaded test process is unsafe.
        // The child starts a new session (POSIX_SPAWN_SETSID, 0x80 in glibc) and opens the
        // terminal as its stdin, which makes it the controlling terminal, so Ctrl-C reaches it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Test threads run with signals blocked, and a child inherits its parent's mask:
        // start svw with nothing blocked and SIGINT at its default, as a login shell would.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &interrupt)
        // POSIX_SPAWN_SETSID (0x80), SETSIGMASK (0x08), SETSIGDEF (0x04): glibc values.
        posix_spawnattr_setflags(&attributes, Int16(0x80 | 0x08 | 0x04))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        let executable = SVWBinary.url.path
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let rc = argv.withUnsafeBufferPointer { a in
            envp.withUnsafeBufferPointer { e in
                posix_spawn(&child, executable, &actions, &attributes,
                            UnsafeMutablePointer(mutating: a.baseAddress!), UnsafeMutablePointer(mutating: e.baseAddress!))
            }
        }
        guard rc == 0 else {
            close(master)
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types text; "\r" is Enter, "\t" Tab, "\u{3}" Ctrl-C, "\u{4}" Ctrl-D, "\u{1B}[A" Up.
    public func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            offset += n
        }
    }

    /// Resizes the terminal, as dragging a window edge does: the kernel tells svw with SIGWINCH.
    public func resize(columns: UInt16, rows: UInt16 = 50) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Everything shown so far, escape sequences and carriage returns removed.
    public var screenText: String { PtySession.clean(raw) }

    /// Waits until `needle` appears after the previous match; returns the text up to and including it.
    @discardableResult
    public func expect(_ needle: String, timeout: Double = 90, _ why: String = "") throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = screenText
            let start = searchFrom.map { min($0, text.endIndex) } ?? text.startIndex
            if let range = text.range(of: needle, range: start..<text.endIndex) {
                searchFrom = range.upperBound
                return String(text[start..<range.upperBound])
            }
            if Date() > deadline || !pump(until: deadline) {
                throw Failure(description: "did not see \(needle.debugDescription) \(why)\n--- screen so far ---\n"
                    + String(text[start...]).suffix(3000))
            }
        }
    }

    /// Waits for `prompt`, then until libedit has the terminal in its editing mode.
    /// libedit prints the prompt before it switches the terminal out of canonical mode;
    /// keys sent in between would be read by the kernel's line editor instead (a Tab
    /// stays a tab, Ctrl-D becomes end-of-file), so tests wait for the switch.
    /// Starts svw and waits for its first prompt. A start that shows nothing within the
    /// timeout is reported with what the kernel says the process is doing, and tried once
    /// more: twice in many full runs on a loaded 2-core machine, a `--db` start showed no
    /// prompt for 90 s and could not be reproduced alone (see the closing notes).
    public static func launch(arguments: [String], environment: [String: String], prompt: String,
                       timeout: Double = 45) throws -> PtySession {
        let first = try PtySession(arguments: arguments, environment: environment)
        do {
            try first.expect(prompt, timeout: timeout, "at start")
            try first.waitForCanonicalModeToEnd(prompt)
            return first
        } catch {
            let proc = "/proc/\(first.pid)"
            let stat = (try? String(contentsOfFile: proc + "/stat", encoding: .utf8)) ?? "?"
            let wchan = (try? String(contentsOfFile: proc + "/wchan", encoding: .utf8)) ?? "?"
            print("svw showed no prompt within \(Int(timeout)) s; stat: \(stat) wchan: \(wchan); starting it again")
        }
        let second = try PtySession(arguments: arguments, environment: environment)
        try second.expectPrompt(prompt, "at start (second attempt)")
        return second
    }

    @discardableResult
    public func expectPrompt(_ prompt: String, _ why: String = "") throws -> String {
        let text = try expect(prompt, why)
        try waitForCanonicalModeToEnd(prompt)
        return text
    }

    /// Waits until libedit has put the terminal in raw mode, so keys sent next are read as keys.
    public func waitForCanonicalModeToEnd(_ prompt: String) throws {
        let deadline = Date().addingTimeInterval(60)
        var settings = termios()
        // On Linux the master side reports the terminal's settings.
        while tcgetattr(master, &settings) == 0 && settings.c_lflag & tcflag_t(ICANON) != 0 {
            if Date() > deadline { throw Failure(description: "the terminal never left canonical mode at \(prompt.debugDescription)") }
            _ = pump(until: Date().addingTimeInterval(0.01))
        }
    }

    /// Waits until svw is asleep (blocked reading the terminal) several looks running, so a
    /// signal sent next finds libedit inside read(): the way a key pressed by a person does.
    public func waitUntilIdle(timeout: Double = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var asleep = 0
        while asleep < 5 {
            if Date() > deadline { throw Failure(description: "svw never went idle") }
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            asleep = stat.split(separator: ")").last?.split(separator: " ").first == "S" ? asleep + 1 : 0
            _ = pump(until: Date().addingTimeInterval(0.01))
        }
    }

    /// Waits for the process to end and returns its exit status.
    public func waitForExit(timeout: Double = 60) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var status: Int32 = 0
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid {
                // WIFEXITED / WEXITSTATUS, which Swift cannot import as macros.
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                return exitStatus!
            }
            _ = pump(until: Date().addingTimeInterval(0.1))
        }
        throw Failure(description: "svw did not exit\n--- screen ---\n" + screenText.suffix(2000))
    }

    public var isRunning: Bool {
        exitStatus == nil && kill(pid, 0) == 0 && !isZombie
    }

    private var isZombie: Bool {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }

    /// CPU time the process has used, in clock ticks (user + system), from /proc.
    public var cpuTicks: Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let afterName = stat.split(separator: ")").last else { return 0 }
        let fields = afterName.split(separator: " ")
        // Fields after "(comm)": state is index 0, utime 11, stime 12.
        guard fields.count > 12 else { return 0 }
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    /// Waits until the process has used `ticks` more CPU than `baseline`: proof a query is running.
    public func waitForCPU(above baseline: Int, ticks: Int, timeout: Double = 90) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while cpuTicks < baseline + ticks {
            if Date() > deadline { throw Failure(description: "svw never got busy (cpu \(cpuTicks), baseline \(baseline))") }
            _ = pump(until: Date().addingTimeInterval(0.05))
        }
    }

    /// Reads whatever output arrives before `deadline` (at most 100 ms at a time); false at end of output.
    private func pump(until deadline: Date) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let wait = max(0, min(100, Int32(deadline.timeIntervalSinceNow * 1000)))
        let ready = poll(&descriptor, 1, wait)
        // A signal (another test's child exiting) ends poll with EINTR: that is no end of output.
        if ready < 0 && errno == EINTR { return true }
        guard ready > 0 else { return ready == 0 }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let n = read(master, &buffer, buffer.count)
        if n > 0 { raw += buffer[0..<n]; return true }
        // EIO once the child has closed the terminal.
        usleep(20_000)
        return false
    }

    /// Drops ANSI/VT escape sequences, carriage returns and bells so text can be searched. A
    /// line a carriage return and an erase-to-end (`\r ESC[K`) wipe, as a progress line on
    /// stderr is, goes too: the terminal no longer shows it.
    public static func clean(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        var atLineStart = false   // a carriage return moved the cursor back, nothing written since
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1B {
                i += 1
                guard i < bytes.count else { break }
                if bytes[i] == UInt8(ascii: "[") {
                    i += 1
                    let parameters = i
                    while i < bytes.count && !(0x40...0x7E).contains(bytes[i]) { i += 1 }
                    if atLineStart, i < bytes.count, bytes[i] == UInt8(ascii: "K"), i == parameters || bytes[parameters..<i].elementsEqual([0x30]) {
                        out.removeSubrange((out.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)...)
                    }
                } else if bytes[i] == UInt8(ascii: "]") {
                    while i < bytes.count && bytes[i] != 0x07 { i += 1 }
                }
                i += 1
                continue
            }
            if b == 0x0D {
                atLineStart = true
            } else if b != 0x07 && b != 0x08 {
                out.append(b)
                atLineStart = false
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Raw bytes seen so far, for checks on the escape codes themselves (colour).
    public var rawText: String { String(decoding: raw, as: UTF8.self) }
}

/// A private HOME and XDG_STATE_HOME per test, so history and ~/.editrc are the test's own.
public struct PtyEnvironment {
    public let home: URL

    public init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("svw-pty-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    public var stateHome: URL { home.appendingPathComponent("state") }
    public var historyFile: URL { stateHome.appendingPathComponent("svw/history") }

    public func variables(color: Bool = false) -> [String: String] {
        var env = [
            "HOME": home.path,
            "XDG_STATE_HOME": stateHome.path,
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        if !color { env["NO_COLOR"] = "1" }
        return env
    }

    public func remove() { try? FileManager.default.removeItem(at: home) }
}
#endif
