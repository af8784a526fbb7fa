import Foundation
import Testing
import TestSupport

/// The executable's own contract: -c, stdin, --format, exit status, stdout vs stderr.
@Suite struct CommandLineTests {
    @Test func dashCRunsCommandsAndSQLSeparatedBySemicolons() throws {
        let r = try SVWBinary.run(["--format", "csv", "-c", "SELECT 1 AS a, 'x;y' AS b; mode json; SELECT 2 AS c"])
        #expect(r.status == 0)
        #expect(r.out == "a,b\n1,x;y\n[{\"c\":2}]\n")
        #expect(r.err == "")
    }

    @Test func failureGoesToStderrWithSourceAndLineAndSetsExitStatus() throws {
        let r = try SVWBinary.run(["--format", "csv", "-c", "SELECT 1 AS ok;\nhalp"])
        #expect(r.status == 1)
        #expect(r.out == "ok\n1\n")
        #expect(r.err == "-c:2: unknown command \"halp\"; did you mean \"help\"? (type help for the list)\n")
    }

    @Test func readsCommandsFromStdinWhenNotATerminal() throws {
        let r = try SVWBinary.run(["--format", "csv"], stdin: "SELECT 40 +\n 2 AS answer;\n")
        #expect(r.status == 0)
        #expect(r.out == "answer\n42\n")
    }

    @Test func bailStopsAtTheFirstFailure() throws {
        let script = "SELECT 1 AS a;\nSELECT nope;\nSELECT 3 AS c;\n"
        let carryOn = try SVWBinary.run(["--format", "csv"], stdin: script)
        #expect(carryOn.status == 1)
        #expect(carryOn.out == "a\n1\nc\n3\n")
        let bail = try SVWBinary.run(["--format", "csv", "--bail"], stdin: script)
        #expect(bail.status == 1)
        #expect(bail.out == "a\n1\n")
        #expect(bail.err.contains("stdin:2:8: SQL error: no such column: nope"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let r = try SVWBinary.run(["--format", "xml", "-c", "SELECT 1"])
        #expect(r.status != 0)
        #expect(r.err.contains("unknown --format \"xml\""))
    }

    @Test func persistentWorkspaceKeepsItsTablesBetweenRuns() throws {
        let scratch = try ScratchFolder()
        let dir = scratch.url
        let db = dir.appendingPathComponent("work.svw").path
        #expect(try SVWBinary.run(["--db", db, "-c", "CREATE TABLE notes(x); INSERT INTO notes VALUES ('kept')"]).status == 0)
        let r = try SVWBinary.run(["--db", db, "--format", "csv", "-c", "SELECT x FROM notes"])
        #expect(r.out == "x\nkept\n")
    }

    /// The root help is where people look: it shows the shell's own options.
    @Test func rootHelpShowsTheShellOptions() throws {
        let r = try SVWBinary.run(["--help"])
        #expect(r.status == 0)
        for option in ["--db <FILE>", "--sample", "--format <MODE>", "-c <COMMANDS>", "--bail", "--vi", "--history <FILE>"] {
            #expect(r.out.contains("\n  \(option)"), "\(option) in:\n\(r.out)")
        }
        #expect(r.out.contains("USAGE: svw [--db <FILE>] [--sample] [--format <MODE>]"))
        #expect(r.out.contains("\n  run "))
        // svw run's usage comes from the shell's run spec, so it cannot drift from it.
        #expect(r.out.contains("svw run SCRIPT [NAME=VALUE...] [--check] [--update] [--dry-run] [--strict] [--bail] [--report FILE] [--allow-writes DIR]..."))
        let old = try SVWBinary.run(["start", "-c", "SELECT 7 AS n"])
        #expect(old.status != 0, "the old start spelling is gone")
    }

