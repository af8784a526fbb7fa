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
