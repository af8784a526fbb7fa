import Foundation
import Testing
import TestSupport

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
        let scratch = try ScratchFolder()
        try scratch.write("data/things.csv", "name,v\na,1\nb,2\n")
        try scratch.write("nb.svw", Self.notebook)

        let update = try SVWBinary.run(["run", "nb.svw", "--update"], in: scratch.url)
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
        let clean = try SVWBinary.run(["run", "nb.svw", "--check"], in: scratch.url)
        #expect(clean.status == 0, "\(clean.err)")
        #expect(clean.out == "")
        #expect(clean.err.hasSuffix("nb.svw: all 9 outputs match; not written under --check: board.md\n"))
        #expect(try scratch.read("g.csv") == "sentinel\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("all.txt").path))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("board.md").path))

        // A changed value that only reaches files is drift.
        try scratch.write("data/things.csv", "name,v\na,1\nb,5\n")
        let drift = try SVWBinary.run(["run", "nb.svw", "--check"], in: scratch.url)
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
        let scratch = try ScratchFolder()
        try scratch.write("nb.svw", "once a.txt\nSELECT 1 AS one;\n#> one\n#> ---\n#>   1\n")
        let run = try SVWBinary.run(["run", "nb.svw", "--check"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.out.contains("--- nb.svw:2 expected\n+++ nb.svw:2 actual\n"))
        #expect(run.out.contains("--- nb.svw:2 expected, written to a.txt\n+++ nb.svw:2 actual, written to a.txt\n"))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("a.txt").path))
    }

    /// csv results stream in batches (2,000 rows each) to the screen and to `once` files; a
    /// checked replay still sees every batch, and `once` still writes nothing under --check,
    /// not even when it would have replaced a file at the first result.
    @Test func streamedResultsAreCheckedAcrossBatches() throws {
        let scratch = try ScratchFolder()
        let rows = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4500) SELECT i, i * 2 AS twice FROM n;"
        try scratch.write("nb.svw", "mode csv\n\(rows)\nonce big.csv\n\(rows)\nmode json\nSELECT 1 AS a, NULL AS b;\n")
        let update = try SVWBinary.run(["run", "nb.svw", "--update"], in: scratch.url)
        #expect(update.status == 0, "\(update.err)")
        let updated = try scratch.read("nb.svw")
        let expectedRows = (1...4500).map { "#> \($0),\($0 * 2)\n" }.joined()
        #expect(updated == "mode csv\n\(rows)\n#> i,twice\n" + expectedRows
                + "once big.csv\n\(rows)\n#>> big.csv\n#> i,twice\n" + expectedRows
                + "mode json\nSELECT 1 AS a, NULL AS b;\n#> [{\"a\":1,\"b\":null}]\n")
        #expect(try scratch.read("big.csv") == "i,twice\n" + (1...4500).map { "\($0),\($0 * 2)\n" }.joined())

        try scratch.write("big.csv", "sentinel\n")
        let clean = try SVWBinary.run(["run", "nb.svw", "--check"], in: scratch.url)
        #expect(clean.status == 0, "\(clean.out)\(clean.err)")
        #expect(try scratch.read("big.csv") == "sentinel\n")

        // A row in the second batch of each result differs from what the notebook expects.
        try scratch.write("nb.svw", updated.replacingOccurrences(of: "#> 3000,6000\n", with: "#> 3000,6001\n"))
        let drift = try SVWBinary.run(["run", "nb.svw", "--check"], in: scratch.url)
        #expect(drift.status == 1)
        #expect(drift.out.contains("--- nb.svw:2 expected\n+++ nb.svw:2 actual\n"))
        #expect(drift.out.contains("--- nb.svw:4505 expected, written to big.csv\n+++ nb.svw:4505 actual, written to big.csv\n"))
        #expect(drift.out.components(separatedBy: "-3000,6001\n+3000,6000\n").count == 3)
        #expect(try scratch.read("big.csv") == "sentinel\n")
    }
}
