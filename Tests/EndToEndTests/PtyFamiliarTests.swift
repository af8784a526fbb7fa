#if canImport(Glibc)
import Foundation
import Glibc
import Testing
import TestSupport

/// Whole results, wide results, the editor and the sqlite3/psql spellings, through a real
/// pseudo-terminal: a fake $PAGER and $EDITOR record what svw handed them.
@Suite(.serialized) struct PtyFamiliarTests {
    static let prompt = "svw board.db> "

    /// A workspace with suppliers whose names are not ASCII, 60 contracts and a wide table.
    static func makeWorkspace(in env: PtyEnvironment) throws -> String {
        let db = env.home.appendingPathComponent("board.db").path
        let setup = try SVWBinary.run(["--db", db, "-c", """
            INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES
              ('S1', 'Café Ñandú Ltd', 'cafe', 'ok'), ('S2', 'Łódź Żółw & Sons', 'lodz', 'ok'), ('S3', '東京 Trading', 'tokyo', 'ok');
            INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence)
              WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
              SELECT printf('C%02d', i), 'Stockport', 'Contract number ' || i, 'S' || (i % 3 + 1), '2020-05-01', i * 100 FROM n;
            CREATE TABLE wide AS SELECT s.name AS supplier, c.title AS a_long_title_column, c.contract_id AS c1, c.partner AS c2,
              c.award_date AS c3, c.value_pence AS c4, c.title || ' again, with more words' AS c5, c.partner AS c6, c.contract_id AS c7
              FROM contracts c JOIN suppliers s USING (supplier_id) ORDER BY c.contract_id LIMIT 3;
            """])
        #expect(setup.status == 0, "\(setup.err)")
        return db
    }

    /// A shell script at `name` in the test's home, made executable.
    static func script(_ env: PtyEnvironment, _ name: String, _ body: String) throws -> String {
        let url = env.home.appendingPathComponent(name)
        try ("#!/bin/sh\n" + body).write(to: url, atomically: true, encoding: .utf8)
        chmod(url.path, 0o755)
        return url.path
    }

