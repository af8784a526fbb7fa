#if canImport(Glibc)
import Foundation
import Glibc
import Testing
import TestSupport

/// The interactive shell through a real pseudo-terminal: libedit, completion,
/// history, Ctrl-C and multi-line SQL, as an analyst would use them.
@Suite(.serialized) struct PtyShellTests {
    static let prompt = "svw> "

    /// A workspace file holding a few suppliers and contracts (four partners), made
    /// with plain SQL through the non-interactive shell.
    static func makeWorkspace(in env: PtyEnvironment) throws -> String {
        let db = env.home.appendingPathComponent("board.db").path
        let setup = try SVWBinary.run(["--db", db, "-c", """
            INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES ('S1', 'Acme Ltd', 'acme', 'ok');
            INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence) VALUES
              ('C1', 'Stockport', 'Roads', 'S1', '2020-05-01', 100),
              ('C2', 'Stockport', 'Parks', 'S1', '2021-05-01', 200),
              ('C3', 'Trafford', 'Care', 'S1', '2020-06-01', 300),
              ('C4', 'Rochdale', 'IT', 'S1', '2020-07-01', 400);
            """])
        #expect(setup.status == 0, "\(setup.err)")
        return db
    }

    @Test func multiLineSQLGetsAContinuationPrompt() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let shell = try PtySession(arguments: [], environment: env.variables())
        try shell.expectPrompt(Self.prompt, "at start")
        shell.send("SELECT 1000 +\r")
        try shell.expectPrompt("...> ", "after an unfinished statement")
        shell.send("  337\r")
        try shell.expectPrompt("...> ", "while the statement is still open")
        shell.send("  AS total;\r")
        let answer = try shell.expectPrompt(Self.prompt, "after the statement ends")
        #expect(answer.contains("│  1337 │"))
        #expect(answer.contains("│ total │"))
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    @Test func tabCompletesATableNameAndAPartnerName() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let db = try Self.makeWorkspace(in: env)
        let shell = try PtySession.launch(arguments: ["--db", db], environment: env.variables(), prompt: "svw board.db> ")

        // "contr" + Tab becomes "contracts"; the count proves the statement named the real table.
        shell.send("SELECT count(*) * 1000 + 7 AS n FROM contr\t")
        try shell.expect("FROM contracts ", "after Tab on a table name")
        shell.send(";\r")
        try shell.expect("4007", "from the completed table name")
        try shell.expectPrompt("svw board.db> ")

        // Inside a string compared with partner, Tab offers partner names from the contracts table.
        shell.send("SELECT count(*) * 1000 + 11 AS n FROM contracts WHERE partner = 'Sto\t")
        try shell.expect("'Stockport' ", "after Tab on a partner name")
        shell.send(";\r")
        try shell.expect("2011", "two Stockport contracts")
        try shell.expectPrompt("svw board.db> ")

        // Several matches and no longer common prefix: Tab lists them.
        shell.send("SELECT * FROM contracts WHERE partner = 'R\t")
        try shell.expect("'Rochdale' ")
        shell.send("\u{3}")
        try shell.expectPrompt("svw board.db> ")
        shell.send("describe su\t")
        try shell.expect("supplier", "common prefix inserted")
        shell.send("\t")
        try shell.expect("suppliers", "candidates listed")
        try shell.expect("supplier_geography")
        shell.send("s\r")
        try shell.expect("suppliers: table, 1 row")
        try shell.expectPrompt("svw board.db> ")
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    @Test func historyIsRecalledInTheNextRun() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        do {
            let first = try PtySession(arguments: [], environment: env.variables())
            try first.expectPrompt(Self.prompt)
            first.send("SELECT 4200 + 21 AS remembered;\r")
            try first.expect("4221")
            try first.expectPrompt(Self.prompt)
            first.send("quit\r")
            #expect(try first.waitForExit() == 0)
        }
        let saved = try String(contentsOf: env.historyFile, encoding: .utf8)
        #expect(saved.contains("remembered"))

