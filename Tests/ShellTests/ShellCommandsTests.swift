import Foundation
import Testing
import SVWDatabase
import SVWWorkspace
@testable import SVWCommands
@testable import SVWRendering
import TestSupport

/// The output, explore and shell commands, run through the dispatcher as a script would.
/// Each test has its own scratch folder, removed when the test's instance goes.
@Suite struct ShellCommandsTests {
    let session: Session
    let capture: Console.Capture
    let scratch: ScratchFolder
    var folder: URL { scratch.url }

    init() throws {
        (session, capture) = try TestWorkspace.session()
        scratch = try ScratchFolder()
        session.baseDirectory = scratch.url
    }

    @discardableResult
    func run(_ text: String) -> Int {
        ScriptRunner(session: session, sourceName: "test").run(text)
    }

    func file(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    // MARK: Output

    @Test func outputSendsResultsToAFileUntilOutputAlone() throws {
        #expect(run("output a.csv\nSELECT 1 AS x;\nSELECT 2 AS y;\noutput\nSELECT 3 AS z;") == 0)
        #expect(try file("a.csv") == "x\n1\ny\n2\n")
        #expect(capture.out == "z\n3\n")
    }

    @Test func outputReplacesAnExistingFile() throws {
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("a.csv").path, contents: Data("old\n".utf8))
        #expect(run("output a.csv\nSELECT 1 AS x;") == 0)
        #expect(try file("a.csv") == "x\n1\n")
    }

    @Test func onceCatchesTheWholeNextCommandOnly() throws {
        session.mode = .box
        session.renderOptions = RenderOptions(width: 20, maxRows: 2, color: true)
        #expect(run("once b.txt\nWITH v(x) AS (VALUES (1),(2),(3),(4)) SELECT x, 'a rather long text value' AS t FROM v;\nSELECT 5 AS y;") == 0)
        let written = try file("b.txt")
        #expect(!written.contains("more rows"), "files get every row")
        #expect(written.contains("a rather long text value"), "files are not fitted to the terminal")
        #expect(!written.contains("\u{1B}"), "files get no colour")
        #expect(written.split(separator: "\n").count == 3 + 4 + 1)
        #expect(capture.out.contains("│ 5 │"))
    }

    /// `once FILE` used to empty FILE at once: a failing next command, or none, lost its contents.
    @Test func onceLeavesTheFileAloneUntilAResultArrives() throws {
        let kept = folder.appendingPathComponent("kept.csv")
        try "old contents\n".write(to: kept, atomically: true, encoding: .utf8)
        #expect(run("once kept.csv\nSELECT nope;") == 1)
        #expect(try file("kept.csv") == "old contents\n", "the failing command wrote nothing")
        #expect(run("once kept.csv") == 0)
        #expect(try file("kept.csv") == "old contents\n", "no command followed")
        #expect(run("once kept.csv\nmode csv") == 0)
        #expect(try file("kept.csv") == "old contents\n", "the next command produced no result")
        #expect(run("SELECT 1 AS x;") == 0)
        #expect(try file("kept.csv") == "old contents\n", "once applied to the one command after it only")
        #expect(run("once kept.csv\nSELECT 2 AS y;") == 0)
        #expect(try file("kept.csv") == "y\n2\n")
        #expect(run("once new.csv\nSELECT nope;") == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new.csv").path), "nothing created")
        #expect(run("once no/such/folder/x.csv") == 1)
        #expect(capture.err.contains("once: cannot write \(folder.path)/no/such/folder/x.csv (no folder"))
        #expect(run("once .") == 1)
        #expect(capture.err.contains("is a folder; name a file"))
    }

