import SVWDatabase

/// Completion inside SQL: table names after FROM/JOIN/INTO/UPDATE, columns of the
/// tables the statement names (or `alias.column`), keywords, and — inside a string
/// compared with a column (`partner = 'Sto`) — that column's values from the data.
struct SQLCompleter {
    let source: CompletionSource

    /// - Parameters:
    ///   - sql: the statement so far, up to the cursor (earlier lines included).
    ///   - word: the current line up to the cursor (the replaced text never spans lines).
    func complete(sql: String, word line: String) -> Completion {
        let tokens = SQLLexer.tokens(sql)
        if let last = tokens.last, last.kind == .string, !last.closed {
            return completeString(last, before: Array(tokens.dropLast()), sql: sql, tokens: tokens)
        }
        // The word being typed: identifier characters and dots at the end of the text.
        let raw = String(line.reversed().prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "$" }).reversed())
        let typedTokens = SQLLexer.tokens(raw).count
        let before = raw.isEmpty ? tokens : Array(tokens.dropLast(typedTokens))
        let references = TableReferences(tokens: tokens, knownTables: source.tables())

        if let dot = raw.lastIndex(of: ".") {
            let qualifier = String(raw[..<dot])
            let partial = String(raw[raw.index(after: dot)...])
            guard let table = references.table(for: qualifier) ?? source.tables().first(where: { $0.caseInsensitiveCompare(qualifier) == .orderedSame })
            else { return .none }
            let columns = source.columns(of: table).filter { $0.lowercased().hasPrefix(partial.lowercased()) }
            return Completion(replacing: raw, candidates: columns.map {
                .init(insertion: qualifier + "." + SQLIdentifier.minimallyQuoted($0), display: $0)
            })
        }

        if SQLCompleter.expectsTable(before) {
            let tables = source.tables().filter { $0.lowercased().hasPrefix(raw.lowercased()) }
            return Completion(replacing: raw, candidates: tables.map { .init(insertion: SQLIdentifier.minimallyQuoted($0), display: $0) })
        }

        var names: [String] = []
        let tables = references.tables.isEmpty ? source.tables() : references.tables
        for table in tables { names += source.columns(of: table) }
        if references.tables.isEmpty { names += source.tables() }
        names += references.aliases
        var seen = Set<String>()
        var candidates: [Completion.Candidate] = []
        for name in names where name.lowercased().hasPrefix(raw.lowercased()) && seen.insert(name.lowercased()).inserted {
            candidates.append(.init(insertion: SQLIdentifier.minimallyQuoted(name), display: name))
        }
        candidates.sort { $0.display.lowercased() < $1.display.lowercased() }
        if !raw.isEmpty {
            for keyword in SQLCompleter.keywords where keyword.hasPrefix(raw.uppercased()) && seen.insert(keyword.lowercased()).inserted {
                candidates.append(.init(insertion: SQLCompleter.matchCase(keyword, raw)))
            }
        }
        return Completion(replacing: raw, candidates: candidates)
    }

    /// Inside `column = '…`, `column IN ('a', '…` or `column LIKE '…`: that column's values.
    private func completeString(_ open: SQLToken, before: [SQLToken], sql: String, tokens: [SQLToken]) -> Completion {
        let raw = String(sql[open.start...])
        var i = before.count - 1
        // Skip back over an IN list's earlier values.
        while i >= 0, before[i].kind == .string || before[i].kind == .number || before[i].text == "," || before[i].text == "(" {
            i -= 1
        }
        let operators: Set<String> = ["=", "==", "<>", "!=", "LIKE", "GLOB", "IN", "<", ">", "<=", ">="]
        guard i >= 1, operators.contains(before[i].text.uppercased()) else { return .none }
        i -= 1
        if before[i].text.uppercased() == "NOT" { i -= 1 }
        guard i >= 0, before[i].kind == .word || before[i].kind == .identifier else { return .none }
        let column = before[i].text
        let qualifier = i >= 2 && before[i - 1].text == "." ? before[i - 2].text : nil

        let values: [String]
        if let domain = DomainValue.named(column) {
            values = source.values(domain, prefix: open.text)
        } else {
            let references = TableReferences(tokens: tokens, knownTables: source.tables())
            let tables = qualifier.flatMap { references.table(for: $0) }.map { [$0] } ?? references.tables
            var found: [String] = []
            for table in tables where source.columns(of: table).contains(where: { $0.caseInsensitiveCompare(column) == .orderedSame }) {
                found += source.distinctValues(table: table, column: column, prefix: open.text)
            }
            values = Array(Set(found)).sorted()
        }
        return Completion(replacing: raw, candidates: values.map {
            .init(insertion: "'" + $0.replacingOccurrences(of: "'", with: "''") + "'", display: $0)
        })
    }

    /// After FROM, JOIN, INTO, UPDATE or TABLE, or after a comma in a FROM list.
    static func expectsTable(_ before: [SQLToken]) -> Bool {
        guard let last = before.last else { return false }
        let tableKeywords: Set<String> = ["FROM", "JOIN", "INTO", "UPDATE", "TABLE"]
        if last.isKeyword(tableKeywords) { return true }
        guard last.text == "," else { return false }
        for token in before.reversed() {
            if token.kind == .word && clauseKeywords.contains(token.text.uppercased()) {
                return token.text.uppercased() == "FROM" || token.text.uppercased() == "JOIN"
            }
            if token.text == "(" || token.text == ")" { return false }
        }
        return false
    }

    static let clauseKeywords: Set<String> = [
        "SELECT", "FROM", "JOIN", "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "ON", "USING", "SET", "VALUES", "UNION",
    ]

    static let keywords: [String] = [
        "SELECT", "FROM", "WHERE", "GROUP BY", "ORDER BY", "HAVING", "LIMIT", "OFFSET", "JOIN", "LEFT JOIN",
        "INNER JOIN", "ON", "USING", "AS", "AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "GLOB", "BETWEEN",
        "CASE", "WHEN", "THEN", "ELSE", "END", "DISTINCT", "ASC", "DESC", "UNION", "UNION ALL", "EXCEPT",
        "INTERSECT", "WITH", "RECURSIVE", "EXISTS", "CAST", "COLLATE NOCASE",
        "count(", "sum(", "avg(", "min(", "max(", "total(", "round(", "coalesce(", "ifnull(", "nullif(",
        "printf(", "substr(", "lower(", "upper(", "length(", "trim(", "replace(", "instr(", "abs(",
        "group_concat(", "strftime(", "date(", "julianday(", "iif(",
    ].map { $0.hasSuffix("(") ? $0.uppercased() : $0 }

    /// Keywords in the letter case the user is typing in.
    static func matchCase(_ keyword: String, _ typed: String) -> String {
        let letters = typed.filter(\.isLetter)
        return !letters.isEmpty && letters == letters.lowercased() ? keyword.lowercased() : keyword
    }
}

