import Foundation
import Testing
import SVWImport
import SVWWorkspace
@testable import SVWCommands
import TestSupport

@Suite struct SessionReplayTests {
    /// Runs `run ARGS` in a shell session; the session's own state must survive it.
    private func replay(_ args: String, in scratch: ScratchFolder) throws -> (SessionHarness, Int) {
        let h = try SessionHarness(folder: scratch.url)
        let failures = h.run("run " + args)
        return (h, failures)
    }

    @Test func runReplaysInAFreshWorkspaceAndLeavesTheSessionAlone() throws {
        let scratch = try ScratchFolder()
        try scratch.write("s.svw", "CREATE TABLE t(a);\nINSERT INTO t VALUES (7);\nmode csv\nSELECT a FROM t;\n")
        let h = try SessionHarness(folder: scratch.url)
        #expect(h.run("CREATE TABLE mine(x);\nrun s.svw\nSELECT count(*) AS n FROM sqlite_schema WHERE name = 't';") == 0)
        #expect(h.capture.out == "a\n7\nn\n-\n0\n")
        #expect(h.session.mode == .table)
        #expect(h.session.recording.map(\.text) == ["CREATE TABLE mine(x);", "SELECT count(*) AS n FROM sqlite_schema WHERE name = 't';"])
    }

    @Test func pathsResolveAgainstTheScriptsFolder() throws {
        let scratch = try ScratchFolder()
        try scratch.write("nb/inner.svw", "SELECT 'inner' AS who;\n")
        try scratch.write("nb/outer.svw", "run inner.svw\nSELECT 'outer' AS who;\n")
        let (h, failures) = try replay("nb/outer.svw --format csv", in: scratch)
        #expect(failures == 0)
        // --format sets the mode the replay starts in; the nested run starts afresh in table mode.
        #expect(h.capture.out == "who\n-----\ninner\nwho\nouter\n")
    }

    @Test func parametersAreDeclaredOverriddenAndChecked() throws {
        let scratch = try ScratchFolder()
        try scratch.write("p.svw", "param year = 2020/21\nparam partner\nSELECT $year AS year, $partner AS partner;\n")
        var (h, failures) = try replay("p.svw", in: scratch)
        #expect(failures == 1)
        #expect(h.capture.err == "test:1: run: missing parameter partner: p.svw needs a value for it (partner=VALUE)\n")
        (h, failures) = try replay("p.svw partner=Wigan yaer=2021/22", in: scratch)
        #expect(h.capture.err == "test:1: run: p.svw has no parameter \"yaer\"; did you mean \"year\"? (it declares: year, partner)\n")
        (h, failures) = try replay("p.svw 'partner=Stockport; DROP' year=2021/22", in: scratch)
        #expect(failures == 0)
        #expect(h.capture.out == "year     partner\n-------  ---------------\n2021/22  Stockport; DROP\n")
    }

