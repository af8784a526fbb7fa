import Foundation
import SVWScript
import Testing
import FuzzSupport
@testable import SVWCommands

/// Properties of the parsers every script and typed line goes through, over generated
/// input: the command tokenizer, the script splitter and the notebook reader never crash,
/// and each gives back exactly what was written for it. A failure names the seed to replay.
@Suite struct ParserFuzzTests {
    /// Characters that stress quoting: both quotes, backslash, blanks, line ends, £, accents,
    /// a combining mark and an emoji.
    static let wordPieces = ["a", "Z", "9", "-", "--map", "=", "'", "\"", "\\", " ", "\t", "\n", "£", "é", "\u{301}",
                             "🙂", "$year", ";", "#", "(", "*", "Total (£)", "O'Brien"]

    @Test(.timeLimit(.minutes(2)))
    func quotedWordsTokenizeBackToThemselves() {
        let failures = Fuzz.check(short: 500) { random in
            let words = (0..<random.int(0...6)).map { _ in random.string(from: Self.wordPieces, maxLength: 5) }
            let line = words.map(Tokenizer.quote).joined(separator: random.pick([" ", "  ", "\t"]))
            let back = try Tokenizer.words(line)
            guard back == words else { throw PropertyFailure("\(words) quoted as \(line) reads back as \(back)") }
            // Any text at all: words or a usage error, never a crash.
            _ = try? Tokenizer.words(random.string(from: Self.wordPieces, maxLength: 30))
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// A unit of a generated script: its text as written and as the splitter should give it back.
    static func unit(_ random: inout FuzzRandom) -> (written: String, expected: ScriptUnit.Kind, text: String) {
        if random.chance(0.4) {
            let command = random.pick(["tables", "mode csv", "help describe", "filter year=2020/21", "param year = 2020/21",
                                       "headline 2020/21 --format json", "load contracts 'My File; v2.csv'"])
            return (command, .command, command)
        }
        // SQL with a string literal full of what ends statements and comments elsewhere.
        let literal = random.string(from: ["x", ";", "--", "#", "/*", "*/", "\n", " ", "''", "£", "é"], maxLength: 8)
        let sql = "SELECT '\(literal)' AS v" + (random.chance(0.3) ? "\n  , 2 AS w" : "") + ";"
        return (sql, .sql, sql)
    }

    @Test(.timeLimit(.minutes(2)))
    func scriptsSplitIntoTheUnitsTheyWereMadeOf() {
        let failures = Fuzz.check(short: 400) { random in
            var lines: [String] = []
            var expected: [(ScriptUnit.Kind, String)] = []
            for _ in 0..<random.int(0...8) {
                if random.chance(0.2) { lines.append(random.pick(["-- a comment; with SELECT", "# note", "", "   "])) }
                let unit = Self.unit(&random)
                lines.append(unit.written)
                expected.append((unit.expected, unit.text))
            }
            let units = ScriptSplitter.split(lines.joined(separator: "\n"))
            guard units.map(\.kind) == expected.map(\.0), units.map(\.text) == expected.map(\.1) else {
                throw PropertyFailure("\(lines) split into \(units.map(\.text))")
            }
            // Units come in order, each on a line of the script.
            let total = lines.joined(separator: "\n").components(separatedBy: "\n").count
            guard units.map(\.line) == units.map(\.line).sorted(), units.allSatisfy({ (1...max(1, total)).contains($0.line) }) else {
                throw PropertyFailure("unit lines \(units.map(\.line)) out of order or range")
            }
            // Any text at all splits without crashing.
            _ = ScriptSplitter.split(random.string(from: Self.wordPieces + ["SELECT", "'", "/*", "*/", "\n", ";", "--"], maxLength: 40))
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// Output text a cell might print: table lines, blank lines, lines that look like the
    /// notebook's own markers, and sometimes no newline at the end.
    static func output(_ random: inout FuzzRandom) -> String {
        let lines = (0..<random.int(0...5)).map { _ in
            random.pick(["", "partner  n", "-------  --", "Bolton   812", "#> not a marker", "#>> x.csv", "# data: x",
                         "#~ no newline at end", "  indented", "£1,250.00", "–"])
        }
        let text = lines.joined(separator: "\n")
        return random.chance(0.8) && !lines.isEmpty ? text + "\n" : text
    }

    @Test(.timeLimit(.minutes(2)))
    func notebooksReadBackTheOutputTheyStore() throws {
        let failures = Fuzz.check(short: 300) { random in
            var script = random.chance(0.5) ? "# svw notebook: fuzz.\n\n" : ""
            for _ in 0..<random.int(1...6) { script += Self.unit(&random).written + "\n" }
            let notebook = try Notebook(text: script)
            let outputs: [CellOutput?] = notebook.cells.map { _ in
                guard random.chance(0.8) else { return nil }
                var output = CellOutput(stdout: Self.output(&random))
                if random.chance(0.2) { output.append(file: random.pick(["out.csv", "dir/My File.txt"]), text: Self.output(&random)) }
                return output
            }
            let written = notebook.rewritten(outputs: outputs)
            let again = try Notebook(text: written)
            // The same commands (their line numbers move down past the stored output).
            func texts(_ notebook: Notebook) -> [[String]] { notebook.cells.map { $0.units.map(\.text) } }
            guard texts(again) == texts(notebook) else {
                throw PropertyFailure("the commands changed when output was stored:\n\(written)")
            }
            let stored = again.cells.map { $0.expected ?? CellOutput() }
            let meant = outputs.map { output -> CellOutput in
                guard let output else { return CellOutput() }
                return CellOutput(stdout: output.stdout, files: output.files.filter { !$0.text.isEmpty })
            }
            guard stored == meant else { throw PropertyFailure("stored \(meant), read back \(stored) from:\n\(written)") }
            guard again.rewritten(outputs: outputs) == written else { throw PropertyFailure("rewriting is not stable") }
            // Any text at all reads as a notebook or fails with a line number, never crashes.
            _ = try? Notebook(text: random.string(from: Self.wordPieces + ["#> ", "#>> f", "#~ no newline at end", "# data: f sha256=",
                                                                           "\n", "SELECT 1", ";"], maxLength: 60))
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
