/// Splits a command line into words the way a POSIX shell does for quoting only:
/// `load contracts "My File.csv" --map value='Total (£)'`. No globbing, no variables,
/// no command substitution: a script can never reach a shell.
public enum Tokenizer {
    /// The words of `line`, quotes and backslashes read as a POSIX shell reads them.
    public static func words(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var inWord = false
        var quote: Unicode.Scalar?
        // Scalars, not Characters: a combining mark right after a quote (a word that starts
        // with one, quoted) would otherwise join the quote into one Character and hide it.
        var iterator = line.unicodeScalars.makeIterator()
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
                if next.properties.isAlphabetic || next == "?" { current.append("\\") }
                current.append(next)
                inWord = true
            case "\\":
                if let next = iterator.next() { current.append(next); inWord = true }
            case " ", "\t", "\n", "\r":
                if inWord { words.append(String(current)); current = String.UnicodeScalarView(); inWord = false }
            default:
                current.append(ch)
                inWord = true
            }
        }
        if let q = quote { throw CommandError.usage("unterminated \(q) quote in: \(line)") }
        if inWord { words.append(String(current)) }
        return words
    }

    /// Quotes a word so `words` gives it back unchanged (used when saving scripts).
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=,:@%+£".contains($0) }) {
            return word
        }
        // By scalar, as `words` reads: a quote followed by a combining mark is still a quote.
        var quoted = String.UnicodeScalarView()
        quoted.append("'")
        for scalar in word.unicodeScalars {
            if scalar == "'" { quoted.append(contentsOf: "'\\''".unicodeScalars) } else { quoted.append(scalar) }
        }
        quoted.append("'")
        return String(quoted)
    }
}