    /// Starts a binary copied a moment ago. The copy's write descriptor can live on for a
    /// moment in a child another test is forking (it closes only at that child's exec), and
    /// until then Linux refuses to run the file ("Text file busy"): tried again for up to a
    /// second, as Go's os/exec does.
    private static func runJustCopied(_ url: URL, _ arguments: [String], environment: [String: String]) throws -> (Process, Pipe, Pipe) {
        for attempt in 1... {
            let process = Process()
            process.executableURL = url
            process.arguments = arguments
            process.environment = environment
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            do {
                try process.run()
                return (process, out, err)
            } catch let error as NSError where attempt < 50 && Self.isTextFileBusy(error) {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        preconditionFailure("unreachable")
    }

    private static func isTextFileBusy(_ error: NSError) -> Bool {
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        return [error, underlying].contains { $0?.domain == NSPOSIXErrorDomain && $0?.code == Int(ETXTBSY) }
    }

    /// --sample finds the data beside a binary that was moved with it, and says where it found it.
    @Test func sampleDataIsFoundBesideAMovedBinaryAndNamed() throws {
        let scratch = try ScratchFolder()
        let dir = scratch.url
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SVWBinary.url, to: bin.appendingPathComponent("svw"))
        try FileManager.default.copyItem(at: SVWBinary.sampleData, to: dir.appendingPathComponent("SampleData"))
        var environment = ProcessInfo.processInfo.environment
        environment["SVW_SAMPLE_DATA"] = nil
        let (moved, out, err) = try Self.runJustCopied(bin.appendingPathComponent("svw"),
                                                      ["--sample", "--format", "csv", "-c", "SELECT count(*) AS n FROM contracts"],
                                                      environment: environment)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        moved.waitUntilExit()
        #expect(moved.terminationStatus == 0, "\(stderr)")
        #expect(stdout == "n\n4000\n")
        let folder = dir.appendingPathComponent("SampleData").resolvingSymlinksInPath().path
        #expect(stderr.hasPrefix("sample data: \(folder) (found from the svw binary at "), "\(stderr)")

        let missing = try SVWBinary.run(["--sample", "-c", "SELECT 1"], environment: ["SVW_SAMPLE_DATA": dir.appendingPathComponent("nowhere").path])
        #expect(missing.status == 1)
        #expect(missing.err.contains("cannot find the bundled SampleData folder; looked for SVW_SAMPLE_DATA=\(dir.path)/nowhere (not a folder)"))
    }

    @Test func svwRunReadsItsWordsWithTheShellsRunSpec() throws {
        let help = try SVWBinary.run(["run", "--help"])
        #expect(help.status == 0)
        #expect(help.out.hasPrefix("usage: svw run SCRIPT [NAME=VALUE...]"))
        #expect(help.out.contains("  --allow-writes DIR"))
        let typo = try SVWBinary.run(["run", "x.svw", "--chek"])
        #expect(typo.status == 64)
        #expect(typo.err == "svw: run: unknown option --chek; did you mean --check?\n")
        let missing = try SVWBinary.run(["run"])
        #expect(missing.status == 64)
        #expect(missing.err.hasPrefix("svw: run: missing SCRIPT (the script to run)\nusage: run SCRIPT"))
    }

    /// `--db` refuses what `open` refuses, before writing anything to the file.
    @Test func dbRefusesAForeignDatabaseAndAFileThatIsNotSQLite() throws {
        let scratch = try ScratchFolder()
        let dir = scratch.url
        let other = dir.appendingPathComponent("other.sqlite")
        #expect(try Shell.sqlite3(other.path, "CREATE TABLE mine(x); INSERT INTO mine VALUES (1);") == "")
        let before = try Data(contentsOf: other)
        let r = try SVWBinary.run(["--db", "other.sqlite", "-c", "SELECT 1"], in: dir)
        #expect(r.status == 1)
        #expect(r.out == "")
        #expect(r.err == "svw: other.sqlite is an SQLite database but not an svw workspace; svw will not add its tables to it\n")
        #expect(try Data(contentsOf: other) == before, "the user's database is untouched")
        #expect(try Shell.sqlite3(other.path, "SELECT group_concat(name) FROM sqlite_schema;") == "mine\n")

        try "supplier_id,name\nS1,Acme\n".write(to: dir.appendingPathComponent("notdb.csv"), atomically: true, encoding: .utf8)
        let csv = try SVWBinary.run(["--db", "notdb.csv", "-c", "SELECT 1"], in: dir)
        #expect(csv.status == 1)
        #expect(csv.err == "svw: notdb.csv is not an SQLite database (a data file is loaded with load KIND FILE, not opened)\n")
        #expect(try String(contentsOf: dir.appendingPathComponent("notdb.csv"), encoding: .utf8) == "supplier_id,name\nS1,Acme\n")

        // An svw workspace and a new file still open.
        #expect(try SVWBinary.run(["--db", "new.db", "-c", "CREATE TABLE notes(x)"], in: dir).status == 0)
        let again = try SVWBinary.run(["--db", "new.db", "--format", "csv", "-c", "SELECT count(*) AS n FROM notes"], in: dir)
        #expect(again.status == 0)
        #expect(again.out == "n\n0\n")
    }
}

/// Errors inside a statement are placed at the line and column SQLite points to.
@Suite struct SQLErrorPositionTests {
    static let script = "mode csv\nSELECT 1 AS a,\n  nope AS b;\n  SELECT 2 AS c; SELECT 3 FROM nowhere;\n  SELECT 4 AS d; SELECT 5 +;\n"

