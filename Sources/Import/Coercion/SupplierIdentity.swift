import Foundation

/// How suppliers named inline in a contracts file are matched to the suppliers table.
public enum SupplierIdentity {
    /// Legal-form words that do not tell two businesses apart.
    static let legalSuffixes: Set<String> = ["ltd", "limited", "plc", "llp", "lp", "inc", "incorporated", "cic", "cio", "llc"]

    /// The normalised name stored in `suppliers.name_key`: lower case, accents folded,
    /// `&` read as "and", apostrophes and full stops dropped (`A.B.C.` = `ABC`), other
    /// punctuation a space, a leading "the" and trailing legal suffixes (ltd, limited,
    /// plc, llp…) removed, single spaces.
    public static func nameKey(_ name: String) -> String {
        name.utf8.allSatisfy { $0 < 0x80 } ? asciiWords(asciiCleaned(name)) : words(unicodeCleaned(name))
    }

    /// The name folded and its punctuation replaced, for any text (Foundation's folding
    /// and Unicode's letter test: the slow part of loading suppliers).
    static func unicodeCleaned(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var cleaned = ""
        cleaned.reserveCapacity(folded.count)
        for ch in folded {
            if ch == "&" || ch == "+" { cleaned += " and " }
            else if ch == "'" || ch == "’" || ch == "." { continue }
            else if ch.isLetter || ch.isNumber { cleaned.append(ch) }
            else { cleaned.append(" ") }
        }
        return cleaned
    }

    /// `unicodeCleaned` for ASCII text (most names), byte by byte: the same result, since
    /// folding ASCII only lowers its case and its letters and numbers are A–Z, a–z, 0–9.
    static func asciiCleaned(_ name: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count + 8)
        for c in name.utf8 {
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(c + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): out.append(c)
            case UInt8(ascii: "&"), UInt8(ascii: "+"): out += Array(" and ".utf8)
            case UInt8(ascii: "'"), UInt8(ascii: "."): continue
            default: out.append(UInt8(ascii: " "))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func words(_ cleaned: String) -> String {
        var words = cleaned.split(separator: " ").map(String.init)
        if words.count > 1, words.first == "the" { words.removeFirst() }
        while words.count > 1, let last = words.last, legalSuffixes.contains(last) { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// `words` for ASCII text, byte by byte: the same result without a String per word.
    static func asciiWords(_ cleaned: String) -> String {
        var bytes = Array(cleaned.utf8)
        var words = bytes.split(separator: UInt8(ascii: " "))
        let the = Array("the".utf8)[...]
        if words.count > 1, words.first == the { words.removeFirst() }
        while words.count > 1, let last = words.last, legalSuffixBytes.contains(Array(last)) { words.removeLast() }
        bytes = Array(words.joined(separator: [UInt8(ascii: " ")]))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let legalSuffixBytes = Set(legalSuffixes.map { Array($0.utf8) })

    /// A Companies House number as registered: upper case, no spaces, numeric ones
    /// padded to eight digits (`1234567` → `01234567`). Nil when empty.
    public static func companyNumber(_ raw: String) -> String? {
        let compact = raw.utf8.allSatisfy({ $0 < 0x80 })
            ? String(decoding: raw.utf8.compactMap { c in Postcode.isSpace(c) ? nil : (c >= 97 && c <= 122 ? c - 32 : c) }, as: UTF8.self)
            : String(raw.uppercased().unicodeScalars.filter { !$0.properties.isWhitespace })
        guard !compact.isEmpty else { return nil }
        if compact.count < 8, compact.allSatisfy(\.isNumber) {
            return String(repeating: "0", count: 8 - compact.count) + compact
        }
        return compact
    }

    /// The id given to a supplier first met inline: derived from its name key, so the
    /// same file always creates the same ids.
    public static func derivedID(nameKey: String) -> String {
        "S-" + String(SHA256.hex(of: Array(nameKey.utf8)).prefix(10)).uppercased()
    }
}
