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
        let offset = Int(days)
        // Days since 1 Jan 1900 in the proleptic Gregorian calendar.
        let sinceEpoch: Int
        if date1904 {
            sinceEpoch = offset + 1460
        } else if offset == 60 {
            return .failure(CoercionError("29/02/1900 (serial 60) does not exist: Excel's 1900 date system counts a leap day 1900 never had"))
        } else if offset == 0 {
            return .failure(CoercionError("serial 0 is Excel's \"0 January 1900\", not a date"))
        } else {
            sinceEpoch = offset < 60 ? offset - 1 : offset - 2
        }
        let (year, month, day) = date(daysSince1900: sinceEpoch)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        if withTime && seconds > 0 { text += " " + clock(Int(seconds)) }
        return .success(text)
    }

    /// The date `days` after 1 Jan 1900: whole years first (from an estimate that is never
    /// too late), then whole months.
    static func date(daysSince1900 days: Int) -> (Int, Int, Int) {
        var year = 1900 + days / 366
        while daysBefore(year + 1) <= days { year += 1 }
        var rest = days - daysBefore(year)
        var month = 1
        while rest >= CalendarDate.days(inMonth: month, year: year) {
            rest -= CalendarDate.days(inMonth: month, year: year)
            month += 1
        }
        return (year, month, rest + 1)
    }

    /// Days from 1 Jan 1900 to 1 Jan `year`.
    private static func daysBefore(_ year: Int) -> Int {
        func leapYears(before y: Int) -> Int { (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400 }
        return 365 * (year - 1900) + leapYears(before: year) - leapYears(before: 1900)
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