    @Test func runNamesTheLineAndColumn() throws {
        let scratch = try ScratchFolder()
        let dir = scratch.url
        try Self.script.write(to: dir.appendingPathComponent("e.svw"), atomically: true, encoding: .utf8)
        let r = try SVWBinary.run(["run", "e.svw"], in: dir)
        #expect(r.status == 1)
        #expect(r.err.contains("e.svw:3:3: SQL error: no such column: nope\n    nope AS b;\n    ^\n"), "\(r.err)")
        #expect(r.err.contains("e.svw:5:28: SQL error: near \";\": syntax error\n"), "\(r.err)")
        // SQLite does not place this one: the statement's line is given.
        #expect(r.err.contains("e.svw:4: SQL error: no such table: nowhere\n"), "\(r.err)")
    }

    @Test func dashCAndStdinToo() throws {
        let dashC = try SVWBinary.run(["-c", Self.script])
        #expect(dashC.err.contains("-c:3:3: SQL error: no such column: nope"), "\(dashC.err)")
        #expect(dashC.err.contains("-c:4: SQL error: no such table: nowhere"))
        let stdin = try SVWBinary.run([], stdin: Self.script)
        #expect(stdin.err.contains("stdin:3:3: SQL error: no such column: nope"), "\(stdin.err)")
        #expect(stdin.err.contains("stdin:4: SQL error: no such table: nowhere"))
        // An error SQLite does not place keeps the statement's line.
        let runtime = try SVWBinary.run(["-c", "SELECT 1;\n  SELECT abs(-9223372036854775808);"])
        #expect(runtime.err == "-c:2: SQL error: integer overflow\n", "\(runtime.err)")
    }

    @Test func commentsOnCommandLinesAndBeforeSQL() throws {
        let r = try SVWBinary.run(["-c", "mode csv -- for the file\nheaders off # no header row\n/* the answer */ SELECT 42;"])
        #expect(r.err == "")
        #expect(r.status == 0)
        #expect(r.out == "42\n")
    }
}

/// `~` in a typed path is $HOME, whatever the password database says.
@Suite struct TildeEndToEndTests {
    @Test func onceAndLoadExpandTildeFromHOME() throws {
        let scratch = try ScratchFolder()
        let home = scratch.url
        try "a,b\n1,2\n".write(to: home.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let r = try SVWBinary.run(["--format", "csv", "-c", "load table t ~/in.csv; once ~/out.csv; SELECT a + b AS s FROM t"],
                                  environment: ["HOME": home.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(try String(contentsOf: home.appendingPathComponent("out.csv"), encoding: .utf8) == "s\n3\n")
    }
}

/// The sqlite3 command-line shell, to make and read databases independently of svw.
enum Shell {
    static func sqlite3(_ path: String, _ sql: String) throws -> String {
        try SVWBinary.run([path, sql], executable: URL(fileURLWithPath: "/usr/bin/sqlite3")).out
    }
}
