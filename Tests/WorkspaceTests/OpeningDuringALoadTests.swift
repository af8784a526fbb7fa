import Foundation
import Testing
import TestSupport
import SVWDatabase
@testable import SVWWorkspace

/// A big load that has the workspace file to itself writes through the rollback journal
/// (`Database.withRollbackJournal`) and holds the file until it commits: a second svw opening
/// the file meanwhile waits for it, as a write waits for another's, rather than failing at once.
@Suite struct OpeningDuringALoadTests {
    @Test(.timeLimit(.minutes(1)))
    func openingWhileALoadHoldsTheFileWaitsForItsCommit() throws {
        let folder = try ScratchFolder()
        let path = folder.file("workspace.db").path
        _ = try Workspace(path: path)
        // As a big load does: out of WAL mode, then a write transaction that holds the file.
        let load = try Database(path: path)
        #expect(try load.scalar("PRAGMA journal_mode = DELETE") == .text("delete"))
        try load.execute("BEGIN EXCLUSIVE")
        try load.execute("INSERT INTO settings(key, value) VALUES ('loaded', 'yes')")
        nonisolated(unsafe) let committing = load
        let commit = Thread {
            Thread.sleep(forTimeInterval: 1)
            try? committing.execute("COMMIT")
        }
        let began = Date()
        commit.start()
        let workspace = try Workspace(path: path)
        #expect(Date().timeIntervalSince(began) >= 0.8, "it waited for the load")
        #expect(try workspace.setting("loaded") == "yes", "and sees what the load committed")
        #expect(try workspace.db.scalar("PRAGMA journal_mode") == .text("wal"))
    }
}
