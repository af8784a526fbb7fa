/// Why one value could not be read as what its column holds. The reason names the
/// value and, where it helps, what was expected, so a reject explains itself.
public struct CoercionError: Error, Equatable, CustomStringConvertible, Sendable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Byte helpers the coercions share: they read a field where it lies in the
/// reader's buffer instead of building a String first.
enum Bytes {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// The field without leading and trailing spaces, tabs and no-break spaces (C2 A0, A0).
    @inline(__always)
    static func trimmed(_ b: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard let base = b.baseAddress else { return b }
        var lo = 0, hi = b.count
        while lo < hi {
            let c = b[lo]
            if c == space || c == tab { lo += 1 }
            else if c == 0xC2 && lo + 1 < hi && b[lo + 1] == 0xA0 { lo += 2 }
            else if c == 0xA0 { lo += 1 }
            else { break }
        }
        while hi > lo {
            let c = b[hi - 1]
            if c == space || c == tab { hi -= 1 }
            else if c == 0xA0 && hi - 2 >= lo && b[hi - 2] == 0xC2 { hi -= 2 }
            else if c == 0xA0 { hi -= 1 }
            else { break }
        }
        return UnsafeRawBufferPointer(start: base + lo, count: hi - lo)
    }

    static func string(_ b: UnsafeRawBufferPointer) -> String { String(decoding: b, as: UTF8.self) }

    /// Runs a byte-level coercion on a String (tests, option values).
    static func with<T>(_ text: String, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        var s = text
        return try s.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { (c >= 65 && c <= 90) ? c | 0x20 : c }

    /// Case-insensitive ASCII comparison with a lower-case word.
    static func equalsLower(_ b: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        guard b.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<b.count where lower(b[i]) != w[i] { return false }
        return true
    }

    /// The value quoted for a reason, shortened if it is long.
    static func quoted(_ b: UnsafeRawBufferPointer) -> String {
        quoted(string(b))
    }

    static func quoted(_ s: String) -> String {
        let shown = s.count > 60 ? String(s.prefix(57)) + "..." : s
        return "\"" + shown + "\""
    }

    /// A plain decimal: digits, optionally thousands-separated, optionally with a fraction.
    /// Returns the digits as an integer and how many of them follow the point.
    struct Decimal {
        var mantissa: Int64
        var scale: Int
        var negative: Bool
    }

    enum DecimalFailure { case empty, notANumber, misplacedComma, tooLong }

    /// Parses `[-+]digits[,ddd...][.digits]` from `b[i..<end]`, consuming all of it.
    static func decimal(_ b: UnsafeRawBufferPointer, from i: Int = 0, allowSign: Bool = true) -> Result<Decimal, DecimalFailureBox> {
        var i = i
        let end = b.count
        var negative = false
        if allowSign, i < end, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: Int64 = 0
        var digits = 0, scale = 0
        var sawComma = false, groupDigits = 0, firstGroup = true
        var inFraction = false
        while i < end {
            let c = b[i]
            if isDigit(c) {
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(Int64(c &- 48))
                if o1 || o2 { return .failure(DecimalFailureBox(.tooLong)) }
                mantissa = m2
                digits += 1
                if inFraction { scale += 1 } else { groupDigits += 1 }
            } else if c == UInt8(ascii: ",") && !inFraction {
                if groupDigits == 0 || (firstGroup && groupDigits > 3) || (!firstGroup && groupDigits != 3) {
                    return .failure(DecimalFailureBox(.misplacedComma))
                }
                sawComma = true
                firstGroup = false
                groupDigits = 0
            } else if c == UInt8(ascii: ".") && !inFraction {
                if sawComma && groupDigits != 3 { return .failure(DecimalFailureBox(.misplacedComma)) }
                inFraction = true
            } else {
                return .failure(DecimalFailureBox(.notANumber))
            }
            i += 1
        }
        if digits == 0 { return .failure(DecimalFailureBox(.notANumber)) }
        if !inFraction && sawComma && groupDigits != 3 { return .failure(DecimalFailureBox(.misplacedComma)) }
        if !inFraction && digits == 0 { return .failure(DecimalFailureBox(.empty)) }
        return .success(Decimal(mantissa: mantissa, scale: scale, negative: negative))
    }

    struct DecimalFailureBox: Error {
        let failure: DecimalFailure
        init(_ f: DecimalFailure) { failure = f }
    }

    static let powersOfTen: [Double] = (0...22).map { n in (0..<n).reduce(1.0) { r, _ in r * 10 } }

    /// mantissa / 10^scale, correctly rounded (one division of two exact doubles).
    static func double(_ d: Decimal) -> Double {
        let v: Double
        if d.mantissa < (1 << 53) && d.scale <= 22 {
            v = Double(d.mantissa) / powersOfTen[d.scale]
        } else {
            v = Double("\(d.mantissa)e-\(d.scale)") ?? Double(d.mantissa) / pow10(d.scale)
        }
        return d.negative ? -v : v
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
}
