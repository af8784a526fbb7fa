import Foundation
@testable import SVWScript
import Testing
@testable import SVWCommands
import TestSupport

/// Which words are files (from the registry), how `save` moves them, where a script may
/// write, and how notebooks keep what went to files.
@Suite struct SessionFilesTests {
    // MARK: File words come from the registry

    private func fileWords(_ line: String) throws -> [FileWord] {
        var words = try Tokenizer.words(line)
        let spec = try #require(CommandRegistry.command(named: words.removeFirst()))
        return try Invocation(spec: spec.withCommonOptions, words: words).fileWords
    }

    @Test func fileWordsFollowTheSpec() throws {
        #expect(try fileWords("load contracts data/c.csv --strict")
                == [FileWord(index: 1, prefix: "", path: "data/c.csv", writes: false, option: nil)])
        // The form `load table NAME FILE`: the name is not a file.
        #expect(try fileWords("load table things data/t.csv --replace")
                == [FileWord(index: 2, prefix: "", path: "data/t.csv", writes: false, option: nil)])
        #expect(try fileWords("output out/x.csv") == [FileWord(index: 0, prefix: "", path: "out/x.csv", writes: true, option: nil)])
        #expect(try fileWords("export report r.html --title T")
                == [FileWord(index: 1, prefix: "", path: "r.html", writes: true, option: nil)])
        #expect(try fileWords("run s.svw year=2021/22 --report=r.md") == [
            FileWord(index: 0, prefix: "", path: "s.svw", writes: false, option: nil),
            FileWord(index: 2, prefix: "--report=", path: "r.md", writes: true, option: "report"),
        ])
        #expect(try fileWords("load sample data/s") == [FileWord(index: 1, prefix: "", path: "data/s", writes: false, option: nil)])
        #expect(try fileWords("headline 2020/21").isEmpty)
    }

    // MARK: save rebases every file word

    @Test func savedCommandsNameFilesRelativeToTheScript() throws {
        let base = URL(fileURLWithPath: "/work/x"), folder = URL(fileURLWithPath: "/work/x/sub")
        func saved(_ text: String) -> String {
            SessionScriptWriter.text(of: RecordedCommand(text: text, kind: .command), base: base, folder: folder)
        }
        #expect(saved("load measures data/m.csv") == "load measures ../data/m.csv")
        // `load table` takes no --map since its form lists its options (an invalid command
        // is never recorded); the form says NAME is not a file and FILE is.
        #expect(saved("load table things 'my data/t.csv' --delimiter ';' --replace")
                == "load table things '../my data/t.csv' --delimiter ';' --replace")
        #expect(saved("load contracts 'my data/c.csv' --map value=V") == "load contracts '../my data/c.csv' --map value=V")
        #expect(saved("load sample data") == "load sample ../data")
        #expect(saved("load sample") == "load sample")
        #expect(saved("once out/n.csv") == "once ../out/n.csv")
        #expect(saved("export chart /work/x/sub/charts/g.svg") == "export chart charts/g.svg")
        #expect(saved("run other.svw --report=r.md") == "run ../other.svw --report=../r.md")
        // A parameter is filled in at replay: a plainly relative path moves; one that may
        // start with a parameter's value (an absolute path, perhaps) stays as typed.
        #expect(saved("output out/$year.csv") == "output '../out/$year.csv'")
        #expect(saved("output $dir/x.csv") == "output $dir/x.csv")
        // Commands without file words are kept exactly as typed.
        #expect(saved("filter  partner='Stockport Council'") == "filter  partner='Stockport Council'")
        #expect(SessionScriptWriter.text(of: RecordedCommand(text: "load contracts c.csv", kind: .command), base: base, folder: base)
                == "load contracts c.csv")
    }

    // MARK: Where a script may write

    /// Whatever the registry holds: every script-safe command with an argument or option it
    /// writes refuses, in a script, a path outside the script's folder, before doing anything.
    @Test func everyWrittenFileWordIsConfinedInScripts() throws {
        let scratch = try ScratchFolder()
        let outside = try ScratchFolder()
        var checked: [String] = []
        for spec in CommandRegistry.all where spec.scriptSafe {
            let target = outside.file("\(spec.name).out").path
            var words = [spec.name]
            var writes = false
            for (index, argument) in spec.arguments.enumerated() where !argument.optional || argument.writes {
                if argument.writes { words.append(target); writes = true; break }
                if case .choices(let choices) = argument.completion, let first = choices.first { words.append(first) }
                else { words.append("a\(index)") }
            }
            for option in spec.options where option.writes {
                words += ["--" + option.name, target]
                writes = true
            }
            guard writes else { continue }
            let h = try SessionHarness(folder: scratch.url)
            h.session.isScript = true
            let line = words.map(Tokenizer.quote).joined(separator: " ")
            #expect(h.run(line) == 1, "\(line)")
            #expect(h.capture.err.contains("cannot write \(target): a script writes only inside its own folder ("
                                           + FileWrites.canonical(scratch.url).path + ")"), "\(line): \(h.capture.err)")
            checked.append(spec.name)
        }
        #expect(Set(checked).isSuperset(of: ["output", "once", "export", "run"]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.url.path).isEmpty)
    }

    @Test func outsideAScriptCommandsWriteWhereTheyAreTold() throws {
        let scratch = try ScratchFolder()
        let outside = try ScratchFolder()
        let h = try SessionHarness(folder: scratch.url)
        #expect(h.run("once \(outside.file("a.txt").path)\nSELECT 1 AS one;") == 0)
        #expect(try outside.read("a.txt") == "one\n---\n  1\n")
    }

    @Test func canonicalFollowsLinksDanglingOnesToo() throws {
        let scratch = try ScratchFolder()
        let fm = FileManager.default
        try fm.createDirectory(at: scratch.file("real/deep"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: scratch.file("up").path, withDestinationPath: "real/deep/../../..")
        try fm.createSymbolicLink(atPath: scratch.file("dangling").path, withDestinationPath: "/nowhere/file.txt")
        let root = FileWrites.canonical(scratch.url).path
        #expect(FileWrites.canonical(scratch.file("real/deep/x.txt")).path == root + "/real/deep/x.txt")
        #expect(FileWrites.canonical(scratch.file("up/x.txt")).path == (root as NSString).deletingLastPathComponent + "/x.txt")
        #expect(FileWrites.canonical(scratch.file("dangling")).path == "/nowhere/file.txt")
        #expect(FileWrites.isInside(URL(fileURLWithPath: "/a/b/c"), URL(fileURLWithPath: "/a/b")))
        #expect(!FileWrites.isInside(URL(fileURLWithPath: "/a/bc"), URL(fileURLWithPath: "/a/b")))
    }

    // MARK: Notebooks keep file output

    @Test func fileSectionsReadAndRoundTrip() throws {
        let text = """
            once 'by authority.csv'
            SELECT 1 AS one;
            #> shown
            #>> 'by authority.csv'
            #> a,b
            #> 1,2
            #>> other.txt
            #> no newline
            #~ no newline at end
            SELECT 2;

            """
        let notebook = try Notebook(text: text)
        #expect(notebook.cells.map(\.expected) == [nil, CellOutput(stdout: "shown\n", files: [
            FileOutput(path: "by authority.csv", text: "a,b\n1,2\n"), FileOutput(path: "other.txt", text: "no newline"),
        ]), nil])
        #expect(notebook.rewritten(outputs: notebook.cells.map(\.expected)) == text)
        #expect(throws: NotebookError(line: 3, message: "#>> must name one file (quote a name with spaces)")) {
            try Notebook(text: "SELECT 1;\n#> x\n#>> a b\n")
        }
    }

    @Test func diffNamesTheFile() {
        let expected = CellOutput(stdout: "x\n", files: [FileOutput(path: "g.csv", text: "a\nb\n")])
        let actual = CellOutput(stdout: "x\n", files: [FileOutput(path: "g.csv", text: "a\nc\n")])
        #expect(CellOutput.diff(expected: expected, actual: expected, label: "nb.svw:3") == nil)
        #expect(CellOutput.diff(expected: expected, actual: actual, label: "nb.svw:3") == """
            --- nb.svw:3 expected, written to g.csv
            +++ nb.svw:3 actual, written to g.csv
            @@ -1,2 +1,2 @@
             a
            -b
            +c

            """)
    }
}
