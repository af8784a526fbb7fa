import Foundation
import Testing
import SVWCommands
import SVWWorkspace
@testable import SVWShell
import TestSupport

/// Lines fed to the shell as a person would type them, prompts recorded.
final class ScriptedInput: LineInput {
    var events: [LineEvent]
    var prompts: [String] = []
    var remembered: [String] = []

    init(_ events: [LineEvent]) { self.events = events }

    func readLine(prompt: String) -> LineEvent {
        prompts.append(prompt)
        return events.isEmpty ? .endOfInput : events.removeFirst()
    }

    func remember(_ line: String) { remembered.append(line) }
    var rememberedLines: [String] { remembered }
}

@Suite struct InteractiveShellTests {
    func run(_ events: [LineEvent], prepare: (Session) throws -> Void = { _ in })
        throws -> (input: ScriptedInput, capture: Console.Capture, session: Session, status: Int32) {
        let (session, capture) = try TestWorkspace.session()
        // The fixture's rows count as kept, so only what a test adds can make leaving warn.
        session.shell.persistedAtChanges = session.workspace.changeCounter
        try prepare(session)
        let input = ScriptedInput(events)
        let status = InteractiveShell(session: session, input: input, interrupts: nil).run()
        return (input, capture, session, status)
    }

    static func holdData(_ session: Session) throws {
        try session.db.execute("""
            INSERT INTO imports(kind, table_name, file, sha256, rows_loaded, rows_rejected, loaded_at)
            VALUES ('contracts', 'contracts', '/data/contracts.csv', 'abc123', 5, 0, '2021-04-01T09:00:00Z')
            """)
    }

    @Test func sqlRunsAcrossLinesWithAContinuationPrompt() throws {
        let r = try run([.line("SELECT 1 +"), .line("  41 AS answer;"), .line("mode csv")])
        #expect(r.capture.out == "answer\n42\n\n", "the last newline ends the line Ctrl-D left")
        #expect(r.input.prompts == ["svw> ", "...> ", "svw> ", "svw> "])
        #expect(r.input.remembered == ["SELECT 1 +\n  41 AS answer;", "mode csv"], "one history entry per statement")
    }

    @Test func ctrlCDropsTheUnfinishedStatement() throws {
        let r = try run([.line("SELECT 1 +"), .interrupted, .line("SELECT 2 AS b;")])
        #expect(r.capture.out == "^C\nb\n2\n\n")
        #expect(r.input.prompts == ["svw> ", "...> ", "svw> ", "svw> "])
        #expect(r.input.remembered == ["SELECT 1 +", "SELECT 2 AS b;"], "the unfinished statement can be recalled")
    }

    @Test func historyEntriesFollowStatementsNotLines() throws {
        let r = try run([.line("SELECT 1 AS a; SELECT"), .line(""), .line("  2 AS b;"), .line("mode csv; tables"),
                         .line("SELECT 3"), .endOfInput, .endOfInput])
        #expect(r.input.remembered == ["SELECT 1 AS a; SELECT\n\n  2 AS b;", "mode csv; tables", "SELECT 3"])
        #expect(r.capture.out.contains("b\n2\n"))
        #expect(r.capture.err.contains("the unfinished SQL statement was not run"))
    }

    @Test func noErrorEndsTheShell() throws {
        let r = try run([.line("bogus"), .line("SELECT x FROM nowhere;"), .line("describe nowhere"),
                         .line("mode nope"), .line("SELECT 3 AS c;")])
        #expect(r.capture.out == "c\n3\n\n")
        #expect(r.capture.err.contains("unknown command \"bogus\""))
        #expect(r.capture.err.contains("SQL error: no such table: nowhere"))
        #expect(r.capture.err.contains("describe: no table or view named \"nowhere\""))
        #expect(r.capture.err.contains("mode: unknown mode \"nope\""))
        #expect(r.status == 0)
    }

    @Test func quitLeavesAtOnce() throws {
        let r = try run([.line("quit"), .line("SELECT 1;")])
        #expect(r.input.events.count == 1, "nothing after quit is read")
        #expect(r.capture.out.isEmpty)
    }

    @Test func leavingWarnsEveryTimeAndGoesWhenAskedTwiceInARow() throws {
        let r = try run([.line("quit"), .line("SELECT 1 AS still_here;"), .line("exit"), .line("exit"), .line("SELECT 2;")],
                        prepare: Self.holdData)
        #expect(r.capture.out == "still_here\n1\n")
        #expect(r.capture.err.components(separatedBy: "holds data that will be lost").count == 3, "said at each first attempt")
        #expect(r.capture.err.contains("persist FILE.db"))
        #expect(r.input.events.count == 1)
    }

