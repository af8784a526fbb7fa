import Foundation
import SVWScript
import Testing
import SVWDatabase
@testable import SVWCommands
@testable import SVWRendering

/// The sqlite3 and psql spellings, `read`, `once`/`output` by extension, `last`, `expanded`,
/// SQL name suggestions and `profile`, run through the dispatcher as typed (the shell
/// command suite's fixture: a small workspace and a scratch folder).
extension ShellCommandsTests {
    @Test func sqliteAndPsqlSpellingsRunTheirCommands() throws {
        #expect(run("\\d contracts") == 0)
        #expect(capture.out.contains("financial_year,TEXT"))
        capture.out = ""
        #expect(run("\\dt") == 0)
        #expect(capture.out.contains("contracts,table,5\n"))
        capture.out = ""
        #expect(run(".tables") == 0)
        #expect(capture.out.contains("contracts,table,5\n"))
        capture.out = ""
        #expect(run("\\d") == 0, "psql's \\d alone lists the relations")
        #expect(capture.out.contains("suppliers,table,2\n"))
        #expect(run(".schema measures") == 0)
        #expect(capture.out.contains("CREATE TABLE measures"))
        for (alias, name) in [("\\q", "quit"), ("\\i", "read"), ("\\e", "edit"), ("\\x", "expanded"), (".read", "read"),
                              (".headers", "headers"), (".once", "once"), (".output", "output"), (".help", "help"),
                              (".timer", "timer"), (".mode", "mode"), (".quit", "quit")] {
            #expect(CommandRegistry.command(named: alias)?.name == name, "\(alias)")
        }
    }

    @Test func aMistypedBackslashCommandGetsTheNearestOne() {
        #expect(run("\\dx") == 1)
        #expect(capture.err.contains("unknown command \"\\dx\"; did you mean \"\\d\"?"))
        #expect(run("help \\d") == 0)
        #expect(capture.out.hasPrefix("usage: describe [TABLE]"))
        #expect(capture.out.contains("Also: \\d\n"))
    }

    @Test func helpNamesTheFamiliarSpellings() {
        #expect(run("help") == 0)
        let flat = capture.out.replacingOccurrences(of: "\n  ", with: " ").replacingOccurrences(of: "\n", with: " ")
        #expect(flat.contains("As in sqlite3 and psql: .tables = tables, \\dt = tables,"))
        #expect(flat.contains("\\d = describe"))
        #expect(flat.contains("--format MODE, output mode for this command only (box, table, markdown, csv, tsv, json, line, html, auto)"))
    }

    @Test func readRunsAFileInThisWorkspace() throws {
        try "CREATE TABLE t(x);\nINSERT INTO t VALUES (41);\nnope\nSELECT x + 1 AS y FROM t;\n"
            .write(to: folder.appendingPathComponent("q.sql"), atomically: true, encoding: .utf8)
        #expect(run("read q.sql") == 1)
        #expect(capture.err.contains("q.sql:3: unknown command \"nope\""))
        #expect(capture.err.contains("read: 1 of 4 in q.sql failed"))
        #expect(capture.out == "y\n42\n")
        // The table stays: the file ran here, not in a fresh workspace; its commands are recorded, read is not.
        #expect(try session.db.scalar("SELECT x FROM t").int64 == 41)
        #expect(session.recording.map(\.text).contains("CREATE TABLE t(x);"))
        #expect(!session.recording.map(\.text).contains { $0.hasPrefix("read") })
        #expect(run("read missing.sql") == 1)
        #expect(capture.err.contains("read: cannot read missing.sql"))
    }

    @Test func aFileThatReadsItselfStops() throws {
        try "read self.sql\n".write(to: folder.appendingPathComponent("self.sql"), atomically: true, encoding: .utf8)
        #expect(run("read self.sql") == 1)
        #expect(capture.err.contains("read: self.sql reads files 16 deep; does it read itself?"))
    }

