import Foundation

/// A supplier's postcode, normalised (`sk41aa` → `SK4 1AA`, district `SK4`) and
/// classified. A bad postcode never rejects a row: the supplier loads, and its GM
/// status is then unknown (missing, malformed) or outside (BFPO, overseas).
public enum Postcode: Equatable, Sendable {
    case ok(postcode: String, district: String)
    case missing
    case malformed
    case outsideUK

    /// The value stored in `suppliers.postcode_status`.
    public var status: String {
        switch self {
        case .ok: return "ok"
        case .missing: return "missing"
        case .malformed: return "malformed"
        case .outsideUK: return "outside_uk"
        }
    }

    public var postcode: String? { if case .ok(let p, _) = self { return p } else { return nil } }
    public var district: String? { if case .ok(_, let d) = self { return d } else { return nil } }

    /// Words that stand in for "no postcode" in spreadsheets.
    static let placeholders: Set<String> = ["", "NA", "N/A", "NONE", "UNKNOWN", "-", "--", "TBC", "TBA", "NULL", "NIL", "?"]

    /// A postcode field: the postcode itself (any case, with or without the space), an outward
    /// code alone (`SK4`: placed by the district rule), or text holding one ("International
    /// House, Manchester, M1 1AA": the last UK postcode in it wins). Words such as
    /// "International" or "Overseas" prove nothing; only BFPO and clearly non-UK formats
    /// (an Irish Eircode, a Canadian postal code) are outside the UK.
    public static func classify(_ raw: String) -> Postcode {
        let (trimmed, compact) = raw.utf8.allSatisfy({ $0 < 0x80 }) ? asciiForms(raw) : unicodeForms(raw)
        if placeholders.contains(trimmed) { return .missing }
        if compact.hasPrefix("BFPO") { return .outsideUK }
        let chars = Array(compact.utf8)
        if let normalised = ukPostcode(chars) { return normalised }
        if PostcodeAreas.isOutwardCode(compact) { return .ok(postcode: compact, district: compact) }
        if let found = PostcodeInText.last(in: trimmed) { return found }
        if isEircode(chars) || isCanadian(chars) { return .outsideUK }
        return .malformed
    }

    /// `classify` of the usual field, a UK postcode alone (`sk4 1aa`, `SK41AA`), read from its
    /// bytes with no array or String on the way but the (small) results; nil for anything
    /// else, which `classify` then reads. A supplier load meets millions of these.
    public static func ukPostcode(ascii raw: UnsafeRawBufferPointer) -> Postcode? {
        // Up to seven letters and digits, the white space between them dropped.
        var c: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0)
        var n = 0
        let done: Bool = withUnsafeMutableBytes(of: &c) { chars in
            for byte in raw where !isSpace(byte) {
                guard n < 7 else { return false }
                let upper = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
                guard isLetter(upper) || isDigit(upper) else { return false }
                chars[n] = upper
                n += 1
            }
            return n >= 5
        }
        guard done else { return nil }
        return withUnsafeBytes(of: &c) { chars in
            let outward = n - 3
            guard isDigit(chars[outward]), isLetter(chars[outward + 1]), isLetter(chars[outward + 2]), isLetter(chars[0]) else { return nil }
            // Outward shapes A9, A99, AA9, AA99, A9A, AA9A (GIR 0AA is left to `classify`).
            let second = chars[1], third = outward > 2 ? chars[2] : 0, fourth = outward > 3 ? chars[3] : 0
            let fits: Bool
            switch outward {
            case 2: fits = isDigit(second)
            case 3: fits = isDigit(second) ? (isDigit(third) || isLetter(third)) : isDigit(third)
            case 4: fits = isLetter(second) && isDigit(third) && (isDigit(fourth) || isLetter(fourth))
            default: fits = false
            }
            guard fits else { return nil }
            let district = String(decoding: UnsafeRawBufferPointer(rebasing: chars[0..<outward]), as: UTF8.self)
            let inward = String(decoding: UnsafeRawBufferPointer(rebasing: chars[outward..<n]), as: UTF8.self)
            return .ok(postcode: district + " " + inward, district: district)
        }
    }

    /// The field upper-cased and trimmed, and also with no white space at all.
    static func unicodeForms(_ raw: String) -> (trimmed: String, compact: String) {
        let trimmed = raw.uppercased().trimmingCharacters(in: .whitespacesAndNewlines)
        return (trimmed, String(trimmed.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    /// `unicodeForms` for ASCII text (almost every postcode), byte by byte: the same result,
    /// since ASCII's white space is tab, line feed, vertical tab, form feed, carriage return
    /// and space for both Foundation's trimming and Unicode's property.
    static func asciiForms(_ raw: String) -> (trimmed: String, compact: String) {
        let upper = raw.utf8.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") ? $0 - 32 : $0 }
        let first = upper.firstIndex { !isSpace($0) } ?? upper.endIndex
        let last = upper.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? first
        let trimmed = upper[first..<max(first, last)]
        return (String(decoding: trimmed, as: UTF8.self), String(decoding: trimmed.filter { !isSpace($0) }, as: UTF8.self))
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

    private static func isLetter(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// UK shapes: outward A9, A99, AA9, AA99, A9A, AA9A; inward 9AA. (And GIR 0AA.)
    static func ukPostcode(_ c: [UInt8]) -> Postcode? {
        guard (5...7).contains(c.count) else { return nil }
        let inward = c.suffix(3)
        let outward = Array(c.prefix(c.count - 3))
        guard isDigit(inward[inward.startIndex]), isLetter(inward[inward.startIndex + 1]), isLetter(inward[inward.startIndex + 2]) else { return nil }
        let shape = String(decoding: outward.map { isLetter($0) ? UInt8(ascii: "A") : (isDigit($0) ? UInt8(ascii: "9") : UInt8(ascii: "?")) }, as: UTF8.self)
        let outwardText = String(decoding: outward, as: UTF8.self)
        guard ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape) || outwardText == "GIR" else { return nil }
        return .ok(postcode: outwardText + " " + String(decoding: inward, as: UTF8.self), district: outwardText)
    }

    /// Irish Eircode: routing key letter-digit-(digit|W), then four letters or digits.
    private static func isEircode(_ c: [UInt8]) -> Bool {
        guard c.count == 7, isLetter(c[0]), isDigit(c[1]), isDigit(c[2]) || c[2] == UInt8(ascii: "W") else { return false }
        return c[3...].allSatisfy { isLetter($0) || isDigit($0) }
    }

    /// Canadian postal code: letter-digit-letter digit-letter-digit.
    private static func isCanadian(_ c: [UInt8]) -> Bool {
        guard c.count == 6 else { return false }
        return c.enumerated().allSatisfy { i, ch in i % 2 == 0 ? isLetter(ch) : isDigit(ch) }
    }
}
