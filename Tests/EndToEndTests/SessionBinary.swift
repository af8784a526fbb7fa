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