    @Test func onceAndOutputTakeTheModeOfTheFileExtension() throws {
        session.mode = .box
        #expect(run("once o.csv\nSELECT partner, count(*) AS n FROM contracts GROUP BY 1 ORDER BY 1;") == 0)
        #expect(try file("o.csv") == "partner,n\nGreater Manchester,1\nStockport,2\nTameside,1\nTrafford,1\n")
        #expect(run("once o.txt --format json\nSELECT 1 AS a;") == 0)
        #expect(try file("o.txt") == "[{\"a\":1}]\n")
        #expect(run("once o.md; SELECT 'a|b' AS a;") == 0, "one line sends an SQL result to a file")
        #expect(try file("o.md") == "| a    |\n|------|\n| a\\|b |\n")
        #expect(run("output o.html\nSELECT '<b>' AS tag, 2 AS n;\noutput") == 0)
        #expect(try file("o.html") == """
            <table>
            <thead><tr><th>tag</th><th style="text-align:right">n</th></tr></thead>
            <tbody>
            <tr><td>&lt;b&gt;</td><td style="text-align:right">2</td></tr>
            </tbody>
            </table>

            """)
        #expect(capture.err.contains("as html"))
        #expect(run("once o.csv --format xml") == 1)
        #expect(capture.err.contains("unknown --format \"xml\""))
        // The screen keeps the session's mode.
        capture.out = ""
        #expect(run("SELECT 1 AS a;") == 0)
        #expect(capture.out.hasPrefix("┌"))
    }

    @Test func lastShowsThePreviousResultInFullForSQLToo() throws {
        session.mode = .box
        session.renderOptions = RenderOptions(width: 80, maxRows: 5)
        #expect(run(ShellCommandsTests.manyRows) == 0)
        #expect(capture.out.contains("… 99,995 more rows (100,000 in all; last shows them all)"))
        capture.out = ""
        #expect(run("mode csv\nlast") == 0, "a command that shows nothing leaves last alone")
        #expect(capture.out.split(separator: "\n").count == 100_001)
        #expect(capture.out.hasSuffix("100000,row 100000\n"))
        // A statement that writes is never run again: last shows the rows it kept.
        #expect(run("CREATE TABLE w(x);\nINSERT INTO w WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10) SELECT x FROM c RETURNING x;") == 0)
        capture.out = ""
        #expect(run("last") == 0)
        #expect(capture.out.split(separator: "\n").count == 11)
        #expect(try session.db.scalar("SELECT count(*) FROM w").int64 == 10)
    }

    @Test func lastAfterAnAnalysisShowsItsCaptionAndTable() throws {
        #expect(run("tables") == 0)
        let first = capture.out
        capture.out = ""
        #expect(run("last") == 0)
        #expect(capture.out == first)
        capture.out = ""
        #expect(run("last --format json") == 0)
        #expect(capture.out.hasPrefix("[{\"name\":"))
    }

    @Test func lastWithNothingShownSaysSo() {
        #expect(run("last") == 0)
        #expect(capture.err == "last: nothing has been shown yet\n")
    }

    @Test func exportChartAfterSQLSaysThereIsNoChart() throws {
        #expect(run("geography --year 2020/21") == 0)
        #expect(run("SELECT 1;") == 0)
        #expect(run("export chart g.svg") == 1)
        #expect(capture.err.contains("export chart: the last result has no chart (SQL results and tables draw none)"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("g.svg").path))
    }

    @Test func expandedSwitchesToOneFieldPerLineAndBack() {
        session.mode = .box
        #expect(run("\\x\nSELECT 1 AS a, 2 AS b;") == 0)
        #expect(capture.out == "a = 1\nb = 2\n")
        #expect(run("\\x") == 0)
        #expect(session.mode == .box)
        #expect(run("expanded auto") == 0)
        #expect(session.mode == .auto)
        #expect(run("expanded sideways") == 1)
        #expect(capture.err.contains("expanded: expected on or off, not \"sideways\""))
    }

    @Test func sqlErrorsSuggestTheNameMeant() {
        #expect(run("SELECT * FROM contract;") == 1)
        #expect(capture.err.contains("SQL error: no such table: contract — did you mean contracts?"))
        #expect(run("SELECT c.titel FROM contracts c;") == 1)
        #expect(capture.err.contains("SQL error: no such column: c.titel — did you mean c.title?"))
        #expect(run("SELECT nothing_like_it FROM contracts;") == 1)
        #expect(capture.err.contains("no such column: nothing_like_it\n") || capture.err.hasSuffix("no such column: nothing_like_it"))
        #expect(!capture.err.contains("nothing_like_it — did you mean"))
    }

    @Test func aMisspeltKeywordOpensSQLWithASuggestion() {
        #expect(ScriptSplitter.split("SELET count(*)\nFROM contracts;").map(\.kind) == [.sql])
        #expect(run("SELET count(*) FROM contracts;") == 1)
        #expect(capture.err.contains("SQL error: near \"SELET\": syntax error — did you mean SELECT?"))
        #expect(run("updte contracts SET title = 'x';") == 1)
        #expect(capture.err.contains("— did you mean update?"))
        // A slip nearer a command stays a command.
        #expect(run("tabels") == 1)
        #expect(capture.err.contains("unknown command \"tabels\"; did you mean \"tables\"?"))
    }

    @Test func profileDescribesEachColumn() throws {
        session.mode = .tsv
        #expect(run("profile contracts value_pence partner category") == 0)
        // Values 100…500 pence, recomputed by hand: mean 300 pence = £3.00.
        #expect(capture.out == """
            column\ttype\tnulls\tdistinct\tmin\tmax\tmean\ttop values\thistogram
            value_pence\tINTEGER\t0\t5\t£1.00\t£5.00\t£3.00\t£1.00 (1), £2.00 (1), £3.00 (1)\t█ █ █ ██
            partner\tTEXT\t0\t4\tGreater Manchester\tTrafford\t\tStockport (2), Greater Manchester (1), Tameside (1)\t
            category\tTEXT\t1\t3\tGrounds\tSocial care\t\tHighways (2), Grounds (1), Social care (1)\t

            """)
        #expect(run("profile contracts value_pense") == 1)
        #expect(capture.err.contains("profile: contracts has no column \"value_pense\"; did you mean \"value_pence\"?"))
    }

    /// Numbers, text and NULL in one column: the mean is over the numbers only, recomputed by
    /// hand; a column of text or of NULL alone has no mean.
    @Test func aColumnMixingNumbersAndTextIsProfiledExactly() throws {
        session.mode = .tsv
        try session.db.execute("""
            CREATE TABLE mixed(x, t TEXT, n INTEGER);
            INSERT INTO mixed VALUES (1, 'b', NULL), (2, 'a', NULL), ('z', 'c', NULL), (NULL, NULL, NULL), (6.5, 'a', NULL), (X'00', 'a', NULL);
            """)
        #expect(run("profile mixed") == 0)
        let lines = capture.out.split(separator: "\n").map(String.init)
        // x: 5 values, of which 1, 2 and 6.5 are numbers: mean 9.5 / 3 = 3.17 → 3.2; its maximum is the blob.
        #expect(lines[1].hasPrefix("x\t\t1\t5\t1\t"), "\(lines)")
        #expect(lines[1].split(separator: "\t", omittingEmptySubsequences: false)[6] == "3.2", "\(lines[1])")
        #expect(lines[2].hasPrefix("t\tTEXT\t1\t3\ta\tc\t\ta (3), b (1), c (1)"), "\(lines)")
        #expect(lines[3].hasPrefix("n\tINTEGER\t6\t0\t\t\t\t"), "\(lines)")
    }

    @Test func aBigTableIsProfiledFromASampleAndSaysSo() throws {
        session.mode = .box
        try session.db.execute("""
            CREATE TABLE big(i INTEGER, d INTEGER);
            INSERT INTO big WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250000)
            SELECT i, i % 7 FROM n;
            """)
        #expect(run("profile big") == 0)
        #expect(capture.out.contains("big: 250,000 rows; * distinct, top values and histograms from the first 200,000 rows"))
        // min, max and mean stay exact over every row; distinct is the sample's.
        #expect(capture.out.contains("│ i      │ INTEGER │     0 │ 200,000* │   1 │ 250000 │ 125000.5 │ 1 (1), 2 (1), 3 (1)                │ ██████▄   │"))
    }
}
