import Foundation
import SVWDatabase

/// One thing to run: a workbench command or an SQL statement, with where it came from.
public struct ScriptUnit: Sendable, Equatable {
    /// A workbench command, or an SQL statement.
    public enum Kind: Sendable, Equatable { case command, sql }
    /// Command or SQL.
    public let kind: Kind
    /// The unit's text (a command without its leading `.`).
    public let text: String
    /// 1-based line in the source where the unit starts.
    public let line: Int
    /// 1-based column (in characters) on that line where the unit starts, so an error
    /// SQLite places inside the statement can be given as SOURCE:LINE:COLUMN.
    public let column: Int

    /// A unit starting at `line` and `column` of its source.
    public init(kind: Kind, text: String, line: Int, column: Int = 1) {
        self.kind = kind
        self.text = text
        self.line = line
        self.column = column
    }

    /// The source line and column of a byte offset into `text` (as `SQLiteError.offset` gives).
    public func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let bytes = Array(text.utf8)
        let end = max(0, min(offset, bytes.count))
        var lineStart = 0
        var newlines = 0
        for i in 0..<end where bytes[i] == UInt8(ascii: "\n") {
            newlines += 1
            lineStart = i + 1
        }
        let characters = String(decoding: bytes[lineStart..<end], as: UTF8.self).count
        return (line + newlines, newlines == 0 ? column + characters : characters + 1)
    }
}

/// Splits text into commands and SQL statements. A line whose first word is a
/// command name (or `.name`, as sqlite3 users type) is a command, ending at the end
/// of the line, an unquoted `;`, or a comment (`#` or `-- ` starting a word). Anything
/// else is SQL, running until a complete `;`-terminated statement. `--` and `#` comment
/// lines are skipped, and `/* … */` comments before a unit are read as space.
public struct ScriptSplitter {
    private var pendingSQL = ""
    private var pendingLine = 0
    private var pendingColumn = 1
    private var lineNumber = 0
    /// Whether a line's first word (other than `.name`) opens a command: the command set decides.
    private let opensCommand: @Sendable (String) -> Bool

    /// A splitter that asks `opensCommand` whether a line's first word (other than `.name`) opens a command.
    public init(opensCommand: @escaping @Sendable (String) -> Bool) {
        self.opensCommand = opensCommand
    }

    /// True while an SQL statement is open across lines (the shell shows a continuation prompt).
    public var isContinuing: Bool { !pendingSQL.isEmpty }