        let second = try PtySession(arguments: [], environment: env.variables())
        try second.expectPrompt(Self.prompt)
        // Up arrow twice: to the last run's "quit", then the query before it.
        second.send("\u{1B}[A")
        try second.expect("quit")
        second.send("\u{1B}[A")
        try second.expect("remembered")
        second.send("\r")
        try second.expect("4221", "the recalled query ran again")
        try second.expectPrompt(Self.prompt)
        second.send("history\r")
        let listing = try second.expectPrompt(Self.prompt)
        #expect(listing.contains("1  SELECT 4200 + 21 AS remembered;"))
        #expect(listing.contains("2  quit"))
        second.send("\u{4}")
        #expect(try second.waitForExit() == 0)
    }

    @Test func ctrlCCancelsALongQueryAndTheShellCarriesOn() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let shell = try PtySession(arguments: [], environment: env.variables())
        try shell.expectPrompt(Self.prompt)

        // Ctrl-C at the prompt throws away the line typed so far.
        shell.send("SELECT 'never run'")
        try shell.expect("never run'")
        shell.send("\u{3}")
        try shell.expectPrompt(Self.prompt, "after Ctrl-C at the prompt")
        shell.send("SELECT 5 * 5 AS sq;\r")
        let afterClear = try shell.expect("25 │")
        #expect(!afterClear.contains("│ never run"))
        try shell.expectPrompt(Self.prompt)

        // A query counting to a billion runs for minutes; wait until it is really using CPU.
        let baseline = shell.cpuTicks
        shell.send("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c;\r")
        try shell.waitForCPU(above: baseline, ticks: 30)
        shell.send("\u{3}")
        try shell.expect("interrupted", "after Ctrl-C during the query")
        try shell.expectPrompt(Self.prompt, "the prompt comes back")
        #expect(shell.isRunning)

        shell.send("SELECT 6 * 7 AS answer;\r")
        try shell.expect("42 │", "the next command runs normally")
        try shell.expectPrompt(Self.prompt)
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    /// Ctrl-C in an incremental history search (Ctrl-R) used to make el_gets return as if
    /// Ctrl-D had been pressed, and svw quit with status 0.
    @Test func ctrlCDuringAHistorySearchClearsTheLineAndStays() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let shell = try PtySession(arguments: [], environment: env.variables())
        try shell.expectPrompt(Self.prompt)
        shell.send("SELECT 11 * 11 AS sq;\r")
        try shell.expect("121 │")
        try shell.expectPrompt(Self.prompt)
        shell.send("\u{12}")
        try shell.expect("bck", "libedit's search prompt")
        shell.send("11")
        try shell.expect("11", "the search pattern")
        try shell.waitUntilIdle()
        shell.send("\u{3}")
        try shell.expectPrompt(Self.prompt, "Ctrl-C ends the search and gives a fresh prompt")
        #expect(shell.isRunning, "svw is still running")
        shell.send("SELECT 6 * 7 AS answer;\r")
        try shell.expect("42 │", "the next command runs normally")
        try shell.expectPrompt(Self.prompt)
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    /// A statement typed over several lines is one history entry, recalled whole by Up.
    @Test func aMultiLineStatementIsOneHistoryEntry() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let shell = try PtySession(arguments: [], environment: env.variables())
        try shell.expectPrompt(Self.prompt)
        shell.send("SELECT 1000 +\r")
        try shell.expectPrompt("...> ")
        shell.send("  337 AS total;\r")
        try shell.expect("1337 │")
        try shell.expectPrompt(Self.prompt)
        shell.send("\u{1B}[A")
        try shell.expect("337 AS total;", "Up recalls the statement's last line with its first")
        shell.send("\r")
        let rerun = try shell.expect("1337 │", "the recalled statement runs whole")
        #expect(!rerun.contains("...> "), "no continuation prompt: the whole statement came back")
        try shell.expectPrompt(Self.prompt)
        shell.send("history\r")
        let listing = try shell.expectPrompt(Self.prompt)
        #expect(listing.contains("1  SELECT 1000 +\n  337 AS total;"), "\(listing)")
        #expect(listing.contains("2  history"))
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
        let saved = try String(contentsOf: env.historyFile, encoding: .utf8)
        #expect(saved.split(separator: "\n").count == 3, "one line per entry, plus libedit's header: \(saved)")
    }

    /// The width is read when a line has been typed, so a terminal resized at the prompt
    /// is honoured by the very next result.
    @Test func aResizedTerminalIsHonouredByTheNextResult() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let shell = try PtySession(arguments: [], environment: env.variables(), columns: 200)
        try shell.expectPrompt(Self.prompt)
        shell.resize(columns: 40)
        shell.send("SELECT '\(String(repeating: "x", count: 120))' AS wide;\r")
        let shown = try shell.expectPrompt(Self.prompt)
        #expect(shown.contains("…"), "the wide cell was shortened to fit")
        let boxLines = shown.split(separator: "\n").filter { $0.hasPrefix("│") || $0.hasPrefix("┌") }
        #expect(!boxLines.isEmpty)
        #expect(boxLines.allSatisfy { $0.count <= 40 }, "\(boxLines)")
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    /// Ctrl-C while a large result is collected or drawn stops it; the shell carries on.
    @Test func ctrlCStopsALargeResult() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let shell = try PtySession(arguments: [], environment: env.variables())
        try shell.expectPrompt(Self.prompt)
        shell.send("CREATE TABLE t AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) SELECT x, 'row ' || x AS label FROM c;\r")
        try shell.expectPrompt(Self.prompt)
        shell.send("maxrows all\r")
        try shell.expectPrompt(Self.prompt)
        // SQLite reads the table in a fraction of a second; drawing 1,000,000 rows in a box and
        // writing them to the terminal takes several more, in the release build too (300,000
        // rows were all written within two seconds there). Two seconds of CPU in, the result
        // is being drawn or written: Ctrl-C must stop either.
        let baseline = shell.cpuTicks
        shell.send("SELECT * FROM t;\r")
        try shell.waitForCPU(above: baseline, ticks: 200)
        shell.send("\u{3}")
        let shown = try shell.expect("interrupted", timeout: 30, "after Ctrl-C while the result was drawn")
        #expect(!shown.contains("row 1000000"), "the drawing stopped")
        try shell.expectPrompt(Self.prompt, "the prompt comes back")
        #expect(shell.isRunning)
        shell.send("SELECT 6 * 7 AS answer;\r")
        try shell.expect("42 │", "the next command runs normally")
        try shell.expectPrompt(Self.prompt)
        shell.send("\u{4}")
        try shell.expect("holds data that will be lost", "table t was made in this in-memory workspace")
        try shell.expectPrompt(Self.prompt)
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    @Test func colourOnATerminalUnlessNoColor() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let coloured = try PtySession(arguments: [], environment: env.variables(color: true))
        try coloured.expectPrompt(Self.prompt)
        coloured.send("SELECT NULL AS absent;\r")
        try coloured.expectPrompt(Self.prompt)
        #expect(coloured.rawText.contains("\u{1B}[1mabsent\u{1B}[0m"))
        #expect(coloured.rawText.contains("\u{1B}[2mNULL\u{1B}[0m"))
        coloured.send("\u{4}")
        _ = try coloured.waitForExit()

        let plain = try PtySession(arguments: [], environment: env.variables(color: false))
        try plain.expectPrompt(Self.prompt)
        plain.send("SELECT NULL AS absent;\r")
        try plain.expect("│ NULL   │")
        try plain.expectPrompt(Self.prompt)
        #expect(!plain.rawText.contains("\u{1B}[1mabsent"))
        plain.send("\u{4}")
        _ = try plain.waitForExit()
    }
}
#endif

