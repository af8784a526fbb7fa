import Foundation
import Testing
@testable import SVWCommands
import SVWDatabase
@testable import SVWWorkspace
import TestSupport

/// The shell brings derived data up to date while the analyst types, and stops the moment
/// the line is in. However far it got, the next command must print exactly what it prints
/// when all of it is done in the foreground, and the workspace must stay whole.
@Suite struct IdleUpkeepTests {
    static let loads = "load measures measures.csv; load postcodes postcode_districts.csv; load suppliers suppliers.csv; "
        + "load contracts contracts.csv; load commitments commitments.csv"
    static let questions = "headline 2020/21; themes --by partner; geography --top 5; find school meals --limit 5"

    private func session(_ workspace: Workspace, _ sample: URL) -> (Session, Console.Capture) {
        let (console, capture) = Console.capturing()
        return (Session(workspace: workspace, console: console, baseDirectory: sample), capture)
    }

    /// A workspace file with the sample loaded and everything derived out of date: the
    /// rollups and the search index as loads leave them, and indexes waiting as a big load leaves them.
    private func behind(_ folder: ScratchFolder, _ sample: URL, name: String) throws -> Workspace {
        let workspace = try Workspace(path: folder.file(name).path)
        let (s, capture) = session(workspace, sample)
        #expect(ScriptRunner(session: s, sourceName: "test").run(Self.loads) == 0, "\(capture.err)")
        for table in ["contracts", "commitments"] { _ = try PendingIndexes.suspend(on: table, workspace.db) }
        #expect(try DerivedData.isBehind(workspace.db))
        return workspace
    }

    /// What the questions print on the same data with all the upkeep done by the commands themselves.
    private func reference(_ sample: URL) throws -> String {
        let (s, capture) = session(try Workspace(), sample)
        #expect(ScriptRunner(session: s, sourceName: "test").run(Self.loads + "; " + Self.questions) == 0)
        return capture.out
    }

    private func answers(_ workspace: Workspace, _ sample: URL) -> String {
        let (s, capture) = session(workspace, sample)
        #expect(ScriptRunner(session: s, sourceName: "test").run(Self.questions) == 0, "\(capture.err)")
        return capture.out
    }

    @Test func finishedUpkeepLeavesNothingForTheNextCommand() throws {
        let sample = try #require(SampleDataLocator.bundled())
        let folder = try ScratchFolder()
        let workspace = try behind(folder, sample, name: "w.db")
        let upkeep = try #require(IdleUpkeep.start(for: workspace))
        upkeep.waitUntilDone()
        upkeep.stop()
        #expect(try !DerivedData.isBehind(workspace.db))
        #expect(try workspace.db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'commitments_contract'").int64 == 1)
        #expect(answers(workspace, sample) == (try reference(sample)))
        // Nothing to do: no thread.
        #expect(IdleUpkeep.start(for: workspace) == nil)
    }

    @Test func stoppedAtAnyMomentTheNextCommandPrintsTheSame() throws {
        let sample = try #require(SampleDataLocator.bundled())
        let expected = try reference(sample)
        let folder = try ScratchFolder()
        for (i, delay) in [0, 1, 3, 10, 30, 100, 300, 600].enumerated() {
            let workspace = try behind(folder, sample, name: "w\(i).db")
            let upkeep = try #require(IdleUpkeep.start(for: workspace))
            Thread.sleep(forTimeInterval: Double(delay) / 1000)
            upkeep.stop()
            // Stopped at once, before its connection was even open: nothing was done.
            if delay == 0 { #expect(try DerivedData.isBehind(workspace.db)) }
            #expect(try workspace.db.scalar("PRAGMA integrity_check").string == "ok")
            #expect(workspace.db.isAutocommit)
            #expect(answers(workspace, sample) == expected, "stopped after \(delay) ms")
            #expect(try !DerivedData.isBehind(workspace.db))
        }
    }

    @Test func anInMemoryWorkspaceHasNoIdleUpkeep() throws {
        let workspace = try Workspace()
        try SearchIndex.markStale(workspace.db)
        #expect(try DerivedData.isBehind(workspace.db))
        #expect(IdleUpkeep.start(for: workspace) == nil)
    }

    /// Upkeep that fails by itself (here a pending index that cannot be built; in use a
    /// read-only file or a full disk) is not started again at every prompt, only once the
    /// workspace has changed; one stopped by the line is started again at the next prompt.
    @Test func failedUpkeepWaitsForTheWorkspaceToChange() throws {
        let folder = try ScratchFolder()
        let workspace = try Workspace(path: folder.file("f.db").path)
        try workspace.db.run("INSERT INTO settings(key, value) VALUES ('pending_index:contracts:broken', 'CREATE INDEX broken ON contracts(no_such_column)')")
        var schedule = IdleUpkeep.Schedule()

        let first = try #require(schedule.start(for: workspace))
        first.waitUntilDone()
        schedule.stop(first, for: workspace)
        #expect(schedule.start(for: workspace) == nil, "the same failure again")

        try SearchIndex.markStale(workspace.db)
        let afterChange = try #require(schedule.start(for: workspace), "the workspace changed")
        afterChange.waitUntilDone()
        schedule.stop(afterChange, for: workspace)

        // Fixed, then stopped by a line before it was done: nothing held against it.
        try workspace.db.run("DELETE FROM settings WHERE key = 'pending_index:contracts:broken'")
        let stopped = try #require(schedule.start(for: workspace))
        schedule.stop(stopped, for: workspace)
        let behind = try DerivedData.isBehind(workspace.db)
        let again = schedule.start(for: workspace)
        #expect((again != nil) == behind, "started again whenever something is left to do")
        schedule.stop(again, for: workspace)
    }
}
