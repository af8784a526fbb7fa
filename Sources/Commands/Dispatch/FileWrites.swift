import Foundation
import SVWScript

/// Every file a session writes goes through here: the one place that says where a
/// script may write, and what a checked replay does with writes instead.
///
/// At the prompt a command writes where it is told. While a script runs, a write must
/// land inside the folders the replay allows — the script's own folder tree, plus any
/// `svw run --allow-writes DIR` — after `..` and symbolic links are followed, so a
/// downloaded notebook cannot write `~/.bashrc`. Under `run --check` nothing is written:
/// what `output`/`once` send to a file is captured for comparison, and exported files
/// are counted as withheld. A script run inside a script keeps its caller's folders and
/// dry run (`child`).
public final class FileWrites {
    /// Canonical folders a script may write inside; nil when the session was not started
    /// by a replay (a session marked as a script then may write inside its base folder).
    public internal(set) var roots: [URL]?
    /// Checks and captures writes without making them (`run --check`).
    public internal(set) var dryRun = false
    /// Files a dry run did not write, as shown to the user, in order.
    public private(set) var withheld: [String] = []
    /// Receives what `output`/`once` send to files while a checked replay captures output.
    weak var capture: Transcript?
    /// The folder captured file names are shown relative to (the script's).
    var captureFolder: URL?
    /// The calling script's policy, which also hears of withheld files.
    private var parent: FileWrites?

    public init() {}

    /// A replay's policy: writes only inside `roots` (made canonical here).
    init(roots: [URL], dryRun: Bool) {
        self.roots = roots.map(FileWrites.canonical)
        self.dryRun = dryRun
    }

    /// The policy for a script this one's script runs: the same folders, and no writes
    /// if either this run or the nested one is a check.
    func child(dryRun nestedCheck: Bool) -> FileWrites {
        let child = FileWrites()
        child.roots = roots
        child.dryRun = dryRun || nestedCheck
        child.capture = capture
        child.captureFolder = captureFolder
        child.parent = self
        return child
    }

    /// Checks that a script may write `url`; `path` is the word the command was given.
    func check(_ url: URL, path: String, command: String, base: URL) throws {
        let allowed = roots ?? [FileWrites.canonical(base)]
        let target = FileWrites.canonical(url)
        if allowed.contains(where: { FileWrites.isInside(target, $0) }) { return }
        var message = "\(command): cannot write \(path): a script writes only inside its own folder ("
            + allowed.map(\.path).joined(separator: ", ") + ")"
        if target.path != url.standardizedFileURL.path { message += "; \(path) leads to \(target.path)" }
        message += ". To allow another folder, run it with svw run SCRIPT --allow-writes DIR"
        throw CommandError.failed(message)
    }

    /// Creates or empties the file `output`/`once` will append to; a dry run only checks that it could.
    func begin(_ url: URL, command: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandError.failed("\(command): \(url.path) is a folder; name a file")
        }
        if dryRun {
            try checkWritable(url, command: command)
            return
        }
        guard FileManager.default.createFile(atPath: url.path, contents: Data()) else {
            let folder = url.deletingLastPathComponent().path
            let reason = FileManager.default.fileExists(atPath: folder) ? "permission denied" : "no folder \(folder)"
            throw CommandError.failed("\(command): cannot write \(url.path) (\(reason))")
        }
    }

    /// Fails, naming the command, if `url` could not be written; creates and changes nothing
    /// (`once` checks its file now and writes it at the first result).
    func checkWritable(_ url: URL, command: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw CommandError.failed("\(command): \(url.path) is a folder; name a file") }
            if !manager.isWritableFile(atPath: url.path) {
                throw CommandError.failed("\(command): cannot write \(url.path) (permission denied)")
            }
            return
        }
        let folder = url.deletingLastPathComponent().path
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandError.failed("\(command): cannot write \(url.path) (no folder \(folder))")
        }
        if !manager.isWritableFile(atPath: folder) {
            throw CommandError.failed("\(command): cannot write \(url.path) (permission denied)")
        }
    }

    /// Writes a whole file atomically; a dry run checks it could and records it as withheld.
    func write(_ data: Data, to url: URL, shown: String, command: String) throws {
        if dryRun {
            try checkFolder(of: url, command: command)
            withhold(shown)
            return
        }
        do { try data.write(to: url, options: .atomic) } catch {
            throw CommandError.failed("\(command): cannot write \(url.path): \(FileProblem.describe(error, url: url))")
        }
    }

    private func withhold(_ shown: String) {
        withheld.append(shown)
        parent?.withhold(shown)
    }

    private func checkFolder(of url: URL, command: String) throws {
        var isDirectory: ObjCBool = false
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandError.failed("\(command): cannot write \(url.path) (no folder \(folder))")
        }
    }

    /// `url` with every symbolic link followed, dangling ones too (the OS would create
    /// their target), and `..` applied after each link, as the OS does.
    static func canonical(_ url: URL) -> URL {
        var pending = url.standardizedFileURL.path.split(separator: "/").map(String.init)
        var resolved: [String] = []
        var links = 0
        while !pending.isEmpty {
            let part = pending.removeFirst()
            if part.isEmpty || part == "." { continue }
            if part == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
                continue
            }
            let candidate = "/" + (resolved + [part]).joined(separator: "/")
            if links < 64, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: candidate) {
                links += 1
                if target.hasPrefix("/") { resolved = [] }
                pending = target.split(separator: "/").map(String.init) + pending
            } else {
                resolved.append(part)
            }
        }
        return URL(fileURLWithPath: "/" + resolved.joined(separator: "/"))
    }

    static func isInside(_ url: URL, _ folder: URL) -> Bool {
        let path = url.path, root = folder.path
        return path == root || root == "/" || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
