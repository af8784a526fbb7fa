import Foundation
import Testing
import TestSupport

/// stdin that is not a terminal: no prompts, no editing, commands line by line;
/// errors on stderr with their line numbers; exit status non-zero if any failed.
@Suite struct ShellStdinTests {
    @Test func linesRunInOrderWithoutPrompts() throws {
        let run = try SVWBinary.run([], stdin: "mode csv\nSELECT 1 AS a;\n-- a comment\n# another\nSELECT 2\n  AS b;\n")
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out == "a\n1\nb\n2\n")
        #expect(run.err.isEmpty)
    }

    @Test func errorsNameTheirLineAndTheStatusReportsThem() throws {
        let run = try SVWBinary.run([], stdin: "mode csv\nSELECT 1 AS a;\nbogus\nSELECT nope FROM nowhere;\nSELECT 2 AS b;\n")
        #expect(run.status == 1)
        #expect(run.out == "a\n1\nb\n2\n")
        #expect(run.err.contains("stdin:3: unknown command \"bogus\""))
        #expect(run.err.contains("stdin:4: SQL error: no such table: nowhere"))
    }

    @Test func bailStopsAtTheFirstFailure() throws {
        let run = try SVWBinary.run(["--bail"], stdin: "mode csv\nSELECT 1 AS a;\nbogus\nSELECT 2 AS b;\n")
        #expect(run.status == 1)
        #expect(run.out == "a\n1\n")
    }

    @Test func quitEndsTheInput() throws {
        let run = try SVWBinary.run([], stdin: "mode csv\nSELECT 1 AS a;\nquit\nSELECT 2 AS b;\n")
        #expect(run.status == 0)
        #expect(run.out == "a\n1\n")
    }

    @Test func unknownCommandsAndOptionsSuggestTheClosest() throws {
        let run = try SVWBinary.run([], stdin: "describ contracts\ntables --formt csv\n")
        #expect(run.err.contains("stdin:1: unknown command \"describ\"; did you mean \"describe\"?"))
        #expect(run.err.contains("stdin:2: tables: unknown option --formt; did you mean --format?"))
    }

    @Test func timerWritesToStderrOnly() throws {
        let run = try SVWBinary.run(["--format", "csv"], stdin: "timer on\nSELECT 1 AS a;\n")
        #expect(run.out == "a\n1\n")
        #expect(run.err.hasPrefix("time: "))
    }
}
