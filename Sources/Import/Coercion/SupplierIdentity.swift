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
        var name = name, key: [UInt8] = []
        let ascii = name.withUTF8 { asciiNameKey(UnsafeRawBufferPointer($0), into: &key) }
        return ascii ? String(decoding: key, as: UTF8.self) : words(unicodeCleaned(name))
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

    static func words(_ cleaned: String) -> String {
        var words = cleaned.split(separator: " ").map(String.init)
        if words.count > 1, words.first == "the" { words.removeFirst() }
        while words.count > 1, let last = words.last, legalSuffixes.contains(last) { words.removeLast() }
        return words.joined(separator: " ")
    }

    private static let legalSuffixBytes = legalSuffixes.map { Array($0.utf8) }

    /// `nameKey` of ASCII bytes (nearly every name in a national file), written into `key`
    /// in one pass with no String or word array on the way: a supplier load's reading
    /// thread spent a third of its time on those. The same result as the Unicode path, since
    /// folding ASCII only lowers its case and its letters and numbers are A–Z, a–z, 0–9.
    /// False, and `key` meaningless, when `name` is not all ASCII: the Unicode path takes it.
    static func asciiNameKey(_ name: UnsafeRawBufferPointer, into key: inout [UInt8]) -> Bool {
        key.removeAll(keepingCapacity: true)
        for c in name where c >= 0x80 { return false }
        let space = UInt8(ascii: " ")
        // As `unicodeCleaned` then split into words: a single space between words, none at the ends.
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
        // As `words`: a leading "the" and trailing legal suffixes go, while a word is left.
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
        if raw.utf8.allSatisfy({ $0 < 0x80 }) {
            var raw = raw
            return raw.withUTF8 { companyNumber(ascii: UnsafeRawBufferPointer($0)) }
        }
        let compact = String(raw.uppercased().unicodeScalars.filter { !$0.properties.isWhitespace })
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