    /// The warning used to be given once a session: after one Ctrl-D, `open` discarded everything silently.
    @Test func openAfterAnEarlierWarningWarnsAgain() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.url
        let file = folder.appendingPathComponent("other.db").path
        let r = try run([.endOfInput, .line("SELECT 1 AS still_here;"), .line("open " + file), .line("tables")],
                        prepare: Self.holdData)
        // Ctrl-D, then open, then the Ctrl-D that ends the input: each warns.
        #expect(r.capture.err.components(separatedBy: "holds data that will be lost").count == 4)
        #expect(r.capture.err.contains("type the open command again to leave it anyway"))
        #expect(r.session.workspace.path == nil, "still in the in-memory workspace")
        let again = try run([.line("open " + file), .line("open " + file)], prepare: Self.holdData)
        #expect(again.session.workspace.path == file)
    }

    /// The bundled sample, as loaded, can always be loaded again: nothing to warn about.
    @Test func theBundledSampleAsLoadedLeavesWithoutAWarning() throws {
        func leave(after lines: [String]) throws -> (err: String, unread: Int) {
            let (console, capture) = Console.capturing()
            let session = Session(workspace: try Workspace(), console: console)
            #expect(ScriptRunner(session: session, sourceName: "t").run("load sample") == 0)
            let input = ScriptedInput(lines.map { .line($0) } + [.endOfInput, .line("SELECT 1;")])
            _ = InteractiveShell(session: session, input: input, interrupts: nil).run()
            return (capture.err, input.events.count)
        }
        let looked = try leave(after: ["headline 2020/21", "find care", "SELECT count(*) FROM contracts;"])
        #expect(!looked.err.contains("will be lost"))
        #expect(looked.unread == 1)
        let changed = try leave(after: ["DELETE FROM commitments WHERE units_delivered IS NULL;"])
        #expect(changed.err.contains("will be lost"))
        #expect(changed.unread == 0)
    }

    @Test func ctrlDWarnsTooThenLeaves() throws {
        let r = try run([.endOfInput, .endOfInput, .line("SELECT 1;")], prepare: Self.holdData)
        #expect(r.capture.err.contains("press Ctrl-D again"))
        #expect(r.input.events.count == 1)
        #expect(r.status == 0)
    }

    /// Leaving used to warn only when `imports` had rows: a table made with SQL was lost silently.
    @Test func tablesMadeWithSQLWarnToo() throws {
        for made in ["CREATE TABLE notes AS SELECT 1 AS n;", "CREATE TABLE empty(x);", "CREATE VIEW v AS SELECT 1;",
                     "INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES ('S9', 'New', 'new', 'ok');"] {
            let r = try run([.line(made), .endOfInput, .line("SELECT 1 AS still_here;"), .endOfInput, .endOfInput, .line("SELECT 2;")])
            #expect(r.capture.err.components(separatedBy: "holds data that will be lost").count == 3, "\(made)")
            #expect(r.capture.out.contains("still_here"), "\(made)")
            #expect(r.input.events.count == 1, "\(made)")
        }
        // Looking is not changing: a fresh workspace with only queries run leaves at once.
        let fresh = Session(workspace: try Workspace(), console: Console.capturing().0)
        #expect(!fresh.wouldLoseData)
        #expect(ScriptRunner(session: fresh, sourceName: "t").run("SELECT 1; tables") == 0)
        #expect(!fresh.wouldLoseData)
        #expect(ScriptRunner(session: fresh, sourceName: "t").run("CREATE TABLE t(x)") == 0)
        #expect(fresh.wouldLoseData)
    }

    @Test func ctrlDLeavesAtOnceWithNothingToLose() throws {
        let r = try run([.endOfInput, .line("SELECT 1;")])
        #expect(r.input.events.count == 1)
    }

    @Test func persistKeepsTheDataSoLeavingDoesNotWarn() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.url
        let file = folder.appendingPathComponent("kept.db")
        let r = try run([.line("persist " + file.path), .line("quit"), .line("SELECT 1;")], prepare: Self.holdData)
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(!r.capture.err.contains("holds data that will be lost"))
        #expect(r.input.events.count == 1)
    }

    @Test func historyCommandShowsTheTypedLines() throws {
        let r = try run([.line("tables --format csv"), .line("history")])
        #expect(r.capture.out.hasSuffix("  1  tables --format csv\n  2  history\n\n"))
    }

    @Test func promptFollowsTheOpenWorkspace() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.url
        let r = try run([.line("open " + folder.appendingPathComponent("board.db").path), .line("tables")])
        #expect(r.input.prompts == ["svw> ", "svw board.db> ", "svw board.db> "])
    }
}

/// Ctrl-C through the real signal path: the handler, the pipe, the watcher thread.
@Suite(.serialized) struct InterruptTests {
    static let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c"

    @Test func ctrlCCancelsTheRunningQueryAndAnInterruptedLoadRollsBack() throws {
        let (session, _) = try TestWorkspace.session()
        let watcher = InterruptWatcher.shared
        watcher.install()
        defer { watcher.restoreDefault() }
        let before = try session.db.scalar("SELECT count(*) FROM contracts").int64

        let sender = Thread { usleep(300_000); kill(getpid(), SIGINT) }
        sender.start()
        var failure: Error?
        let interrupted = watcher.run(on: session.db) {
            do {
                try session.db.transaction {
                    try session.db.run("DELETE FROM commitments")
                    try session.db.run("UPDATE contracts SET partner = 'changed'")
                    _ = try session.db.scalar(Self.endless)
                }
            } catch { failure = error }
        }
        #expect(interrupted)
        #expect(ErrorText.describe(try #require(failure)) == "interrupted")
        #expect(session.db.isAutocommit)
        #expect(try session.db.scalar("SELECT count(*) FROM contracts WHERE partner = 'changed'").int64 == 0)
        #expect(try session.db.scalar("SELECT count(*) FROM contracts").int64 == before)
        // The connection works normally afterwards.
        #expect(try session.db.scalar("SELECT 6 * 7").int64 == 42)
    }

    @Test func ctrlCAtThePromptDoesNotCancelTheNextCommand() throws {
        let (session, _) = try TestWorkspace.session()
        let watcher = InterruptWatcher.shared
        watcher.install()
        defer { watcher.restoreDefault() }
        kill(getpid(), SIGINT)
        usleep(100_000)
        var value: Int64?
        let interrupted = watcher.run(on: session.db) {
            value = try? session.db.scalar("SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) SELECT x FROM c)").int64
        }
        #expect(!interrupted)
        #expect(value == 200000)
    }
}
