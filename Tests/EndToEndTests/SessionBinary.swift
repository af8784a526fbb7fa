import Foundation

/// Runs the real svw binary for the session tests, as an analyst's shell would.
enum SessionCLI {
    static var url: URL { SVWBinary.url }

    /// The repository's root (for Notebooks/).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Result {
        let status: Int32
        let out: String
        let err: String
    }

    /// Runs svw with `arguments` in `folder`, inheriting this process's environment.
    static func run(_ arguments: [String], in folder: URL, stdin: String = "") throws -> Result {
        let r = try SVWBinary.launch(arguments, stdin: stdin, directory: folder, environment: nil)
        return Result(status: r.status, out: r.stdout, err: r.stderr)
    }
}

/// A temporary folder removed when the test is done with it.
final class SessionScratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("svw-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func write(_ name: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: file(name).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file(name))
    }

    func read(_ name: String) throws -> String { try String(contentsOf: file(name), encoding: .utf8) }
}
