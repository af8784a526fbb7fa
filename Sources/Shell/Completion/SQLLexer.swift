/// Just enough of SQLite's lexical rules for completion: words, quoted identifiers,
/// string literals (possibly still open), numbers and operators; comments skipped.
struct SQLToken: Equatable {
    enum Kind: Equatable { case word, identifier, string, number, symbol }
    let kind: Kind
    /// Unquoted text: a string's content, an identifier's name, an operator.
    let text: String
    /// False for a string or quoted identifier still open at the end of the input.
    var closed = true
    /// Where the token starts in the input, to recover the raw text of an open string.
    let start: String.Index

    func isKeyword(_ words: Set<String>) -> Bool { kind == .word && words.contains(text.uppercased()) }
}

enum SQLLexer {
    static func tokens(_ sql: String) -> [SQLToken] {
        var tokens: [SQLToken] = []
        var i = sql.startIndex
        func peek(_ offset: Int = 1) -> Character? {
            var j = i
            for _ in 0..<offset {
                guard j < sql.endIndex else { return nil }
                j = sql.index(after: j)
            }
            return j < sql.endIndex ? sql[j] : nil
        }
        while i < sql.endIndex {
            let ch = sql[i]
            let start = i
            if ch.isWhitespace { i = sql.index(after: i); continue }
            if ch == "-" && peek() == "-" {
                while i < sql.endIndex && sql[i] != "\n" { i = sql.index(after: i) }
                continue
            }
            if ch == "/" && peek() == "*" {
                i = sql.index(i, offsetBy: 2)
                while i < sql.endIndex && !(sql[i] == "*" && peek() == "/") { i = sql.index(after: i) }
                i = i < sql.endIndex ? sql.index(i, offsetBy: 2, limitedBy: sql.endIndex) ?? sql.endIndex : i
                continue
            }
            if ch == "'" || ch == "\"" || ch == "`" || ch == "[" {
                let close: Character = ch == "[" ? "]" : ch
                var text = ""
                var closed = false
                i = sql.index(after: i)
                while i < sql.endIndex {
                    if sql[i] == close {
                        // A doubled quote is a literal quote inside the token.
                        if close != "]" && peek() == close { text.append(close); i = sql.index(i, offsetBy: 2); continue }
                        closed = true
                        i = sql.index(after: i)
                        break
                    }
                    text.append(sql[i])
                    i = sql.index(after: i)
                }
                tokens.append(SQLToken(kind: ch == "'" ? .string : .identifier, text: text, closed: closed, start: start))
                continue
            }
            if ch.isLetter || ch == "_" || ch == "$" {
                var text = ""
                while i < sql.endIndex && (sql[i].isLetter || sql[i].isNumber || sql[i] == "_" || sql[i] == "$") {
                    text.append(sql[i]); i = sql.index(after: i)
                }
                tokens.append(SQLToken(kind: .word, text: text, start: start))
                continue
            }
            if ch.isNumber {
                var text = ""
                while i < sql.endIndex && (sql[i].isNumber || sql[i] == "." || sql[i].isLetter) {
                    text.append(sql[i]); i = sql.index(after: i)
                }
                tokens.append(SQLToken(kind: .number, text: text, start: start))
                continue
            }
            var op = String(ch)
            if let next = peek(), ["<>", "!=", "<=", ">=", "==", "||", "<<", ">>"].contains(op + String(next)) {
                op.append(next)
            }
            i = sql.index(i, offsetBy: op.count)
            tokens.append(SQLToken(kind: .symbol, text: op, start: start))
        }
        return tokens
    }
}
