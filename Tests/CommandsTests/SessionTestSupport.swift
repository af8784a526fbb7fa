import Foundation
@testable import SVWCommands
import SVWWorkspace

/// A fresh in-memory session whose output is kept, and a scratch folder, for session tests.
struct SessionHarness {
    let session: Session
    let capture: Console.Capture

    init(folder: URL? = nil) throws {
        let (console, capture) = Console.capturing()
        session = Session(workspace: try Workspace(), console: console,
                          baseDirectory: folder ?? FileManager.default.temporaryDirectory)
        self.capture = capture
    }

    /// Runs text as the shell would; returns how many units failed.
    @discardableResult
    func run(_ text: String) -> Int {
        ScriptRunner(session: session, sourceName: "test").run(text)
    }
}

/// A temporary folder removed when the test is done with it.
final class SessionScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("svw-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let target = file(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
        return target
    }

    func read(_ name: String) throws -> String { try String(contentsOf: file(name), encoding: .utf8) }
}
