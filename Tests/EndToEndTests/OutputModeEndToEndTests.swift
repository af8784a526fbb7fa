import Foundation
import Testing
import TestSupport

/// `svw --format MODE -c SQL` through the real binary: machine-readable output read
/// back equals what SQLite computes, and nothing but results reaches stdout.
@Suite struct OutputModeEndToEndTests {
    static let query = """
        SELECT 1 AS n, 'Stockport, "North"' AS partner, 2.5 AS share, NULL AS missing, '' AS empty
        UNION ALL SELECT -7, 'two
        lines', 1e-5, NULL, 'x'
        """

    @Test func csvFromTheBinaryParsesBack() throws {
        let run = try SVWBinary.run(["--format", "csv", "-c", Self.query + ";"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out == "n,partner,share,missing,empty\n1,\"Stockport, \"\"North\"\"\",2.5,,\"\"\n-7,\"two\nlines\",1e-05,,x\n")
    }

    @Test func jsonFromTheBinaryParsesBack() throws {
        let run = try SVWBinary.run(["--format", "json", "-c", Self.query + ";"])
        #expect(run.status == 0, "\(run.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect((rows[0]["n"] as? NSNumber)?.int64Value == 1)
        #expect(rows[0]["partner"] as? String == "Stockport, \"North\"")
        #expect((rows[0]["share"] as? NSNumber)?.doubleValue == 2.5)
        #expect(rows[0]["missing"] is NSNull)
        #expect(rows[0]["empty"] as? String == "")
        #expect(rows[1]["partner"] as? String == "two\nlines")
        #expect((rows[1]["share"] as? NSNumber)?.doubleValue == 1e-5)
    }

    @Test func tsvFromTheBinaryKeepsOneRecordPerLine() throws {
        let run = try SVWBinary.run(["-c", "mode tsv; " + Self.query + ";"])
        #expect(run.out == "n\tpartner\tshare\tmissing\tempty\n1\tStockport, \"North\"\t2.5\t\t\n-7\ttwo\\nlines\t1e-05\t\tx\n")
    }

    @Test func pipedOutputIsNeverShortenedOrColoured() throws {
        let sql = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300) SELECT x, printf('%.200c', 'w') AS wide FROM c;"
        let run = try SVWBinary.run(["--format", "box", "-c", sql], environment: ["TERM": "xterm"], inheritEnvironment: false)
        #expect(run.status == 0)
        #expect(run.out.split(separator: "\n").count == 300 + 4)
        #expect(!run.out.contains("more rows"))
        #expect(!run.out.contains("…"))
        #expect(!run.out.contains("\u{1B}"))
    }

    @Test func everyModeRendersTheSameQuery() throws {
        for mode in ["box", "table", "markdown", "csv", "tsv", "json", "line"] {
            let run = try SVWBinary.run(["--format", mode, "-c", "SELECT 42 AS answer, 'Trafford' AS partner;"])
            #expect(run.status == 0, "\(mode): \(run.err)")
            #expect(run.out.contains("42") && run.out.contains("Trafford"), "\(mode): \(run.out)")
            #expect(run.err.isEmpty, "\(mode): \(run.err)")
        }
    }

    @Test func anUnknownModeIsRefusedWithTheList() throws {
        let run = try SVWBinary.run(["--format", "xml", "-c", "SELECT 1;"])
        #expect(run.status != 0)
        #expect(run.err.contains("unknown --format \"xml\" (one of: box, table, markdown, csv, tsv, json, line, html, auto)"))
    }

    @Test func outputAndOnceWriteFiles() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.url
        let run = try SVWBinary.run(["-c", "mode csv; once one.csv; SELECT 1 AS a; SELECT 2 AS b; output all.csv; SELECT 3 AS c; SELECT 4 AS d; output; SELECT 5 AS e;"], in: folder)
        #expect(run.status == 0, "\(run.err)")
        #expect(try String(contentsOf: folder.appendingPathComponent("one.csv"), encoding: .utf8) == "a\n1\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("all.csv"), encoding: .utf8) == "c\n3\nd\n4\n")
        #expect(run.out == "b\n2\ne\n5\n")
    }
}
