import Foundation
import Testing

/// The executable's own contract: -c, stdin, --format, exit status, stdout vs stderr.
@Suite struct CommandLineTests {
    @Test func dashCRunsCommandsAndSQLSeparatedBySemicolons() throws {
        let r = try SVWBinary.run(["--format", "csv", "-c", "SELECT 1 AS a, 'x;y' AS b; mode json; SELECT 2 AS c"])
        #expect(r.status == 0)
        #expect(r.stdout == "a,b\n1,x;y\n[{\"c\":2}]\n")
        #expect(r.stderr == "")
    }

    @Test func failureGoesToStderrWithSourceAndLineAndSetsExitStatus() throws {
        let r = try SVWBinary.run(["--format", "csv", "-c", "SELECT 1 AS ok;\nhalp"])
        #expect(r.status == 1)
        #expect(r.stdout == "ok\n1\n")
        #expect(r.stderr == "-c:2: unknown command \"halp\"; did you mean \"help\"? (type help for the list)\n")
    }

    @Test func readsCommandsFromStdinWhenNotATerminal() throws {
        let r = try SVWBinary.run(["--format", "csv"], stdin: "SELECT 40 +\n 2 AS answer;\n")
        #expect(r.status == 0)
        #expect(r.stdout == "answer\n42\n")
    }

    @Test func bailStopsAtTheFirstFailure() throws {
        let script = "SELECT 1 AS a;\nSELECT nope;\nSELECT 3 AS c;\n"
        let carryOn = try SVWBinary.run(["--format", "csv"], stdin: script)
        #expect(carryOn.status == 1)
        #expect(carryOn.stdout == "a\n1\nc\n3\n")
        let bail = try SVWBinary.run(["--format", "csv", "--bail"], stdin: script)
        #expect(bail.status == 1)
        #expect(bail.stdout == "a\n1\n")
        #expect(bail.stderr.contains("stdin:2: SQL error: no such column: nope"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let r = try SVWBinary.run(["--format", "xml", "-c", "SELECT 1"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("unknown --format \"xml\""))
    }

    @Test func persistentWorkspaceKeepsItsTablesBetweenRuns() throws {
        let dir = try SVWBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("work.svw").path
        #expect(try SVWBinary.run(["--db", db, "-c", "CREATE TABLE notes(x); INSERT INTO notes VALUES ('kept')"]).status == 0)
        let r = try SVWBinary.run(["--db", db, "--format", "csv", "-c", "SELECT x FROM notes"])
        #expect(r.stdout == "x\nkept\n")
    }
}
