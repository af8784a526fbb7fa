import Foundation
import Testing

/// What `output` and `once` send to files is part of a notebook's expected output, and
/// `--check` compares it without writing any file.
@Suite struct NotebookFileOutputEndToEndTests {
    static let notebook = """
        load table things data/things.csv
        mode csv
        once g.csv
        SELECT name, v FROM things ORDER BY name;
        output all.txt
        SELECT sum(v) AS total FROM things; SELECT 'hi' AS greeting;
        output
        SELECT count(*) AS n FROM things;
        export report board.md

        """

    @Test func checkComparesFileOutputAndWritesNothing() throws {
        let scratch = try SessionScratch()
        try scratch.write("data/things.csv", "name,v\na,1\nb,2\n")
        try scratch.write("nb.svw", Self.notebook)

        let update = try SessionCLI.run(["run", "nb.svw", "--update"], in: scratch.url)
        #expect(update.status == 0, "\(update.err)")
        // The file output sits in the cell's block, under a line naming the file.
        #expect(try scratch.read("nb.svw") == """
            load table things data/things.csv
            mode csv
            once g.csv
            SELECT name, v FROM things ORDER BY name;
            #>> g.csv
            #> name,v
            #> a,1
            #> b,2
            output all.txt
            SELECT sum(v) AS total FROM things; SELECT 'hi' AS greeting;
            #>> all.txt
            #> total
            #> 3
            #> greeting
            #> hi
            output
            SELECT count(*) AS n FROM things;
            #> n
            #> 2
            export report board.md

            """)
        // --update runs the script for real: its files are written.
        #expect(try scratch.read("g.csv") == "name,v\na,1\nb,2\n")
        #expect(FileManager.default.fileExists(atPath: scratch.file("board.md").path))

        // --check leaves every file alone (a stale one stays stale, a missing one missing).
        try scratch.write("g.csv", "sentinel\n")
        try FileManager.default.removeItem(at: scratch.file("all.txt"))
        try FileManager.default.removeItem(at: scratch.file("board.md"))
        let clean = try SessionCLI.run(["run", "nb.svw", "--check"], in: scratch.url)
        #expect(clean.status == 0, "\(clean.err)")
        #expect(clean.out == "")
        #expect(clean.err.hasSuffix("nb.svw: all 9 outputs match; not written under --check: board.md\n"))
        #expect(try scratch.read("g.csv") == "sentinel\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("all.txt").path))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("board.md").path))

        // A changed value that only reaches files is drift.
        try scratch.write("data/things.csv", "name,v\na,1\nb,5\n")
        let drift = try SessionCLI.run(["run", "nb.svw", "--check"], in: scratch.url)
        #expect(drift.status == 1)
        #expect(drift.out == """
            nb.svw:4: output differs: SELECT name, v FROM things ORDER BY name;
            --- nb.svw:4 expected, written to g.csv
            +++ nb.svw:4 actual, written to g.csv
            @@ -1,3 +1,3 @@
             name,v
             a,1
            -b,2
            +b,5
            nb.svw:10: output differs: SELECT sum(v) AS total FROM things;
            --- nb.svw:10 expected, written to all.txt
            +++ nb.svw:10 actual, written to all.txt
            @@ -1,4 +1,4 @@
             total
            -3
            +6
             greeting
             hi

            """)
        #expect(drift.err.hasSuffix("nb.svw: 2 of 9 outputs differ; not written under --check: board.md\n"))
        #expect(try scratch.read("g.csv") == "sentinel\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("all.txt").path))
    }

    /// Output that moves between the screen and a file is drift even when the text is the same.
    @Test func outputSentElsewhereIsDrift() throws {
        let scratch = try SessionScratch()
        try scratch.write("nb.svw", "once a.txt\nSELECT 1 AS one;\n#> one\n#> ---\n#>   1\n")
        let run = try SessionCLI.run(["run", "nb.svw", "--check"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.out.contains("--- nb.svw:2 expected\n+++ nb.svw:2 actual\n"))
        #expect(run.out.contains("--- nb.svw:2 expected, written to a.txt\n+++ nb.svw:2 actual, written to a.txt\n"))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("a.txt").path))
    }
}
