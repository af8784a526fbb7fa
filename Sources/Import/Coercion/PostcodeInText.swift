/// The UK postcode areas (the one or two letters that open a postcode): only these count
/// when a postcode is looked for inside free text, so a Canadian or Irish code is not taken.
enum PostcodeAreas {
    static let all: Set<String> = [
        "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA", "CB", "CF", "CH", "CM",
        "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX",
        "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE",
        "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG",
        "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG",
        "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW",
        "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
    ]

    /// The letters that open an outward code: `SK` of `SK4`, `M` of `M1`.
    static func area(of outward: String) -> String { String(outward.prefix { $0.isLetter }) }

    /// A UK outward code alone (`SK4`, `M1`, `EC1A`) in a known area.
    static func isOutwardCode(_ s: String) -> Bool {
        let shape = String(s.map { $0.isASCII && $0.isLetter ? "A" : ($0.isASCII && $0.isNumber ? "9" : "?") })
        return ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape) && all.contains(area(of: s))
    }
}

/// Finds a UK postcode inside free text (an address line, a postcode cell holding a whole
/// address): upper or lower case, with or without the space; the last one wins, as an
/// address ends with its postcode.
public enum PostcodeInText {
    public static func last(in text: String) -> Postcode? {
        let upper = Array(text.uppercased().utf8)
        var found: Postcode?
        var i = 0
        while i < upper.count {
            // A candidate starts at a word boundary with a letter.
            if isLetter(upper[i]) && (i == 0 || !isAlnum(upper[i - 1])), let (postcode, end) = match(upper, at: i) {
                found = postcode
                i = end
                continue
            }
            i += 1
        }
        return found
    }

    /// Outward (2–4 characters), optional spaces, inward 9AA, then a word boundary.
    private static func match(_ c: [UInt8], at start: Int) -> (Postcode, Int)? {
        for outwardLength in (2...4).reversed() {
            let outwardEnd = start + outwardLength
            guard outwardEnd <= c.count else { continue }
            let outward = String(decoding: c[start..<outwardEnd], as: UTF8.self)
            guard PostcodeAreas.isOutwardCode(outward) else { continue }
            var j = outwardEnd
            while j < c.count && c[j] == UInt8(ascii: " ") { j += 1 }
            guard j + 3 <= c.count, isDigit(c[j]), isLetter(c[j + 1]), isLetter(c[j + 2]) else { continue }
            guard j + 3 == c.count || !isAlnum(c[j + 3]) else { continue }
            let inward = String(decoding: c[j..<(j + 3)], as: UTF8.self)
            return (.ok(postcode: outward + " " + inward, district: outward), j + 3)
        }
        return nil
    }

    private static func isLetter(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    private static func isAlnum(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) || c >= 0x80 }
}

/// Where a supplier is: its postcode field, or — when that is absent or empty — the last UK
/// postcode in its address.
struct SupplierPlace {
    let postcode: Postcode
    /// The text the postcode was read from, as the file had it.
    let raw: String?
    /// `postcode`, `address`, or nil when the supplier has no postcode.
    let source: String?

    static func locate(postcodeField: String?, address: String?) -> SupplierPlace {
        if let field = postcodeField {
            let classified = Postcode.classify(field)
            if classified != .missing { return SupplierPlace(postcode: classified, raw: field, source: classified.postcode == nil ? nil : "postcode") }
        }
        if let address, let found = PostcodeInText.last(in: address) {
            return SupplierPlace(postcode: found, raw: found.postcode, source: "address")
        }
        return SupplierPlace(postcode: .missing, raw: postcodeField, source: nil)
    }
}
