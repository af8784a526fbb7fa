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

    /// `nameKey` of ASCII bytes (nearly every name in a national file), written into `key`
    /// in one pass with no String or word array on the way: a supplier load's reading
    /// thread spent a third of its time on those. False, and `key` meaningless, when `name`
    /// is not all ASCII: the Unicode path takes it.
    static func asciiNameKey(_ name: UnsafeRawBufferPointer, into key: inout [UInt8]) -> Bool {
        key.removeAll(keepingCapacity: true)
        for c in name where c >= 0x80 { return false }
        let space = UInt8(ascii: " ")
        // As `asciiCleaned` then split into words: a single space between words, none at the ends.
        var wordEnded = false
        for c in name {
            var byte = c
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte = c + 32
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "&"), UInt8(ascii: "+"):
                if !key.isEmpty { key.append(space) }
                key += andBytes
                wordEnded = true
                continue
            case UInt8(ascii: "'"), UInt8(ascii: "."): continue
            default:
                wordEnded = !key.isEmpty
                continue
            }
            if wordEnded { key.append(space) }
            wordEnded = false
            key.append(byte)
        }
        // As `asciiWords`: a leading "the" and trailing legal suffixes go, while a word is left.
        var start = 0, end = key.count
        if end > 4, key[0] == UInt8(ascii: "t"), key[1] == UInt8(ascii: "h"), key[2] == UInt8(ascii: "e"), key[3] == space { start = 4 }
        while let lastSpace = key[start..<end].lastIndex(of: space),
              legalSuffixBytes.contains(where: { $0.elementsEqual(key[(lastSpace + 1)..<end]) }) {
            end = lastSpace
        }
        key.removeSubrange(end...)
        key.removeSubrange(..<start)
        return true
    }

    private static let andBytes = Array("and".utf8)

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

    /// `companyNumber` of ASCII bytes, with no String on the way but the (small) result:
    /// nil when empty. Only for ASCII: each byte is then one character, and the only white
    /// space is what `Postcode.isSpace` names.
    static func companyNumber(ascii raw: UnsafeRawBufferPointer) -> String? {
        var count = 0, allDigits = true
        for c in raw where !Postcode.isSpace(c) {
            count += 1
            if c < UInt8(ascii: "0") || c > UInt8(ascii: "9") { allDigits = false }
        }
        guard count > 0 else { return nil }
        let padding = allDigits && count < 8 ? 8 - count : 0
        return String(unsafeUninitializedCapacity: padding + count) { out in
            var i = 0
            while i < padding { out[i] = UInt8(ascii: "0"); i += 1 }
            for c in raw where !Postcode.isSpace(c) {
                out[i] = c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") ? c - 32 : c
                i += 1
            }
            return i
        }
    }

    /// The id given to a supplier first met inline: derived from its name key, so the
    /// same file always creates the same ids.
    public static func derivedID(nameKey: String) -> String {
        "S-" + String(SHA256.hex(of: Array(nameKey.utf8)).prefix(10)).uppercased()
    }
}