    /// Feeds one line; returns the units it completes.
    public mutating func feed(line raw: String) -> [ScriptUnit] {
        lineNumber += 1
        var units: [ScriptUnit] = []
        var rest = Substring(raw)
        while true {
            if pendingSQL.isEmpty {
                let (trimmed, openComment) = ScriptSplitter.skipSpaceAndComments(rest)
                if trimmed.isEmpty || trimmed.hasPrefix("--") || trimmed.hasPrefix("#") { return units }
                let column = raw.distance(from: raw.startIndex, to: trimmed.startIndex) + 1
                if !openComment && startsWithCommand(trimmed) {
                    let (command, remainder) = ScriptSplitter.cutCommand(trimmed)
                    var text = command.trimmingCharacters(in: .whitespaces)
                    if text.hasPrefix(".") { text.removeFirst() }
                    units.append(ScriptUnit(kind: .command, text: text, line: lineNumber, column: column))
                    guard let remainder else { return units }
                    rest = remainder
                    continue
                }
                // SQL, or a block comment running on to later lines (read like sqlite3: as the start of SQL).
                pendingLine = lineNumber
                pendingColumn = column
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
                        units.append(ScriptUnit(kind: .sql, text: sql, line: pendingLine, column: pendingColumn))
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
            // A block comment that has now closed, with nothing after it, was not SQL after all.
            if ScriptSplitter.isOnlyComments(pendingSQL) { pendingSQL = "" }
            return units
        }
    }

    /// Whatever SQL is left open at the end of input (run as-is, as sqlite3 does).
    public mutating func finish() -> ScriptUnit? {
        let sql = pendingSQL.trimmingCharacters(in: .whitespacesAndNewlines)
        pendingSQL = ""
        if sql.isEmpty || ScriptSplitter.isOnlyComments(sql) { return nil }
        return ScriptUnit(kind: .sql, text: sql, line: pendingLine, column: pendingColumn)
    }

    /// Splits a whole text (a script file or `-c` argument), starting from this splitter's state.
    public func units(in text: String) -> [ScriptUnit] {
        var splitter = self
        var units: [ScriptUnit] = []
        text.enumerateLines { line, _ in units += splitter.feed(line: line) }
        if let last = splitter.finish() { units.append(last) }
        return units
    }

    /// `.name` is always a command (as sqlite3 users type them); any other first word is
    /// whatever the command set says.
    func startsWithCommand(_ text: Substring) -> Bool {
        let word = text.prefix(while: { !$0.isWhitespace && $0 != ";" && $0 != "(" })
        if word.isEmpty { return false }
        if word.hasPrefix(".") { return true }
        return opensCommand(String(word))
    }

    /// The words that open an SQL statement.
    public static let sqlKeywords: Set<String> = [
        "SELECT", "WITH", "VALUES", "INSERT", "REPLACE", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER",
        "PRAGMA", "EXPLAIN", "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "ANALYZE",
        "ATTACH", "DETACH", "REINDEX", "VACUUM",
    ]

    /// The command up to an unquoted `;`, and what follows it. A `#` or `--` starting a
    /// word (outside quotes) comments out the rest of the line, so `tables # note` and
    /// `mode csv -- for the export` work; `--format` and `partner=#1` are words, not comments.
    /// Quotes and backslashes are read as `Tokenizer` reads them.
    static func cutCommand(_ text: Substring) -> (String, Substring?) {
        var quote: Character?
        var escaped = false
        var atWordStart = true
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            let next = text.index(after: index)
            defer { index = next }
            if escaped { escaped = false; atWordStart = false; continue }
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escaped = true }
                continue
            }
            if ch == "\\" { escaped = true; atWordStart = false; continue }
            if ch == "\"" || ch == "'" { quote = ch; atWordStart = false; continue }
            if ch == ";" { return (String(text[..<index]), text[next...]) }
            if atWordStart && (ch == "#" || (ch == "-" && isCommentDashes(text[index...]))) {
                return (String(text[..<index]), nil)
            }
            atWordStart = ch == " " || ch == "\t"
        }
        return (String(text), nil)
    }

    /// `--` alone or followed by a space: a comment, where `--format` is an option.
    private static func isCommentDashes(_ text: Substring) -> Bool {
        guard text.hasPrefix("--") else { return false }
        let after = text.dropFirst(2).first
        return after == nil || after == " " || after == "\t"
    }

    /// Skips spaces, stray `;` and `/* … */` comments. `open` is true when a block comment
    /// is still open at the end of the text (the returned text then starts with it).
    static func skipSpaceAndComments(_ text: Substring) -> (rest: Substring, open: Bool) {
        var rest = text.drop(while: { $0 == " " || $0 == "\t" || $0 == ";" })
        while rest.hasPrefix("/*") {
            guard let close = rest.dropFirst(2).range(of: "*/") else { return (rest, true) }
            rest = rest[close.upperBound...].drop(while: { $0 == " " || $0 == "\t" || $0 == ";" })
        }
        return (rest, false)
    }

    /// Whether `sql` holds nothing but whitespace and closed comments.
    static func isOnlyComments(_ sql: String) -> Bool {
        var rest = Substring(sql)
        while true {
            rest = rest.drop(while: { $0.isWhitespace })
            if rest.isEmpty { return true }
            if rest.hasPrefix("--") {
                guard let end = rest.firstIndex(of: "\n") else { return true }
                rest = rest[end...]
            } else if rest.hasPrefix("/*") {
                guard let close = rest.dropFirst(2).range(of: "*/") else { return false }
                rest = rest[close.upperBound...]
            } else {
                return false
            }
        }
    }
}