/// The tables a statement names after FROM, JOIN, UPDATE or INTO, and their aliases.
struct TableReferences {
    private(set) var tables: [String] = []
    private(set) var aliases: [String] = []
    private var aliasToTable: [String: String] = [:]

    init(tokens: [SQLToken], knownTables: [String]) {
        let known = Dictionary(knownTables.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let introducers: Set<String> = ["FROM", "JOIN", "UPDATE", "INTO"]
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            guard tokens[i].isKeyword(introducers) else { continue }
            var j = i + 1
            // A FROM list: table [AS alias] [, table [AS alias]]...
            while j < tokens.count, tokens[j].kind == .word || tokens[j].kind == .identifier {
                guard let table = known[tokens[j].text.lowercased()] else { break }
                if !tables.contains(table) { tables.append(table) }
                aliasToTable[table.lowercased()] = table
                j += 1
                if j < tokens.count, tokens[j].isKeyword(["AS"]) { j += 1 }
                if j < tokens.count, tokens[j].kind == .word || tokens[j].kind == .identifier,
                   !tokens[j].isKeyword(TableReferences.notAliases) {
                    aliasToTable[tokens[j].text.lowercased()] = table
                    aliases.append(tokens[j].text)
                    j += 1
                }
                guard j < tokens.count, tokens[j].text == "," else { break }
                j += 1
            }
        }
    }

    func table(for qualifier: String) -> String? { aliasToTable[qualifier.lowercased()] }

    static let notAliases: Set<String> = [
        "WHERE", "JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "CROSS", "FULL", "NATURAL", "ON", "USING", "GROUP",
        "ORDER", "HAVING", "LIMIT", "UNION", "EXCEPT", "INTERSECT", "SET", "VALUES", "SELECT", "DEFAULT", "WINDOW",
    ]
}