    @Test func lastAndThePagerShowAWholeResult() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let db = try Self.makeWorkspace(in: env)
        let paged = env.home.appendingPathComponent("paged")
        var variables = env.variables()
        variables["PAGER"] = try Self.script(env, "pager", "cat >> '\(paged.path)'\necho '<<paged>>' >> '\(paged.path)'\necho '[pager ran]'\n")
        let shell = try PtySession(arguments: ["--db", db], environment: variables, columns: 80, rows: 24)
        try shell.expectPrompt(Self.prompt, "at start")
        shell.send("maxrows 5\r")
        try shell.expectPrompt(Self.prompt)
        shell.send("SELECT contract_id, value_pence FROM contracts ORDER BY 1;\r")
        // The hint names a way that works after SQL.
        try shell.expect("… 55 more rows (60 in all; last shows them all)")
        try shell.expectPrompt(Self.prompt)
        #expect(!FileManager.default.fileExists(atPath: paged.path), "a result that fits is not paged")
        shell.send("last\r")
        try shell.expect("[pager ran]", "after last")
        try shell.expectPrompt(Self.prompt)
        let whole = try String(contentsOf: paged, encoding: .utf8)
        #expect(whole.contains("│ C60         │        6000 │"))
        #expect(whole.components(separatedBy: "│ C").count - 1 == 60)
        #expect(!whole.contains("more rows"))
        // help is longer than 24 rows: paged; with the pager off it is written out.
        shell.send("help\r")
        try shell.expect("[pager ran]", "after help")
        try shell.expectPrompt(Self.prompt)
        #expect(try String(contentsOf: paged, encoding: .utf8).contains("Loading data:"))
        shell.send("pager off\r")
        try shell.expectPrompt(Self.prompt)
        shell.send("help\r")
        try shell.expect("Type help COMMAND")
        try shell.expectPrompt(Self.prompt)
        #expect(try String(contentsOf: paged, encoding: .utf8).components(separatedBy: "<<paged>>").count == 3)
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    /// A real pager sets the terminal up (less does), which the kernel allows only a program
    /// in the terminal's foreground process group: one started in a group of its own was
    /// stopped, and svw waited for it for ever. And a Ctrl-C in the pager is the pager's,
    /// not an interrupt of the command whose result it showed.
    @Test func aPagerThatTakesTheTerminalRunsAndCtrlCIsItsOwn() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let db = try Self.makeWorkspace(in: env)
        var variables = env.variables()
        // It reads with the shell's own `read`: a Ctrl-C that landed while the shell was starting
        // another program would reach neither (the shell ignores it meanwhile).
        variables["PAGER"] = try Self.script(env, "pager", """
            stty -icanon -echo min 1 < /dev/tty
            cat > /dev/null
            echo '[pager waiting]'
            read -r key < /dev/tty
            stty icanon echo < /dev/tty
            echo '[pager done]'

            """)
        let shell = try PtySession(arguments: ["--db", db], environment: variables, columns: 80, rows: 24)
        try shell.expectPrompt(Self.prompt, "at start")
        shell.send("help\r")
        try shell.expect("[pager waiting]", timeout: 20, "the pager set the terminal up")
        shell.send("q\r")
        try shell.expect("[pager done]", timeout: 20)
        try shell.expectPrompt(Self.prompt)
        shell.send("help\r")
        try shell.expect("[pager waiting]", timeout: 20)
        let before = shell.screenText
        shell.send("\u{3}")
        let after = try shell.expectPrompt(Self.prompt, "after Ctrl-C in the pager")
        #expect(!after.dropFirst(before.count).contains("interrupted"), "\(after)")
        shell.send("SELECT 6 * 7 AS answer;\r")
        #expect(try shell.expectPrompt(Self.prompt).contains("│     42 │"))
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    @Test func aWideResultOnAnEightyColumnTerminalKeepsItsColumnsReadable() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let db = try Self.makeWorkspace(in: env)
        var variables = env.variables()
        variables["PAGER"] = "cat"
        let shell = try PtySession(arguments: ["--db", db], environment: variables, columns: 80, rows: 40)
        try shell.expectPrompt(Self.prompt, "at start")
        shell.send("SELECT * FROM wide;\r")
        let screen = try shell.expectPrompt(Self.prompt)
        let expected = """
            ┌──────────────────┬─────────────────────┬─────┬───────────┬────────────┬─────┐
            │ supplier         │ a_long_title_column │ c1  │ c2        │ c3         │  c4 │
            ├──────────────────┼─────────────────────┼─────┼───────────┼────────────┼─────┤
            │ Łódź Żółw & Sons │ Contract number 1   │ C01 │ Stockport │ 2020-05-01 │ 100 │
            │ 東京 Trading     │ Contract number 2   │ C02 │ Stockport │ 2020-05-01 │ 200 │
            │ Café Ñandú Ltd   │ Contract number 3   │ C03 │ Stockport │ 2020-05-01 │ 300 │
            └──────────────────┴─────────────────────┴─────┴───────────┴────────────┴─────┘
            … 3 more columns (c5, c6, c7): last shows every column, mode line one field per
            line
            """
        #expect(screen.contains(expected), "\(screen)")
        shell.send("expanded auto\r")
        try shell.expectPrompt(Self.prompt)
        shell.send("SELECT * FROM wide LIMIT 1;\r")
        let expandedScreen = try shell.expectPrompt(Self.prompt)
        #expect(expandedScreen.contains("           supplier = Łódź Żółw & Sons\na_long_title_column = Contract number 1\n"), "\(expandedScreen)")
        shell.send("SELECT supplier FROM wide;\r")
        #expect(try shell.expectPrompt(Self.prompt).contains("│ 東京 Trading     │"), "a result that fits stays a grid")
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    @Test func editAndCtrlXCtrlERunWhatTheEditorSaved() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let db = try Self.makeWorkspace(in: env)
        let got = env.home.appendingPathComponent("editor-got")
        var variables = env.variables()
        // The fake editor keeps what it was given and replaces it with a statement of its own.
        variables["VISUAL"] = try Self.script(env, "editor", """
            cat "$1" >> '\(got.path)'
            echo '<<edited>>' >> '\(got.path)'
            printf 'SELECT count(*) * 1000 + 7 AS edited\\nFROM contracts;\\n' > "$1"
            """)
        variables["EDITOR"] = "false"
        let shell = try PtySession(arguments: ["--db", db], environment: variables, columns: 100, rows: 40)
        try shell.expectPrompt(Self.prompt, "at start")
        shell.send("SELECT 1 AS first;\r")
        try shell.expectPrompt(Self.prompt)
        shell.send("\\e\r")
        try shell.expect("60007", "the edited statement ran")
        try shell.expectPrompt(Self.prompt)
        #expect(try String(contentsOf: got, encoding: .utf8) == "SELECT 1 AS first;\n<<edited>>\n")
        // Ctrl-X Ctrl-E hands over the line being typed, with any open statement before it.
        shell.send("SELECT 2\r")
        try shell.expectPrompt("...> ")
        shell.send("AS second\u{18}\u{5}")
        try shell.expect("60007", "Ctrl-X Ctrl-E ran the edited statement")
        try shell.expectPrompt(Self.prompt)
        #expect(try String(contentsOf: got, encoding: .utf8).hasSuffix("<<edited>>\nSELECT 2\nAS second\n<<edited>>\n"))
        // Up brings the edited statement back, as one entry.
        shell.send("\u{1B}[A")
        try shell.expect("FROM contracts;")
        shell.send("\u{3}")
        try shell.expectPrompt(Self.prompt)
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    @Test func readAliasesAndOnceWithAFileExtension() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let db = try Self.makeWorkspace(in: env)
        let queries = env.home.appendingPathComponent("q.sql")
        try "CREATE TEMP TABLE t AS SELECT 5 AS five;\n.tables\n".write(to: queries, atomically: true, encoding: .utf8)
        let out = env.home.appendingPathComponent("names.csv")
        let shell = try PtySession(arguments: ["--db", db], environment: env.variables(), columns: 100, rows: 40)
        try shell.expectPrompt(Self.prompt, "at start")
        shell.send("\\i \(queries.path)\r")
        try shell.expect("wide")
        try shell.expectPrompt(Self.prompt)
        shell.send("SELECT five * 11 AS n FROM t;\r")
        try shell.expect("55", "the file ran in this workspace")
        try shell.expectPrompt(Self.prompt)
        shell.send("\\d wide\r")
        try shell.expect("wide: table, 3 rows")
        try shell.expectPrompt(Self.prompt)
        shell.send("\\dx\r")
        try shell.expect("did you mean \"\\d\"?")
        try shell.expectPrompt(Self.prompt)
        shell.send("once \(out.path); SELECT name FROM suppliers ORDER BY supplier_id;\r")
        try shell.expectPrompt(Self.prompt)
        #expect(try String(contentsOf: out, encoding: .utf8) == "name\nCafé Ñandú Ltd\nŁódź Żółw & Sons\n東京 Trading\n")
        shell.send("\\q\r")
        #expect(try shell.waitForExit() == 0)
    }
}
#endif
