import Foundation

/// Spreadsheet numbers as text: dates from serial day numbers, and numbers written
/// plainly (never `1e+16`) in the shortest form that reads back to the same double.
enum ExcelSerial {
    /// A date serial in the workbook's date system as `YYYY-MM-DD` (with ` HH:MM:SS`
    /// when it has a time of day), or a reason it is not a date.
    ///
    /// In the 1900 system serial 1 is 1 Jan 1900 and serial 60 is 29 Feb 1900, a day
    /// that never was (Lotus 1-2-3 treated 1900 as a leap year and Excel kept it), so
    /// serials from 61 count from 30 Dec 1899. The 1904 system counts from 1 Jan 1904.
    static func dateText(_ serial: Double, date1904: Bool, withTime: Bool) -> Result<String, CoercionError> {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else {
            return .failure(CoercionError("\(plain(serial)) is not a date serial number"))
        }
        var days = serial.rounded(.down)
        var seconds = ((serial - days) * 86_400).rounded()
        if seconds >= 86_400 { days += 1; seconds = 0 }
        let base: (Int, Int, Int)
        let offset = Int(days)
        if date1904 {
            base = (1904, 1, 1)
        } else if offset == 60 {
            return .failure(CoercionError("29/02/1900 (serial 60) does not exist: Excel's 1900 date system counts a leap day 1900 never had"))
        } else if offset == 0 {
            return .failure(CoercionError("serial 0 is Excel's \"0 January 1900\", not a date"))
        } else if offset < 60 {
            base = (1899, 12, 31)
        } else {
            base = (1899, 12, 30)
        }
        let (year, month, day) = civil(fromDays: daysFromCivil(base) + offset)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        if withTime && seconds > 0 { text += " " + clock(Int(seconds)) }
        return .success(text)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ date: (Int, Int, Int)) -> Int {
        let (y0, m, d) = date
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// A time-of-day serial (the fraction of a day) as `HH:MM:SS`.
    static func timeText(_ serial: Double) -> String {
        let fraction = serial - serial.rounded(.down)
        return clock(Int((fraction * 86_400).rounded()) % 86_400)
    }

    private static func clock(_ s: Int) -> String { pad(s / 3600, 2) + ":" + pad(s / 60 % 60, 2) + ":" + pad(s % 60, 2) }

    /// `n` in decimal, zero-padded to `width` digits (String(format:) is slow per cell).
    private static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The shortest decimal that reads back as `value`, without an exponent.
    static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == 0 { return "0" }
        var text = "\(value)"
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let exponent = Int(text[text.index(after: e)...]) ?? 0
            let negative = text.hasPrefix("-")
            let mantissa = text[..<e].replacingOccurrences(of: "-", with: "")
            let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
            let whole = String(parts[0])
            let fraction = parts.count > 1 ? String(parts[1]) : ""
            let digits = whole + fraction
            let point = whole.count + exponent
            if point <= 0 {
                text = "0." + String(repeating: "0", count: -point) + digits
            } else if point >= digits.count {
                text = digits + String(repeating: "0", count: point - digits.count)
            } else {
                let i = digits.index(digits.startIndex, offsetBy: point)
                text = digits[..<i] + "." + digits[i...]
            }
            if negative { text = "-" + text }
        }
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// `value` × 100 as plain text, done on the decimal digits so 0.2 gives exactly 20.
    static func percentText(_ value: Double) -> String {
        var text = plain(value)
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 { parts.append("") }
        var fraction = parts[1] + "00"
        let whole = parts[0] + fraction.prefix(2)
        fraction = String(fraction.dropFirst(2))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        var wholeTrimmed = String(whole.drop(while: { $0 == "0" }))
        if wholeTrimmed.isEmpty { wholeTrimmed = "0" }
        return (negative ? "-" : "") + wholeTrimmed + (fraction.isEmpty ? "" : "." + fraction) + "%"
    }
}
