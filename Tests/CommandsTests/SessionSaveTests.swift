import Foundation
import SVWScript
import Testing
import SVWRendering
@testable import SVWCommands
import TestSupport

@Suite struct SessionSaveTests {
    @Test func recordingLeavesOutFailuresAndLookUps() throws {
        let h = try SessionHarness()
        h.run("help\nSELECT 1;\nSELEC 2;\nmode nosuch\nmode csv\nsession")
        #expect(h.session.recording.map(\.text) == ["SELECT 1;", "mode csv"])
    }

    @Test func sessionShowsWhatSaveWouldWrite() throws {
        let h = try SessionHarness()
        h.run("CREATE TABLE t(a);\nmode csv\nsession")
        #expect(h.capture.out == "CREATE TABLE t(a);\nmode csv\n")
        h.run("session clear")
        #expect(h.session.recording.isEmpty)
        #expect(h.capture.err.hasSuffix("session: recording cleared (2 commands dropped)\n"))
    }

    /// A load records absolute paths; the script names them relative to itself, with hash and rows.
    @Test func dataFilesAreRecordedRelativeToTheScript() throws {
        let scratch = try ScratchFolder()
        let h = try SessionHarness(folder: scratch.url)
        let data = scratch.file("data/My Contracts.csv")
        let other = URL(fileURLWithPath: "/srv/shared/suppliers.csv")
        let hashA = String(repeating: "a1", count: 32), hashB = String(repeating: "b2", count: 32)
        h.session.record(RecordedCommand(text: "load contracts \(Tokenizer.quote(data.path)) --strict", kind: .command,
                                         files: [LoadedFile(url: data, sha256: hashA, rows: 4000)]))
        h.session.record(RecordedCommand(text: "load suppliers \(other.path)", kind: .command,
                                         files: [LoadedFile(url: other, sha256: hashB, rows: 12)]))
        h.session.record(RecordedCommand(text: "SELECT count(*)\n  FROM contracts", kind: .sql))
        try FileManager.default.createDirectory(at: scratch.file("notebooks"), withIntermediateDirectories: true)
        let date = Date(timeIntervalSince1970: 1_700_000_000)   // 2023-11-14
        let text = SessionScriptWriter.script(recording: h.session.recording, startMode: .box, base: scratch.url,
                                              scriptURL: scratch.file("notebooks/board.svw"), savedOn: date)
        let ups = String(repeating: "../", count: RelativePath.canonical(scratch.file("notebooks")).pathComponents.count - 1)
        #expect(text == """
            # svw session script, saved by svw \(SVWVersion.current) on 2023-11-14.
            # Replay it with `svw run board.svw`; `--check` compares its output with the #> lines, `--update` stores them anew.

            mode box

            # data: '../data/My Contracts.csv' sha256=\(hashA) rows=4000
            load contracts '../data/My Contracts.csv' --strict

            # data: \(ups)srv/shared/suppliers.csv sha256=\(hashB) rows=12
            load suppliers \(ups)srv/shared/suppliers.csv
            SELECT count(*)
              FROM contracts;

            """)
    }

    /// Paths typed relative to the folder the shell runs in are rewritten relative to the
    /// script, which may be saved anywhere; so is the folder of `load sample DIR`.
    @Test func relativePathsTypedAtThePromptAreRewrittenForTheScript() throws {
        let scratch = try ScratchFolder()
        try scratch.write("work/data/rates.csv", "code,rate\nA,1\nB,2\n")
        let h = try SessionHarness(folder: scratch.file("work"))
        #expect(h.run("load table rates data/rates.csv\nload table again ./data/../data/rates.csv") == 0)
        try FileManager.default.createDirectory(at: scratch.file("notebooks"), withIntermediateDirectories: true)
        #expect(h.run("save ../notebooks/s.svw") == 0)
        let saved = try scratch.read("notebooks/s.svw")
        #expect(saved.contains("rows=2\nload table rates ../work/data/rates.csv\n"))
        #expect(saved.contains("rows=2\nload table again ../work/data/rates.csv\n"))
        // The script replays from its own folder, on the same data.
        let replay = try SessionHarness(folder: scratch.url)
        #expect(replay.run("run notebooks/s.svw") == 0, "\(replay.capture.err)")
        #expect(!replay.capture.err.contains("changed"))
        // `session` shows the same paths relative to where the shell is.
        h.run("session")
        #expect(h.capture.out.contains("load table rates data/rates.csv\n"))

        let sample = try #require(SampleDataLocator.bundled())
        let s = try SessionHarness(folder: sample.deletingLastPathComponent())
        #expect(s.run("load sample \(sample.lastPathComponent)") == 0)
        let text = SessionScriptWriter.script(recording: s.session.recording, startMode: .table,
                                              base: s.session.baseDirectory,
                                              scriptURL: scratch.file("notebooks/sample.svw"), savedOn: Date())
        let folder = RelativePath.from(scratch.file("notebooks"), to: sample)
        #expect(text.contains("/contracts.csv sha256="))
        #expect(text.hasSuffix("rows=11982\nload sample \(folder)\n"))
    }

    /// A session begun in box mode says so, unless its first command sets the mode anyway.
    @Test func startModeIsWrittenOnlyWhenItMatters() {
        let recording = [RecordedCommand(text: "mode table", kind: .command), RecordedCommand(text: "SELECT 1;", kind: .sql)]
        let folder = URL(fileURLWithPath: "/tmp")
        #expect(SessionScriptWriter.body(recording: recording, startMode: .box, base: folder, folder: folder) == "mode table\nSELECT 1;\n")
        #expect(SessionScriptWriter.body(recording: Array(recording.dropFirst()), startMode: .box, base: folder, folder: folder) == "mode box\nSELECT 1;\n")
        #expect(SessionScriptWriter.body(recording: [RecordedCommand(text: "mode", kind: .command)], startMode: .box, base: folder, folder: folder)
                == "mode box\nmode\n")
    }

    @Test func saveWritesTheFileAndRefusesToOverwrite() throws {
        let scratch = try ScratchFolder()
        let h = try SessionHarness(folder: scratch.url)
        #expect(h.run("save empty.svw") == 1)
        #expect(h.capture.err.contains("save: nothing recorded yet"))
        h.run("SELECT 1 AS one;")
        #expect(h.run("save s.svw") == 0)
        let saved = try scratch.read("s.svw")
        #expect(saved.hasPrefix("# svw session script, saved by svw \(SVWVersion.current) on "))
        #expect(saved.hasSuffix("\n\nSELECT 1 AS one;\n#> one\n#> ---\n#>   1\n"), "the output is stored with the command")
        #expect(h.capture.err.contains("saved 1 command and its output to s.svw (svw run s.svw --check checks it)"))
        #expect(h.run("save s.svw") == 1)
        #expect(h.capture.err.hasSuffix("test:1: save: s.svw exists; use --force to replace it\n"))
        #expect(h.run("SELECT 2;\nsave s.svw --force") == 0)
        #expect(try scratch.read("s.svw").hasSuffix("SELECT 1 AS one;\n#> one\n#> ---\n#>   1\nSELECT 2;\n#> 2\n#> -\n#> 2\n"))
        #expect(!h.session.recording.contains { $0.text.hasPrefix("save") })
    }

    @Test func relativePaths() {
        #expect(RelativePath.from(URL(fileURLWithPath: "/a/b"), to: URL(fileURLWithPath: "/a/b/c.csv")) == "c.csv")
        #expect(RelativePath.from(URL(fileURLWithPath: "/a/b"), to: URL(fileURLWithPath: "/a/x/c.csv")) == "../x/c.csv")
        #expect(RelativePath.from(URL(fileURLWithPath: "/a/b/"), to: URL(fileURLWithPath: "/a/b/./d/../c.csv")) == "c.csv")
    }
}
