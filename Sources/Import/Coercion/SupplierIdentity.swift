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
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var cleaned = ""
        cleaned.reserveCapacity(folded.count)
        for ch in folded {
            if ch == "&" || ch == "+" { cleaned += " and " }
            else if ch == "'" || ch == "’" || ch == "." { continue }
            else if ch.isLetter || ch.isNumber { cleaned.append(ch) }
            else { cleaned.append(" ") }
        }
        var words = cleaned.split(separator: " ").map(String.init)
        if words.count > 1, words.first == "the" { words.removeFirst() }
        while words.count > 1, let last = words.last, legalSuffixes.contains(last) { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// A Companies House number as registered: upper case, no spaces, numeric ones
    /// padded to eight digits (`1234567` → `01234567`). Nil when empty.
    public static func companyNumber(_ raw: String) -> String? {
        let compact = String(raw.uppercased().unicodeScalars.filter { !$0.properties.isWhitespace })
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
