import SVWText

/// Money as spreadsheets write it — `£1,250,000.00`, `1250000`, `(1,000)`, `-£5.00`,
/// `GBP 12.50` — read into integer pence exactly: the digits are parsed, never
/// passed through a Double.
public enum MoneyParser {
    public static func pence(_ raw: UnsafeRawBufferPointer) throws -> Int64 {
        let b = Bytes.trimmed(raw)
        guard let base = b.baseAddress, b.count > 0 else { throw CoercionError("empty money amount") }
        var prefix = Prefix(b, hi: b.count)
        var bracketed = false
        if b[0] == UInt8(ascii: "(") {
            guard b[b.count - 1] == UInt8(ascii: ")") else { throw notMoney(b) }
            bracketed = true
            prefix = Prefix(b, lo: 1, hi: b.count - 1, negative: true)
        }
        prefix.skipSpaces()
        let signed = prefix.takeSign()
        if bracketed && signed { throw CoercionError("\(Bytes.quoted(b)) has both brackets and a sign") }
        prefix.skipSpaces()
        if try prefix.takeCurrency() {
            prefix.skipSpaces()
            if !signed && prefix.takeSign() {
                if bracketed { throw CoercionError("\(Bytes.quoted(b)) has both brackets and a sign") }
                prefix.skipSpaces()
            }
        }
        let (lo, hi, negative) = (prefix.lo, prefix.hi, prefix.negative)
        let body = UnsafeRawBufferPointer(start: base + lo, count: hi - lo)
        switch Bytes.decimal(body, allowSign: false) {
        case .failure(let box):
            switch box.failure {
            case .misplacedComma: throw CoercionError("\(Bytes.quoted(b)) has a misplaced thousands separator")
            case .tooLong: throw CoercionError("\(Bytes.quoted(b)) is too large")
            case .empty, .notANumber: throw notMoney(b)
            }
        case .success(let d):
            var mantissa = d.mantissa
            var scale = d.scale
            // Trailing zeros past the pennies carry no value (`12.500`); other digits there would be lost.
            while scale > 2 && mantissa % 10 == 0 { mantissa /= 10; scale -= 1 }
            if scale > 2 { throw CoercionError("\(Bytes.quoted(b)) has fractions of a penny (more than 2 decimal places)") }
            let factor: Int64 = scale == 0 ? 100 : (scale == 1 ? 10 : 1)
            let (pence, overflow) = mantissa.multipliedReportingOverflow(by: factor)
            if overflow { throw CoercionError("\(Bytes.quoted(b)) is too large") }
            return negative ? -pence : pence
        }
    }

    /// What comes before a money amount's digits: spaces, a sign, a currency. A value type
    /// with mutating steps, not local functions capturing `lo`: those captures were checked
    /// for exclusive access at run time on every step: 6% of a contracts load's reading thread.
    private struct Prefix {
        let b: UnsafeRawBufferPointer
        var lo = 0
        let hi: Int
        var negative = false

        init(_ b: UnsafeRawBufferPointer, lo: Int = 0, hi: Int, negative: Bool = false) {
            self.b = b
            self.lo = lo
            self.hi = hi
            self.negative = negative
        }

        mutating func skipSpaces() { while lo < hi && (b[lo] == Bytes.space || b[lo] == Bytes.tab) { lo += 1 } }

        mutating func takeSign() -> Bool {
            guard lo < hi, b[lo] == UInt8(ascii: "-") || b[lo] == UInt8(ascii: "+") else { return false }
            if b[lo] == UInt8(ascii: "-") { negative = true }
            lo += 1
            return true
        }

        mutating func takeCurrency() throws -> Bool {
            if lo + 1 < hi && b[lo] == 0xC2 && b[lo + 1] == 0xA3 { lo += 2; return true }      // £ in UTF-8
            if lo < hi && b[lo] == 0xA3 { lo += 1; return true }                                // £ in Windows-1252
            if lo + 2 < hi, Bytes.lower(b[lo]) == UInt8(ascii: "g"), Bytes.lower(b[lo + 1]) == UInt8(ascii: "b"),
               Bytes.lower(b[lo + 2]) == UInt8(ascii: "p") { lo += 3; return true }
            if lo < hi, b[lo] == UInt8(ascii: "$") || (lo + 2 < hi && b[lo] == 0xE2 && b[lo + 1] == 0x82 && b[lo + 2] == 0xAC) {
                throw CoercionError("\(Bytes.quoted(b)) is not in pounds (£)")
            }
            return false
        }
    }

    /// A column headed in pence (`value_pence`, `Proxy pence`: how svw's own tables and
    /// exports hold money) is a whole number of pence — `1444107`, `-250`, `1,444,107` —
    /// never pounds, so a reloaded export cannot come back 100 times too big.
    public static func wholePence(_ raw: UnsafeRawBufferPointer) throws -> Int64 {
        let b = Bytes.trimmed(raw)
        guard b.count > 0 else { throw CoercionError("empty money amount") }
        switch Bytes.decimal(b, allowSign: true) {
        case .failure(let box):
            switch box.failure {
            case .misplacedComma: throw CoercionError("\(Bytes.quoted(b)) has a misplaced thousands separator")
            case .tooLong: throw CoercionError("\(Bytes.quoted(b)) is too large")
            case .empty, .notANumber:
                throw CoercionError("not a whole number of pence: \(Bytes.quoted(b)) (the column is headed in pence, so it holds pence, without £)")
            }
        case .success(let d):
            var mantissa = d.mantissa
            var scale = d.scale
            while scale > 0 && mantissa % 10 == 0 { mantissa /= 10; scale -= 1 }
            if scale > 0 { throw CoercionError("\(Bytes.quoted(b)) has fractions of a penny (the column is headed in pence)") }
            return d.negative ? -mantissa : mantissa
        }
    }

    /// A workbook number cell in pounds: a double, so `1250.1` may be stored as
    /// `1250.0999999999999`. Digits past the penny that are within a hundredth of a penny
    /// of a whole penny are float noise and round away (on the decimal digits, so with no
    /// drift); a real fraction of a penny (`1250.125`) is still refused.
    public static func penceRoundingFloatNoise(_ raw: UnsafeRawBufferPointer) throws -> Int64 {
        let b = Bytes.trimmed(raw)
        guard case .success(let d) = Bytes.decimal(b, allowSign: true), d.scale > 2, d.scale <= 18 else { return try pence(raw) }
        var divisor: Int64 = 1
        for _ in 0..<(d.scale - 2) { divisor *= 10 }
        let whole = d.mantissa / divisor, rest = d.mantissa % divisor
        let up = rest * 2 >= divisor
        let distance = up ? divisor - rest : rest
        guard distance * 100 <= divisor else {
            throw CoercionError("\(Bytes.quoted(b)) has fractions of a penny (more than 2 decimal places)")
        }
        let pence = whole + (up ? 1 : 0)
        return d.negative ? -pence : pence
    }

    public static func wholePence(_ text: String) throws -> Int64 {
        try Bytes.with(text) { try wholePence($0) }
    }

    public static func pence(_ text: String) throws -> Int64 {
        try Bytes.with(text) { try pence($0) }
    }

    /// Pence as pounds for messages: 125000000 → "£1,250,000.00".
    public static func text(pence: Int64) -> String {
        let m = pence.magnitude
        let fraction = m % 100
        return (pence < 0 ? "-£" : "£") + NumberText.grouped(Int(m / 100)) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    private static func notMoney(_ b: UnsafeRawBufferPointer) -> CoercionError {
        CoercionError("not a money amount: \(Bytes.quoted(b)) (expected like £1,250,000.00)")
    }
}
