import SVWDatabase
import SVWScript
import SVWText

/// "did you mean" for SQL: a table, view or column SQLite could not find, or a misspelt
/// keyword opening the statement, matched against the workspace's own names.
enum SQLNameSuggestion {
    /// The name to suggest for SQLite's `message`, or nil when nothing is close.
    static func suggest(for message: String, sql: String, db: Database) -> String? {
        if let table = name(after: "no such table: ", in: message) {
            return qualified(table) { try db.query(tablesSQL).rows.compactMap { $0.first?.string } }
        }
        if let column = name(after: "no such column: ", in: message) {
            return qualified(column) { try db.query(columnsSQL).rows.compactMap { $0.first?.string } }
        }
        // `near "SELET": syntax error` for the statement's first word.
        if message.hasPrefix("near \""), message.hasSuffix("\": syntax error"),
           let first = sql.split(whereSeparator: { $0.isWhitespace || $0 == "(" }).first,
           message == "near \"\(first)\": syntax error" {
            return keyword(near: String(first))
        }
        return nil
    }

    /// The SQL keyword a statement's first word looks like a slip for (`SELET` → `SELECT`).
    static func keyword(near word: String) -> String? {
        guard word.count >= 4 else { return nil }
        let upper = word.uppercased()
        guard !ScriptSplitter.sqlKeywords.contains(upper) else { return nil }
        return Suggest.closest(to: upper, among: Array(ScriptSplitter.sqlKeywords)).map { SQLKeywordCase.match($0, word) }
    }

    private static func name(after prefix: String, in message: String) -> String? {
        guard message.hasPrefix(prefix) else { return nil }
        let name = String(message.dropFirst(prefix.count))
        return name.isEmpty ? nil : name
    }

    /// `c.titel` → `c.title`: the qualifier kept, the last part matched.
    private static func qualified(_ name: String, candidates: () throws -> [String]) -> String? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let last = String(parts.last ?? "")
        guard let names = try? candidates(), !names.contains(where: { $0.caseInsensitiveCompare(last) == .orderedSame }),
              let guess = Suggest.closest(to: last.lowercased(), among: Array(Set(names.map { $0.lowercased() }))),
              let spelled = names.first(where: { $0.lowercased() == guess }) else { return nil }
        return (parts.dropLast().map { $0 + "." }.joined()) + spelled
    }

    private static let tablesSQL = """
        SELECT name FROM sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
        UNION SELECT name FROM sqlite_temp_schema WHERE type IN ('table','view')
        """

    private static let columnsSQL = """
        SELECT DISTINCT c.name FROM sqlite_schema s, pragma_table_xinfo(s.name) c
         WHERE s.type IN ('table','view') AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND c.hidden <> 1
        """
}

/// A keyword in the letter case the user typed it in (`selet` → `select`).
enum SQLKeywordCase {
    static func match(_ keyword: String, _ typed: String) -> String {
        typed == typed.lowercased() ? keyword.lowercased() : keyword
    }
}
