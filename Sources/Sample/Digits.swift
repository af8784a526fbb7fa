/// Number formatting straight into bytes: no allocation per field (millions of rows) and
/// independent of locale.
enum Digits {
    private static let powersOfTen: [UInt64] = (0..<20).map { exponent in
        (0..<exponent).reduce(UInt64(1)) { value, _ in value * 10 }
    }

    private static func digitCount(_ value: UInt64) -> Int {
        var count = 1
        while count < 20, value >= powersOfTen[count] { count += 1 }
        return count
    }

    /// Decimal digits of `value`, left-padded with zeros to `width`; a comma before each group
    /// of three when `grouped`. Digits are filled in from the right, in place.
    private static func appendUnsigned(_ value: UInt64, width: Int, grouped: Bool, to bytes: inout [UInt8]) {
        let count = digitCount(value)
        if count < width { bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - count)) }
        let separators = grouped ? (count - 1) / 3 : 0
        for _ in 0..<(count + separators) { bytes.append(UInt8(ascii: ",")) }
        var rest = value
        var position = bytes.count - 1
        var written = 0
        while true {
            bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            written += 1
            position -= 1
            if written == count { break }
            if grouped, written % 3 == 0 { position -= 1 }   // leave the comma
        }
    }

    static func append(_ value: Int, width: Int = 0, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendUnsigned(UInt64(value.magnitude), width: width, grouped: false, to: &bytes)
    }

    static func string(_ value: Int, width: Int = 0) -> String {
        var bytes: [UInt8] = []
        append(value, width: width, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `£1,250,000.00` from pence, as a spreadsheet shows money.
    static func appendMoney(pence: Int64, to bytes: inout [UInt8]) {
        if pence < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.append(0xC2)   // "£" in UTF-8
        bytes.append(0xA3)
        let magnitude = pence.magnitude
        appendUnsigned(magnitude / 100, width: 0, grouped: true, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendUnsigned(magnitude % 100, width: 2, grouped: false, to: &bytes)
    }

    static func money(pence: Int64) -> String {
        var bytes: [UInt8] = []
        appendMoney(pence: pence, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A decimal from an integer count of `1/scale` (scale 10 or 100), with no trailing zeros:
    /// 250 hundredths → `2.5`, 300 → `3`.
    static func appendDecimal(_ value: Int, scale: Int, to bytes: inout [UInt8]) {
        precondition(value >= 0 && (scale == 10 || scale == 100))
        append(value / scale, to: &bytes)
        var fraction = value % scale
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var width = scale == 100 ? 2 : 1
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        append(fraction, width: width, to: &bytes)
    }

    static func decimal(_ value: Int, scale: Int) -> String {
        var bytes: [UInt8] = []
        appendDecimal(value, scale: scale, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
