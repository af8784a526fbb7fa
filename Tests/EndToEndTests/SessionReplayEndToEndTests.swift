import Foundation
import Testing
import TestSupport

/// Record → save → replay through the real binary, in separate processes.
@Suite struct SessionReplayEndToEndTests {
    static let session = """
        CREATE TABLE awards(partner TEXT, year TEXT, pence INTEGER);
        INSERT INTO awards VALUES ('Bolton', '2020/21', 125000050), ('Wigan', '2020/21', 990), ('Bolton', '2021/22', 7);
        help
        SELECT partner, sum(pence) AS pence FROM awards GROUP BY partner ORDER BY partner;
        SELECT nosuch;
        param year = 2020/21
        mode csv
        SELECT partner, pence FROM awards WHERE year = $year ORDER BY partner;
        mode json
        SELECT $year AS year, count(*) AS n FROM awards WHERE year = $year;
        """

    @Test func savedSessionReplaysByteForByte() throws {
        let scratch = try ScratchFolder()
        try FileManager.default.createDirectory(at: scratch.file("scripts"), withIntermediateDirectories: true)
        // The interactive session, fed on stdin as the shell reads it; the failing SELECT and help are not recorded.
        let original = try SVWBinary.run([], in: scratch.url, stdin: Self.session + "\nsave scripts/board.svw\n")
        #expect(original.status == 1)   // SELECT nosuch failed
        #expect(original.err.contains("stdin:5:8: SQL error: no such column: nosuch"))
        #expect(original.err.contains("saved 8 commands and their output to scripts/board.svw (svw run scripts/board.svw --check checks it)"))
        let script = try scratch.read("scripts/board.svw")
        #expect(!script.contains("help") && !script.contains("nosuch"))
        #expect(script.components(separatedBy: "\n").filter { $0.contains("20") && $0.hasPrefix("# svw session script") }.count == 1)

        // The help text is not part of the recording, so compare with the session's output without it.
        let helpOnly = try SVWBinary.run(["-c", "help"], in: scratch.url)
        let expected = original.out.replacingOccurrences(of: helpOnly.out, with: "")
        #expect(expected.contains("\"year\":\"2020/21\""))

        // Replayed from another folder: paths resolve against the script, not the current directory.
        let elsewhere = try ScratchFolder()
        let replay = try SVWBinary.run(["run", scratch.file("scripts/board.svw").path], in: elsewhere.url)
        #expect(replay.status == 0)
        #expect(replay.err == "")
        #expect(replay.out == expected)

        // The output was stored with the commands: a check straight after saving is clean.
        let check = try SVWBinary.run(["run", "scripts/board.svw", "--check"], in: scratch.url)
        #expect(check.status == 0, "\(check.out)\(check.err)")
        #expect(check.out == "")
        #expect(check.err == "scripts/board.svw: all 8 outputs match\n")
    }

    /// A script with no stored output at all (saved by hand, or before outputs were stored)
    /// gets one line that says what to do, not a diff for every command.
    @Test func aScriptWithNoStoredOutputSaysSoOnce() throws {
        let scratch = try ScratchFolder()
        try scratch.write("bare.svw", "SELECT 1 AS one;\nSELECT 2 AS two;\nSELECT 3 AS three;\n")
        let check = try SVWBinary.run(["run", "bare.svw", "--check"], in: scratch.url)
        #expect(check.status == 1)
        #expect(check.out == "bare.svw: no expected output stored: run `svw run bare.svw --update` to store it\n")
        #expect(check.err == "bare.svw: nothing checked (no expected output stored)\n")
        // A script that prints nothing has nothing to store, and checks clean.
        try scratch.write("quiet.svw", "CREATE TABLE t(x);\n")
        #expect(try SVWBinary.run(["run", "quiet.svw", "--check"], in: scratch.url).status == 0)
    }

    @Test func dashCSessionReplaysIdentically() throws {
        let scratch = try ScratchFolder()
        let commands = Self.session.components(separatedBy: "\n").filter { !$0.contains("nosuch") && $0 != "help" }
        let original = try SVWBinary.run(["-c", commands.joined(separator: "\n") + "\nsave s.svw"], in: scratch.url)
        #expect(original.status == 0)
        let replay = try SVWBinary.run(["run", "s.svw"], in: scratch.url)
        #expect(replay.status == 0)
        #expect(replay.out == original.out)
        #expect(!replay.out.isEmpty)
    }

