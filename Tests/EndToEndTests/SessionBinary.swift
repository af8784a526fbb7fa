import Foundation

/// Runs the real svw binary for the session tests, as an analyst's shell would.
enum SessionCLI {
    /// The svw executable SwiftPM built next to the test bundle (SVW_BINARY overrides).
    static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["SVW_BINARY"] { return URL(fileURLWithPath: path) }
        var starts = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).absoluteURL]
        starts += Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            var folder = start
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("svw")
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        fatalError("svw binary not found near \(Bundle.main.bundleURL.path); build it or set SVW_BINARY")
    }()

    /// The repository's root (for Notebooks/).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Result {
        let status: Int32
        let out: String
        let err: String
    }

    /// Runs svw with `arguments` in `folder`; stdout and stderr go through files so neither can fill up and stall it.
    static func run(_ arguments: [String], in folder: URL, stdin: String = "") throws -> Result {
        let io = FileManager.default.temporaryDirectory.appendingPathComponent("svw-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: io, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: io) }
        let inURL = io.appendingPathComponent("in"), outURL = io.appendingPathComponent("out"), errURL = io.appendingPathComponent("err")
        try Data(stdin.utf8).write(to: inURL)
        for file in [outURL, errURL] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      out: try String(contentsOf: outURL, encoding: .utf8),
                      err: try String(contentsOf: errURL, encoding: .utf8))
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
