import Foundation
import Testing
import TestSupport

/// What `--sql` prints runs in the real sqlite3 shell, pasted as printed (its
/// `.parameter set` lines uncommented), on the same workspace file, and gives the same
/// figures. sqlite3 evaluates a `.parameter set` value as SQL, so the text must arrive as a
/// quoted literal: `'2020/21'` unquoted would be the number 96.
@Suite struct SQLite3ParametersTests {
    /// The sqlite3 shell, when installed (`apt-get install sqlite3`).
    static let sqlite3: String? = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The SQL blocks of `--sql` output on stderr, `.parameter set` lines made live.
    static func pasteable(_ stderr: String) -> String {
        let lines = stderr.components(separatedBy: "\n")
        guard let first = lines.firstIndex(where: { $0.hasPrefix("-- ") }),
              let last = lines.lastIndex(where: { $0.hasSuffix(";") }) else { return "" }
        return lines[first...last].map { $0.hasPrefix("-- .parameter set ") ? String($0.dropFirst(3)) : $0 }
            .joined(separator: "\n") + "\n"
    }

    /// Runs `script` in sqlite3 on `database`, csv with headers.
    static func runSQLite3(_ script: String, database: URL) throws -> (out: String, err: String) {
        let result = try SVWBinary.run(["-bail", "-csv", "-header", database.path], stdin: script,
                                       executable: URL(fileURLWithPath: sqlite3!))
        return (result.out, result.err)
    }

    /// One column of a csv table (no quoted commas in the columns read here).
    static func column(_ csv: String, _ name: String) -> [String] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, let index = header.firstIndex(of: name) else { return [] }
        return lines.dropFirst().map { index < $0.count ? $0[index] : "" }
    }

    @Test(.enabled(if: sqlite3 != nil, "sqlite3 is not installed (apt-get install sqlite3), so the printed SQL cannot be run in it"))
    func printedSQLRunsInSQLite3WithItsParameters() throws {
        let scratch = try ScratchFolder()
        let workspace = scratch.file("ws.db")
        #expect(try SVWBinary.run(["--db", workspace.path, "-c", "load sample"], in: scratch.url).status == 0)

        // The year and a partner are text; the threshold a number.
        let headline = try SVWBinary.run(["--db", workspace.path, "--format", "csv", "-c",
                                           "headline 2020/21 --partner Stockport --sql"], in: scratch.url)
        #expect(headline.err.contains("-- .parameter set :year \"'2020/21'\""))
        let shell = try Self.runSQLite3(Self.pasteable(headline.err), database: workspace)
        #expect(shell.err == "", "\(shell.err)")
        #expect(Self.column(headline.out, "contracts").count == 1, "\(headline.out)")
        #expect(Self.column(shell.out, "contracts") == Self.column(headline.out, "contracts"))
        #expect(Self.column(shell.out, "contracts") != ["0"], "the year bound as text, not as 96")
        #expect(Self.column(shell.out, "awarded").map { Int($0) ?? -1 }
                == Self.column(headline.out, "awarded").map { Int((Double($0) ?? -1) * 100 + 0.5) })

        // Quotes inside a value: the search text's own quotes reach FTS5 intact.
        let find = try SVWBinary.run(["--db", workspace.path, "--format", "csv", "-c",
                                       "find \"Carers' support\" --limit 5 --sql"], in: scratch.url)
        let found = try Self.runSQLite3(Self.pasteable(find.err), database: workspace)
        #expect(found.err == "", "\(found.err)")
        #expect(Self.column(found.out, "id") == Self.column(find.out, "id"))
        #expect(Self.column(find.out, "id").count == 5)
    }
}