    static let manyRows = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000) SELECT x, 'row ' || x AS label FROM c;"

    /// A terminal showing 40 rows does not read 100,000 into memory: the rest are counted.
    @Test func aTerminalReadsOnlyTheRowsItCanUse() throws {
        session.mode = .box
        session.renderOptions = RenderOptions(width: 80, maxRows: 40)
        #expect(run(Self.manyRows) == 0)
        #expect(capture.out.contains("│ 40 │ row 40 │\n└"))
        #expect(capture.out.contains("… 99,960 more rows (100,000 in all; last shows them all)"))
        guard case .table(let kept, let total, _) = try #require(session.transcript.entries.last?.artefacts.first) else {
            Issue.record("the result is in the transcript")
            return
        }
        #expect(kept.rows.count == Transcript.maxTableRows, "what a report keeps, and no more")
        #expect(total == 100_000)
        // Files and machine modes still get every row.
        #expect(run("once all.csv\n" + Self.manyRows) == 0)
        #expect(try file("all.csv").split(separator: "\n").filter { $0.contains("row ") }.count == 100_000)
        capture.out = ""
        #expect(run("mode csv\n" + Self.manyRows) == 0)
        #expect(capture.out.split(separator: "\n").count == 100_001)
    }

    /// csv, tsv and json are written as they are read, in batches, and read the same as before;
    /// the transcript keeps the rows a report shows and the true count.
    @Test func machineModesStreamTheirRows() throws {
        for mode in [OutputMode.csv, .tsv, .json] {
            session.mode = mode
            capture.out = ""
            #expect(run(Self.manyRows) == 0)
            let whole = Renderer.render(try session.db.query(String(Self.manyRows.dropLast())), mode: mode)
            #expect(capture.out == whole, "\(mode)")
            guard case .table(let kept, let total, _) = try #require(session.transcript.entries.last?.artefacts.first) else {
                Issue.record("the result is in the transcript")
                continue
            }
            #expect(kept.rows.count == Transcript.maxTableRows)
            #expect(total == 100_000)
        }
        session.mode = .json
        capture.out = ""
        #expect(run("SELECT 1 AS a WHERE 0;") == 0)
        #expect(capture.out == "[]\n")
    }

    /// Ctrl-C while a result is drawn stops the drawing: nothing half-drawn is written.
    @Test func anInterruptWhileDrawingStopsTheResult() throws {
        final class Presses: @unchecked Sendable {
            var checks = 0
        }
        for mode in [OutputMode.box, .table, .markdown, .line] {
            let presses = Presses()
            session.mode = mode
            session.renderOptions = RenderOptions(width: 80, maxRows: nil)
            // Pressed after the drawing has begun: the third look finds it.
            session.shell.interruptRequested = { presses.checks += 1; return presses.checks > 2 }
            capture.out = ""
            capture.err = ""
            let recorded = session.recording.count
            #expect(run(Self.manyRows) == 1, "\(mode)")
            #expect(capture.err.hasSuffix("test:1: interrupted\n"), "\(mode): \(capture.err)")
            #expect(capture.out.isEmpty, "\(mode): nothing half-drawn")
            #expect(session.recording.count == recorded, "an interrupted query is not recorded")
            #expect(presses.checks < 100, "\(mode): stopped early, not after every row")
        }
        // csv, tsv and json stream: they stop at the next batch, having written at most one.
        for mode in [OutputMode.csv, .tsv, .json] {
            session.mode = mode
            session.shell.interruptRequested = { true }
            capture.out = ""
            capture.err = ""
            #expect(run(Self.manyRows) == 1, "\(mode)")
            #expect(capture.err.hasSuffix("test:1: interrupted\n"), "\(mode): \(capture.err)")
            #expect(capture.out.split(separator: "\n").count <= Session.streamBatch + 1, "\(mode)")
        }
        session.shell.interruptRequested = { false }
        #expect(run("SELECT 6 * 7 AS answer;") == 0)
        #expect(capture.out.contains("42"))
    }

    @Test func outputToAMissingFolderFailsAtOnce() {
        #expect(run("output no/such/folder/a.csv") == 1)
        #expect(capture.err.contains("output: cannot write"))
        #expect(capture.err.contains("no folder"))
        #expect(session.outputFile == nil)
    }

    @Test func headersOnAndOff() {
        #expect(run("headers off\nSELECT 1 AS x;\nheaders on\nSELECT 2 AS y;") == 0)
        #expect(capture.out == "1\ny\n2\n")
        #expect(run("headers maybe") == 1)
        #expect(capture.err.contains("headers: expected on or off, not \"maybe\""))
    }

    @Test func timerReportsToStderrOnly() {
        #expect(run("timer on\nSELECT 1 AS x;\ntimer off\nSELECT 2 AS y;") == 0)
        #expect(capture.out == "x\n1\ny\n2\n")
        let timings = capture.err.split(separator: "\n").filter { $0.hasPrefix("time: ") }
        #expect(timings.count == 1, "after SELECT 1 only: \(capture.err)")
    }

    @Test func maxrowsAndAll() {
        session.mode = .table
        let sql = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5) SELECT x FROM c"
        capture.out = ""
        #expect(run("maxrows 2\n\(sql);") == 0)
        #expect(capture.out.hasSuffix("… 3 more rows (5 in all; last shows them all)\n"))
        capture.out = ""
        #expect(run("tables --all") == 0)
        #expect(!capture.out.contains("more rows"))
        capture.out = ""
        #expect(run("tables") == 0)
        #expect(capture.out.contains("more rows"))
        capture.out = ""
        #expect(run("maxrows all\n\(sql);") == 0)
        #expect(capture.out.split(separator: "\n").count == 7)
        #expect(run("maxrows -3") == 1)
    }

    @Test func formatAppliesToOneCommand() {
        #expect(run("tables --format json\ntables --format=csv") == 0)
        #expect(capture.out.hasPrefix("[{\"name\":\"commitments\",\"type\":\"table\",\"rows\":0},"))
        #expect(capture.out.contains("\nname,type,rows\ncommitments,table,0\n"))
        #expect(session.mode == .csv)
    }

    // MARK: Explore

    @Test func tablesListsNamesTypesAndCounts() throws {
        #expect(run("tables") == 0)
        let lines = capture.out.split(separator: "\n")
        #expect(lines.first == "name,type,rows")
        #expect(lines.contains("contracts,table,5"))
        #expect(lines.contains("supplier_geography,view,2"))
        #expect(lines.firstIndex(of: "suppliers,table,2")! < lines.firstIndex(of: "commitment_values,view,0")!)
    }

    /// `_` is a LIKE wildcard, so `NOT LIKE '%_fts%'` used to hide any table whose name held
    /// "fts" after some character: shifts, gifts_2021. Only svw's search index is hidden now.
    @Test func tablesSchemaAndCompletionShowUserTablesNamedLikeTheIndex() throws {
        #expect(run("CREATE TABLE shifts(a);\nCREATE TABLE gifts_2021(b);\nCREATE INDEX gifts_by_b ON gifts_2021(b);") == 0)
        #expect(run("tables") == 0)
        let names = capture.out.split(separator: "\n").map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(names.contains("shifts"))
        #expect(names.contains("gifts_2021"))
        #expect(!names.contains { $0.hasPrefix("search_fts") }, "the search index stays hidden")
        capture.out = ""
        #expect(run("schema") == 0)
        #expect(capture.out.contains("CREATE TABLE shifts(a);"))
        #expect(capture.out.contains("CREATE TABLE gifts_2021(b);"))
        #expect(capture.out.contains("CREATE INDEX gifts_by_b ON gifts_2021(b);"))
        #expect(!capture.out.contains("CREATE VIRTUAL TABLE search_fts"))
        #expect(!capture.out.contains("CREATE VIEW search_fts_documents"))
        #expect(!capture.out.contains("CREATE TABLE search_fts_data"))
        capture.out = ""
        #expect(run("schema gifts_2021") == 0)
        #expect(capture.out == "CREATE TABLE gifts_2021(b);\nCREATE INDEX gifts_by_b ON gifts_2021(b);\n")
        let completed = try SchemaQueries.tablesAndViews(session.db).map(\.name)
        #expect(completed.contains("shifts") && completed.contains("gifts_2021"))
        #expect(!completed.contains { $0.hasPrefix("search_fts") })
    }

    @Test func describeShowsColumnsTypesAndRowCount() {
        session.mode = .table
        #expect(run("describe CONTRACTS") == 0)
        #expect(capture.out.contains("column          type     not_null  key     default  note"), "\(capture.out)")
        #expect(capture.out.contains("contract_id     TEXT     yes       unique"))
        #expect(capture.out.contains("\nsupplier_id     TEXT     yes\n"))
        #expect(capture.out.contains("financial_year  TEXT"))
        #expect(capture.out.contains("financial year of award_date, kept by svw"))
        #expect(capture.out.hasSuffix("contracts: table, 5 rows\n"))
        capture.out = ""
        #expect(run("describe measures") == 0)
        #expect(capture.out.contains("code          TEXT     yes       primary 1"), "\(capture.out)")
        #expect(capture.out.contains("edition       TEXT     yes       primary 2"))
    }

    @Test func describeSuggestsTheClosestTable() {
        #expect(run("describe contrcts") == 1)
        #expect(capture.err.contains("describe: no table or view named \"contrcts\"; did you mean \"contracts\"?"))
    }

    @Test func describeQuotesOddNames() {
        #expect(run("CREATE TABLE \"odd \"\"name\"\" x\"(a);\nINSERT INTO \"odd \"\"name\"\" x\" VALUES (1);\ndescribe 'odd \"name\" x'") == 0)
        #expect(capture.out.contains("\na,\"\",\"\",\"\",\"\",\"\"\n"), "empty strings stay distinct from NULL in csv")
    }

    @Test func schemaShowsCreateStatements() {
        #expect(run("schema contracts") == 0)
        #expect(capture.out.hasPrefix("CREATE TABLE contracts ("))
        #expect(capture.out.contains("CREATE INDEX contracts_supplier ON contracts(supplier_id);"))
        #expect(!capture.out.contains("CREATE TABLE suppliers"))
        capture.out = ""
        #expect(run("schema") == 0)
        #expect(capture.out.contains("CREATE TABLE suppliers"))
        #expect(capture.out.contains("CREATE VIEW supplier_geography"))
    }

    @Test func importsListsWhatWasLoaded() throws {
        #expect(run("imports") == 0)
        #expect(capture.err.contains("imports: nothing loaded yet"))
        try session.db.execute("""
            INSERT INTO imports(kind, table_name, file, sha256, rows_loaded, rows_replaced, rows_rejected, loaded_at)
            VALUES ('contracts', 'contracts', '/data/contracts.csv', 'ab12', 5, 0, 1, '2021-04-01T09:00:00Z')
            """)
        #expect(run("imports") == 0)
        #expect(capture.out == "id,kind,table,file,loaded,replaced,rejected,sha256,loaded_at\n1,contracts,contracts,/data/contracts.csv,5,0,1,ab12,2021-04-01T09:00:00Z\n")
    }

    @Test func lookUpsAreNotRecorded() {
        #expect(run("tables\ndescribe contracts\nschema\nimports\nhelp\ntimer on\nmode json\nheaders off") == 0)
        #expect(session.recording.map(\.text) == ["mode json", "headers off"])
    }

    // MARK: Workspaces

    @Test func persistWritesAFileThatOpensWithTheSameData() throws {
        #expect(run("persist kept.db") == 0)
        #expect(capture.err.contains("svw --db"))
        #expect(run("persist kept.db") == 1)
        #expect(capture.err.contains("already exists"))
        #expect(run("open kept.db") == 0)
        #expect(session.workspace.path?.hasSuffix("kept.db") == true)
        capture.out = ""
        #expect(run("SELECT count(*) AS n FROM contracts;") == 0)
        #expect(capture.out == "n\n5\n")
    }

    @Test func openCreatesAWorkspaceAndRefusesForeignDatabases() throws {
        #expect(run("open fresh.db") == 0)
        #expect(capture.err.contains("created workspace"))
        capture.out = ""
        #expect(run("SELECT count(*) AS n FROM contracts;") == 0)
        #expect(capture.out == "n\n0\n")

        let foreign = folder.appendingPathComponent("other.db")
        do {
            let db = try Database(path: foreign.path)
            try db.execute("CREATE TABLE mine(x)")
        }
        #expect(run("open other.db") == 1)
        #expect(capture.err.contains("open: \(foreign.path) is an SQLite database but not an svw workspace"))
        #expect(session.workspace.path?.hasSuffix("fresh.db") == true)

        let csv = folder.appendingPathComponent("notdb.csv")
        try "a,b\n1,2\n".write(to: csv, atomically: true, encoding: .utf8)
        #expect(run("open notdb.csv") == 1)
        #expect(capture.err.contains("open: \(csv.path) is not an SQLite database"))
        #expect(try String(contentsOf: csv, encoding: .utf8) == "a,b\n1,2\n")
    }

    @Test func scriptsMayNotOpenOrPersist() {
        session.isScript = true
        #expect(run("open x.db\npersist y.db") == 2)
        #expect(capture.err.contains("open: not allowed in a script"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("y.db").path))
    }

    @Test func quitStopsAScript() {
        #expect(run("SELECT 1 AS a;\nquit\nSELECT 2 AS b;") == 0)
        #expect(capture.out == "a\n1\n")
    }

    // MARK: Help

    @Test func helpListsGroupsAndShowsOneCommand() {
        #expect(run("help") == 0)
        #expect(capture.out.contains("Exploring the workspace:\n  tables"))
        #expect(capture.out.contains("Output:\n"))
        capture.out = ""
        #expect(run("help describe") == 0)
        #expect(capture.out.hasPrefix("usage: describe [TABLE]\n"))
        #expect(capture.out.contains("  --all          show every row"))
        #expect(capture.out.contains("Examples:\n  describe contracts\n"))
        #expect(run("help descrbe") == 1)
        #expect(capture.err.contains("did you mean \"describe\"?"))
        #expect(run("tables --formt csv") == 1)
        #expect(capture.err.contains("tables: unknown option --formt; did you mean --format?"))
    }

    @Test func everyExampleOfTheseCommandsRuns() throws {
        let specs = OutputCommands.specs + ExploreCommands.specs + ShellCommands.specs
        try "SELECT 1;\ntables\n".write(to: folder.appendingPathComponent("queries.sql"), atomically: true, encoding: .utf8)
        for spec in specs {
            for example in spec.examples {
                let (fresh, capture) = try TestWorkspace.session()
                fresh.baseDirectory = folder
                let failures = ScriptRunner(session: fresh, sourceName: spec.name).run(example)
                #expect(failures == 0, "\(example): \(capture.err)")
            }
        }
    }
}