    @Test func escapesAreRefused() throws {
        let scratch = try ScratchFolder()
        try scratch.write("escape.svw", """
            SELECT 1 AS one;
            save copy.svw
            ATTACH 'evil.db' AS evil;
            VACUUM INTO 'evil2.db';
            run escape.svw --update
            SELECT 2 AS two;

            """)
        let (h, failures) = try replay("escape.svw", in: scratch)
        #expect(failures == 1)
        let refusal = "(scripts write only the files their export and output commands name)"
        #expect(h.capture.err == """
            escape.svw:2: save: not allowed in a script \(refusal)
            escape.svw:3: ATTACH and VACUUM INTO are not allowed in a script \(refusal)
            escape.svw:4: ATTACH and VACUUM INTO are not allowed in a script \(refusal)
            escape.svw:5: run: --update rewrites a script, which a script may not do
            test:1: escape.svw: 4 commands failed

            """)
        #expect(h.capture.out == "one\n---\n  1\ntwo\n---\n  2\n")
        for name in ["copy.svw", "evil.db", "evil2.db"] {
            #expect(!FileManager.default.fileExists(atPath: scratch.file(name).path), "\(name) was written")
        }
    }

    /// Whatever commands the registry holds, every one not marked script-safe is refused in a script.
    @Test func everyUnsafeCommandIsRefusedInScripts() throws {
        let unsafe = CommandRegistry.all.filter { !$0.scriptSafe }
        #expect(unsafe.contains { $0.name == "save" })
        for name in ["open", "persist"] {
            if let spec = CommandRegistry.command(named: name) { #expect(!spec.scriptSafe, "\(name) must not run in scripts") }
        }
        for spec in unsafe {
            let h = try SessionHarness()
            h.session.isScript = true
            // The words after the name are the command's first argument, or none when it takes none.
            #expect(h.run(spec.name + (spec.arguments.isEmpty ? "" : " x")) == 1)
            #expect(h.capture.err.contains("\(spec.name): not allowed in a script"), "\(spec.name)")
        }
    }

    @Test func nestedRunsAreBounded() throws {
        let scratch = try ScratchFolder()
        try scratch.write("loop.svw", "run loop.svw\n")
        let (h, failures) = try replay("loop.svw", in: scratch)
        #expect(failures == 1)
        #expect(h.capture.err.contains("scripts nested more than \(ScriptReplay.maxDepth) deep"))
    }

    @Test func changedDataIsReportedAndStrictStops() throws {
        let scratch = try ScratchFolder()
        try scratch.write("data/c.csv", "contract_id,value\nC1,100\nC2,200\n")
        let recorded = "6f4bf91b6d402f04eb3344db9c021f2ce7f797594fd891f2386b4e760eebde43"
        try scratch.write("d.svw", "# data: data/c.csv sha256=\(recorded) rows=2\nSELECT 'ran' AS x;\n")
        var (h, failures) = try replay("d.svw", in: scratch)
        #expect(failures == 0 && h.capture.err.isEmpty)

        try scratch.write("data/c.csv", "contract_id,value\nC1,100\nC2,201\n")
        let actual = try SHA256.hex(ofFileAt: scratch.file("data/c.csv"))
        (h, failures) = try replay("d.svw", in: scratch)
        #expect(failures == 0)
        #expect(h.capture.out == "x\n---\nran\n")
        #expect(h.capture.err == """
            d.svw:2: data file data/c.csv has changed since the script was saved
              expected sha256 \(recorded)
              actual   sha256 \(actual)
            d.svw: 1 data file changed

            """)
        (h, failures) = try replay("d.svw --strict", in: scratch)
        #expect(failures == 1)
        #expect(h.capture.out == "")
        #expect(h.capture.err.hasPrefix("d.svw:2: data file data/c.csv has changed since the script was saved (--strict stops the run)\n"))

        try FileManager.default.removeItem(at: scratch.file("data/c.csv"))
        (h, failures) = try replay("d.svw --strict", in: scratch)
        #expect(h.capture.err.hasPrefix("d.svw:2: data file data/c.csv is missing or unreadable (no such file) (--strict stops the run)\n"))
    }

    @Test func checkPassesFailsWithDiffAndUpdateRewrites() throws {
        let scratch = try ScratchFolder()
        let original = "CREATE TABLE t(a);\nINSERT INTO t VALUES (1), (2);\nSELECT a FROM t ORDER BY a;\n"
        try scratch.write("n.svw", original)
        var (h, failures) = try replay("n.svw --update", in: scratch)
        #expect(failures == 0)
        #expect(try scratch.read("n.svw") == original + "#> a\n#> -\n#> 1\n#> 2\n")
        #expect(h.capture.out.isEmpty)

        (h, failures) = try replay("n.svw --check", in: scratch)
        #expect(failures == 0)
        #expect(h.capture.out.isEmpty)
        #expect(h.capture.err == "n.svw: all 3 outputs match\n")

        try scratch.write("n.svw", try scratch.read("n.svw").replacingOccurrences(of: "(2)", with: "(3)"))
        (h, failures) = try replay("n.svw --check", in: scratch)
        #expect(failures == 1)
        #expect(h.capture.out == """
            n.svw:3: output differs: SELECT a FROM t ORDER BY a;
            --- n.svw:3 expected
            +++ n.svw:3 actual
            @@ -1,4 +1,4 @@
             a
             -
             1
            -2
            +3

            """)
        #expect(h.capture.err == "test:1: n.svw: 1 of 3 outputs differ\n")

        (h, failures) = try replay("n.svw --update", in: scratch)
        #expect(failures == 0)
        #expect(try scratch.read("n.svw").hasSuffix("#> 1\n#> 3\n"))
        (h, failures) = try replay("n.svw --check", in: scratch)
        #expect(failures == 0)
    }

    @Test func updateRefusesARunThatFailed() throws {
        let scratch = try ScratchFolder()
        let text = "SELECT 1 AS a;\nSELECT nosuch FROM nowhere;\n"
        try scratch.write("f.svw", text)
        let (h, failures) = try replay("f.svw --update", in: scratch)
        #expect(failures == 1)
        #expect(try scratch.read("f.svw") == text)
        #expect(h.capture.err.contains("f.svw: not updated, because the run did not complete cleanly"))
    }

    @Test func unreadableScriptIsAClearError() throws {
        let scratch = try ScratchFolder()
        let (h, failures) = try replay("missing.svw", in: scratch)
        #expect(failures == 1)
        #expect(h.capture.err == "test:1: run: cannot read missing.svw: no such file\n")
    }
}