    @Test func parametersOverrideAndUnknownOnesAreErrors() throws {
        let scratch = try ScratchFolder()
        try scratch.write("p.svw", """
            param year = 2020/21
            param minimum
            mode csv
            SELECT $year AS year, $minimum + 1 AS next;

            """)
        let run = try SVWBinary.run(["run", "p.svw", "year=2021/22", "minimum=41"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.out == "year,next\n2021/22,42\n")

        let missing = try SVWBinary.run(["run", "p.svw"], in: scratch.url)
        #expect(missing.status == 1)
        #expect(missing.out == "")
        #expect(missing.err == "svw: missing parameter minimum: p.svw needs a value for it (minimum=VALUE)\n")

        let unknown = try SVWBinary.run(["run", "p.svw", "minimum=1", "yaer=2021/22"], in: scratch.url)
        #expect(unknown.status == 1)
        #expect(unknown.err == "svw: p.svw has no parameter \"yaer\"; did you mean \"year\"? (it declares: year, minimum)\n")

        try scratch.write("u.svw", "SELECT $undeclared;\n")
        let undeclared = try SVWBinary.run(["run", "u.svw"], in: scratch.url)
        #expect(undeclared.status == 1)
        #expect(undeclared.err.hasPrefix("u.svw:1: undeclared parameter $undeclared: declare it first with: param undeclared = VALUE\n"))
    }

    @Test func changedDataFileIsReportedAndStrictFails() throws {
        let scratch = try ScratchFolder()
        // sha256sum of exactly these bytes.
        try scratch.write("data/c.csv", "contract_id,value\nC1,100\nC2,200\n")
        let recorded = "6f4bf91b6d402f04eb3344db9c021f2ce7f797594fd891f2386b4e760eebde43"
        try scratch.write("nb/d.svw", "# data: ../data/c.csv sha256=\(recorded) rows=2\nSELECT 'ran' AS x;\n")
        let clean = try SVWBinary.run(["run", "nb/d.svw", "--strict"], in: scratch.url)
        #expect(clean.status == 0 && clean.err == "" && clean.out == "x\n---\nran\n")

        try scratch.write("data/c.csv", "contract_id,value\nC1,100\nC2,999\n")
        let lenient = try SVWBinary.run(["run", "nb/d.svw"], in: scratch.url)
        #expect(lenient.status == 0)
        #expect(lenient.out == "x\n---\nran\n")
        #expect(lenient.err.hasPrefix("nb/d.svw:2: data file ../data/c.csv has changed since the script was saved\n  expected sha256 \(recorded)\n  actual   sha256 "))
        let actual = lenient.err.components(separatedBy: "actual   sha256 ")[1].prefix(64)
        #expect(actual.count == 64 && actual != Substring(recorded))

        let strict = try SVWBinary.run(["run", "nb/d.svw", "--strict"], in: scratch.url)
        #expect(strict.status == 1)
        #expect(strict.out == "")
        #expect(strict.err.contains("(--strict stops the run)"))
    }

    @Test func escapingScriptIsRefused() throws {
        let scratch = try ScratchFolder()
        try scratch.write("x.svw", """
            SELECT 'before' AS step;
            save stolen.svw
            ATTACH DATABASE 'attached.db' AS a;
            VACUUM INTO 'copy.db';
            shell rm -rf /
            open other.db
            persist copy2.db
            SELECT 'after' AS step;

            """)
        let run = try SVWBinary.run(["run", "x.svw"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.out == "step\n------\nbefore\nstep\n-----\nafter\n")
        #expect(run.err.contains("x.svw:2: save: not allowed in a script"))
        #expect(run.err.contains("x.svw:3: ATTACH and VACUUM INTO are not allowed in a script"))
        #expect(run.err.contains("x.svw:4: ATTACH and VACUUM INTO are not allowed in a script"))
        #expect(run.err.contains("x.svw:5: unknown command \"shell\""))
        // open and persist write workspace files: refused in scripts (or unknown, before the shell's commands are merged).
        for (line, name) in [(6, "open"), (7, "persist")] {
            #expect(run.err.contains("x.svw:\(line): \(name): not allowed in a script")
                    || run.err.contains("x.svw:\(line): unknown command \"\(name)\""))
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
        #expect(left == ["x.svw"])
    }
}
