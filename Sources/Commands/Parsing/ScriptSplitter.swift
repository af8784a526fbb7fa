import Foundation
import SVWDatabase

/// One thing to run: a workbench command or an SQL statement, with where it came from.
public struct ScriptUnit: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case command, sql }
    public let kind: Kind
    public let text: String
    /// 1-based line in the source where the unit starts.
    public let line: Int

    public init(kind: Kind, text: String, line: Int) {
        self.kind = kind
        self.text = text
        self.line = line
    }
}

/// Splits text into commands and SQL statements. A line whose first word is a
/// command name (or `.name`, as sqlite3 users type) is a command, ending at the end
/// of the line or an unquoted `;`. Anything else is SQL, running until a complete
/// `;`-terminated statement. `--` and `#` comment lines are skipped.
public struct ScriptSplitter {
    private var pendingSQL = ""
    private var pendingLine = 0
    private var lineNumber = 0

    public init() {}

    /// True while an SQL statement is open across lines (the shell shows a continuation prompt).
    public var isContinuing: Bool { !pendingSQL.isEmpty }

    /// Feeds one line; returns the units it completes.
    public mutating func feed(line raw: String) -> [ScriptUnit] {
        lineNumber += 1
        var units: [ScriptUnit] = []
        var rest = Substring(raw)
        while true {
            if pendingSQL.isEmpty {
                let trimmed = rest.drop(while: { $0 == " " || $0 == "\t" || $0 == ";" })
                if trimmed.isEmpty || trimmed.hasPrefix("--") || trimmed.hasPrefix("#") { return units }
                if ScriptSplitter.startsWithCommand(trimmed) {
                    let (command, remainder) = ScriptSplitter.cutCommand(trimmed)
                    var text = command.trimmingCharacters(in: .whitespaces)
                    if text.hasPrefix(".") { text.removeFirst() }
                    units.append(ScriptUnit(kind: .command, text: text, line: lineNumber))
                    guard let remainder else { return units }
                    rest = remainder
                    continue
                }
                pendingLine = lineNumber
                rest = trimmed
            }
            // Accumulate SQL up to each `;`, testing completeness so `;` inside quotes or triggers is kept.
            let consumed = rest.startIndex
            var index = rest.startIndex
            var emitted = false
            while index < rest.endIndex {
                if rest[index] == ";" {
                    let candidate = pendingSQL + rest[consumed...index]
                    if Database.isComplete(candidate) {
                        let sql = candidate.trimmingCharacters(in: .whitespacesAndNewlines)
                        units.append(ScriptUnit(kind: .sql, text: sql, line: pendingLine))
                        pendingSQL = ""
                        rest = rest[rest.index(after: index)...]
                        emitted = true
                        break
                    }
                }
                index = rest.index(after: index)
            }
            if emitted { continue }
            pendingSQL += rest + "\n"
            return units
        }
    }

    /// Whatever SQL is left open at the end of input (run as-is, as sqlite3 does).
    public mutating func finish() -> ScriptUnit? {
        let sql = pendingSQL.trimmingCharacters(in: .whitespacesAndNewlines)
        pendingSQL = ""
        return sql.isEmpty ? nil : ScriptUnit(kind: .sql, text: sql, line: pendingLine)
    }

    /// Splits a whole text (a script file or `-c` argument).
    public static func split(_ text: String) -> [ScriptUnit] {
        var splitter = ScriptSplitter()
        var units: [ScriptUnit] = []
        text.enumerateLines { line, _ in units += splitter.feed(line: line) }
        if let last = splitter.finish() { units.append(last) }
        return units
    }

    /// A line is a command unless it opens an SQL statement, so a mistyped command
    /// gets "did you mean" rather than an SQL syntax error.
    static func startsWithCommand(_ text: Substring) -> Bool {
        let word = text.prefix(while: { !$0.isWhitespace && $0 != ";" && $0 != "(" })
        if word.isEmpty { return false }
        if word.hasPrefix(".") { return true }
        if CommandRegistry.command(named: String(word)) != nil { return true }
        return !sqlKeywords.contains(word.uppercased())
    }

    public static let sqlKeywords: Set<String> = [
        "SELECT", "WITH", "VALUES", "INSERT", "REPLACE", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER",
        "PRAGMA", "EXPLAIN", "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "ANALYZE",
        "ATTACH", "DETACH", "REINDEX", "VACUUM",
    ]

    /// The command up to an unquoted `;`, and what follows it.
    static func cutCommand(_ text: Substring) -> (String, Substring?) {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            if let q = quote { if ch == q { quote = nil } }
            else if ch == "\"" || ch == "'" { quote = ch }
            else if ch == ";" { return (String(text[..<index]), text[text.index(after: index)...]) }
            index = text.index(after: index)
        }
        return (String(text), nil)
    }
}