#if canImport(Glibc)
/// The shell options and the user's ~/.editrc.
@Suite(.serialized) struct PtyShellOptionsTests {
    @Test func editrcIsRead() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        // A macro bound in ~/.editrc, for svw only: Ctrl-G types a whole query.
        try "svw:bind -s ^G 'SELECT 8 * 8 AS sq;'\n".write(to: env.home.appendingPathComponent(".editrc"), atomically: true, encoding: .utf8)
        let shell = try PtySession(arguments: [], environment: env.variables())
        try shell.expectPrompt(PtyShellTests.prompt)
        shell.send("\u{7}\r")
        try shell.expect("64 │", "the macro from ~/.editrc ran")
        try shell.expectPrompt(PtyShellTests.prompt)
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    @Test func viKeysByOption() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let shell = try PtySession(arguments: ["--vi"], environment: env.variables())
        try shell.expectPrompt(PtyShellTests.prompt)
        shell.send("SELECT 3 * 3 AS nine;\r")
        try shell.expect("9 │")
        try shell.expectPrompt(PtyShellTests.prompt)
        // Escape to command mode, k recalls the previous line, Enter runs it again.
        shell.send("\u{1B}k")
        try shell.expect("SELECT 3 * 3 AS nine;")
        shell.send("\r")
        try shell.expect("9 │", "vi k recalled the line")
        try shell.expectPrompt(PtyShellTests.prompt)
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    @Test func historyFileOptionAndNoHistory() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let chosen = env.home.appendingPathComponent("my-history")
        let first = try PtySession(arguments: ["--history", chosen.path], environment: env.variables())
        try first.expectPrompt(PtyShellTests.prompt)
        first.send("SELECT 'kept' AS h;\r")
        try first.expectPrompt(PtyShellTests.prompt)
        first.send("\u{4}")
        _ = try first.waitForExit()
        #expect(try String(contentsOf: chosen, encoding: .utf8).contains("kept"))
        #expect(!FileManager.default.fileExists(atPath: env.historyFile.path))

        let second = try PtySession(arguments: ["--no-history"], environment: env.variables())
        try second.expectPrompt(PtyShellTests.prompt)
        second.send("SELECT 'forgotten' AS h;\r")
        try second.expectPrompt(PtyShellTests.prompt)
        second.send("\u{4}")
        _ = try second.waitForExit()
        #expect(!FileManager.default.fileExists(atPath: env.historyFile.path))
        #expect(!(try String(contentsOf: chosen, encoding: .utf8)).contains("forgotten"))
    }
}
#endif
