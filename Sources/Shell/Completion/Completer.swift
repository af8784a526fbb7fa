import SVWCommands
import SVWRendering
import SVWScript

/// Tab completion as a pure function: the text before the cursor, any SQL still open
/// from earlier lines, and a source of names and values in; candidates out.
/// Everything it offers derives from the command registry and the live workspace.
public struct Completer {
    public let source: CompletionSource

    public init(source: CompletionSource) {
        self.source = source
    }

    /// - Parameters:
    ///   - before: the line up to the cursor.
    ///   - pendingSQL: earlier lines of an SQL statement still being typed ("" if none).
    public func complete(before: String, pendingSQL: String = "") -> Completion {
        if !pendingSQL.isEmpty {
            return SQLCompleter(source: source).complete(sql: pendingSQL + before, word: before)
        }
        let unit = Completer.currentUnit(before)
        let trimmed = unit.drop(while: { $0 == " " || $0 == "\t" })
        let firstWord = trimmed.prefix(while: { !$0.isWhitespace && $0 != "(" })
        if firstWord.count == trimmed.count {
            return completeFirstWord(String(firstWord))
        }
        let name = firstWord.hasPrefix(".") ? String(firstWord.dropFirst()) : String(firstWord)
        if let spec = CommandRegistry.command(named: name) {
            return CommandCompleter(source: source, spec: spec).complete(afterName: String(trimmed.dropFirst(firstWord.count)))
        }
        if Completer.sqlStarters.contains(name.uppercased()) {
            return SQLCompleter(source: source).complete(sql: String(trimmed), word: String(trimmed))
        }
        return .none
    }

    /// A first word is a command (or `.command`, as sqlite3 users type) or the start of SQL.
    func completeFirstWord(_ word: String) -> Completion {
        let dotted = word.hasPrefix(".")
        let typed = dotted ? String(word.dropFirst()) : word
        var candidates: [Completion.Candidate] = []
        var seen = Set<String>()
        for spec in CommandRegistry.all {
            for name in [spec.name] + spec.aliases where name.hasPrefix(typed.lowercased()) && name != "?" {
                if seen.insert(name).inserted {
                    candidates.append(.init(insertion: (dotted ? "." : "") + name))
                }
            }
        }
        candidates.sort { $0.insertion < $1.insertion }
        if !dotted && !typed.isEmpty {
            for keyword in Completer.sqlStarters.sorted() where keyword.hasPrefix(typed.uppercased()) {
                candidates.append(.init(insertion: SQLCompleter.matchCase(keyword, typed)))
            }
        }
        return Completion(replacing: word, candidates: candidates)
    }

    /// Words that open an SQL statement rather than a command: the splitter's own list.
    static var sqlStarters: Set<String> { ScriptSplitter.sqlKeywords }

    /// The text after the last `;` outside quotes: commands and SQL on one line are separate units.
    static func currentUnit(_ text: String) -> Substring {
        var quote: Character?
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "'" || ch == "\"" {
                quote = ch
            } else if ch == ";" {
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        return text[start...]
    }
}
