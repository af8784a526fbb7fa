/// Splits a command line into words the way a POSIX shell does for quoting only:
/// `load contracts "My File.csv" --map value='Total (£)'`. No globbing, no variables,
/// no command substitution: a script can never reach a shell.
public enum Tokenizer {
    public static func words(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var iterator = line.makeIterator()
        while let ch = iterator.next() {
            if let q = quote {
                if ch == q { quote = nil }
                else if ch == "\\" && q == "\"" {
                    if let next = iterator.next() { current.append(next) }
                } else { current.append(ch) }
                continue
            }
            switch ch {
            case "\"", "'":
                quote = ch
                inWord = true
            case "\\" where !inWord:
                // `\d`, `\dt`, `\x`, `\?`: psql's commands keep their backslash (escaping a
                // letter means nothing to a POSIX shell, so no other word reads differently).
                guard let next = iterator.next() else { continue }
                if next.isLetter || next == "?" { current.append("\\") }
                current.append(next)
                inWord = true
            case "\\":
                if let next = iterator.next() { current.append(next); inWord = true }
            case " ", "\t", "\n", "\r":
                if inWord { words.append(current); current = ""; inWord = false }
            default:
                current.append(ch)
                inWord = true
            }
        }
        if let q = quote { throw CommandError.usage("unterminated \(q) quote in: \(line)") }
        if inWord { words.append(current) }
        return words
    }

    /// Quotes a word so `words` gives it back unchanged (used when saving scripts).
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=,:@%+£".contains($0) }) {
            return word
        }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
