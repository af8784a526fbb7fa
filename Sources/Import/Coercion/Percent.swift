/// Percentages as 0–100: `20%`, `20`, `12.5 %`; and `0.2` (= 20%) only when the
/// column is declared to hold fractions, because a bare `0.2` could mean either.
public enum Percent {
    /// - Parameters:
    ///   - fraction: the column holds fractions of 1 (`--fraction FIELD`); values written with `%` are still read as percent.
    ///   - field: the field name, for the hint in a reason.
    public static func value(_ raw: UnsafeRawBufferPointer, fraction: Bool, field: String) throws -> Double {
        let b = Bytes.trimmed(raw)
        guard let base = b.baseAddress, b.count > 0 else { throw CoercionError("empty percentage") }
        var hi = b.count
        var hasPercent = false
        if b[hi - 1] == UInt8(ascii: "%") {
            hasPercent = true
            hi -= 1
            while hi > 0 && (b[hi - 1] == Bytes.space || b[hi - 1] == Bytes.tab) { hi -= 1 }
        }
        let body = UnsafeRawBufferPointer(start: base, count: hi)
        guard case .success(let d) = Bytes.decimal(body) else {
            throw CoercionError("not a percentage: \(Bytes.quoted(b)) (expected like 20% or 20)")
        }
        if d.negative && d.mantissa != 0 { throw CoercionError("\(Bytes.quoted(b)) is negative") }
        let percent: Double
        if hasPercent {
            percent = Bytes.double(Bytes.Decimal(mantissa: d.mantissa, scale: d.scale, negative: false))
        } else if fraction {
            // value × 100, done on the decimal digits so 0.2 gives exactly 20.
            let asFraction = Bytes.double(Bytes.Decimal(mantissa: d.mantissa, scale: d.scale, negative: false))
            guard asFraction <= 1 else {
                throw CoercionError("\(Bytes.quoted(b)) is not a fraction between 0 and 1 (the column is declared --fraction \(field))")
            }
            if d.scale >= 2 {
                percent = Bytes.double(Bytes.Decimal(mantissa: d.mantissa, scale: d.scale - 2, negative: false))
            } else {
                percent = Double(d.mantissa) * (d.scale == 1 ? 10 : 100)
            }
        } else {
            percent = Bytes.double(Bytes.Decimal(mantissa: d.mantissa, scale: d.scale, negative: false))
            if percent > 0 && percent < 1 {
                throw CoercionError("\(Bytes.quoted(b)) looks like a fraction: load with --fraction \(field) if the column holds fractions (0.2 = 20%), or write \(Bytes.quoted(Bytes.string(b) + "%"))")
            }
        }
        if percent > 100 { throw CoercionError("\(Bytes.quoted(b)) is over 100%") }
        return percent
    }

    public static func value(_ text: String, fraction: Bool, field: String) throws -> Double {
        try Bytes.with(text) { try value($0, fraction: fraction, field: field) }
    }

    /// A share of 1 (0–1), as in the postcode districts table: `0.5796`, or `57.96%`.
    public static func share(_ raw: UnsafeRawBufferPointer) throws -> Double {
        let b = Bytes.trimmed(raw)
        guard let base = b.baseAddress, b.count > 0 else { throw CoercionError("empty share") }
        var hi = b.count
        var hasPercent = false
        if b[hi - 1] == UInt8(ascii: "%") { hasPercent = true; hi -= 1 }
        guard case .success(let d) = Bytes.decimal(UnsafeRawBufferPointer(start: base, count: hi)), !d.negative || d.mantissa == 0 else {
            throw CoercionError("not a share between 0 and 1: \(Bytes.quoted(b))")
        }
        let value = hasPercent ? Bytes.double(Bytes.Decimal(mantissa: d.mantissa, scale: d.scale + 2, negative: false))
                               : Bytes.double(Bytes.Decimal(mantissa: d.mantissa, scale: d.scale, negative: false))
        guard value <= 1 else { throw CoercionError("\(Bytes.quoted(b)) is not a share between 0 and 1") }
        return value
    }
}
