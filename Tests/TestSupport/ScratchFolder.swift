import Foundation

/// A temporary folder for one test, removed when the test is done with it.
public final class ScratchFolder {
    /// Where the folder is.
    public let url: URL

    /// Creates an empty folder under the system's temporary directory.
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("svw-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` (which may hold subfolders) inside the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `text` as UTF-8 to `name`, creating subfolders as needed.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> URL {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to `name`, creating subfolders as needed.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> URL {
        let target = file(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
        return target
    }

    /// The UTF-8 text of `name`.
    public func read(_ name: String) throws -> String { try String(contentsOf: file(name), encoding: .utf8) }
}
