/// A calendar date read from the ways UK spreadsheets write one, checked against the
/// real calendar, and stored as ISO `2021-03-31`.
///
/// Accepted: `2021-03-31` (optionally with a time, which is dropped), `2021/03/31`,
/// `31/03/2021`, `31-03-2021`, `31.03.2021` (day first, as in the UK), `31-Mar-2021`,
/// `31 March 2021`. Two-digit years are refused rather than guessed.
public struct CalendarDate: Equatable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public static let yearRange = 1900...2199

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2021-03-31`
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The ISO form as bytes on the stack, for binding without building a String.
    public func withISOBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { out in
            var y = year
            for i in stride(from: 3, through: 0, by: -1) { out[i] = UInt8(48 + y % 10); y /= 10 }
            out[4] = UInt8(ascii: "-")
            out[5] = UInt8(48 + month / 10); out[6] = UInt8(48 + month % 10)
            out[7] = UInt8(ascii: "-")
            out[8] = UInt8(48 + day / 10); out[9] = UInt8(48 + day % 10)
            return try body(UnsafeRawBufferPointer(out))
        }
    }

    /// The calendar year its UK financial year (1 April to 31 March) starts in: 2020 for 2021-03-31.
    public var financialYearStart: Int { month < 4 ? year - 1 : year }

    /// Its UK financial year as the workspace writes it (`2020/21`): the same text as
    /// `Schema.financialYear(of:)` computes in SQL, on the stack, for binding without a String.
    public func withFinancialYearBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 7) { out in
            var y = financialYearStart
            let next = (y + 1) % 100
            for i in stride(from: 3, through: 0, by: -1) { out[i] = UInt8(48 + y % 10); y /= 10 }
            out[4] = UInt8(ascii: "/")
            out[5] = UInt8(48 + next / 10); out[6] = UInt8(48 + next % 10)
            return try body(UnsafeRawBufferPointer(out))
        }
    }

    /// `2020/21` (see `withFinancialYearBytes`).
    public var financialYear: String { withFinancialYearBytes { String(decoding: $0, as: UTF8.self) } }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    public static func parse(_ raw: UnsafeRawBufferPointer) throws -> CalendarDate {
        let b = Bytes.trimmed(raw)
        var i = 0
        let n = b.count
        func notADate() -> CoercionError {
            CoercionError("not a date: \(Bytes.quoted(b)) (expected 31/03/2021, 2021-03-31 or 31-Mar-2021)")
        }
        /// Reads a run of digits; returns its value and length.
        func digits() -> (value: Int, count: Int) {
            var v = 0, c = 0
            while i < n, Bytes.isDigit(b[i]), c < 9 { v = v * 10 + Int(b[i] &- 48); i += 1; c += 1 }
            return (v, c)
        }
        func isSeparator(_ c: UInt8) -> Bool {
            c == UInt8(ascii: "/") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == Bytes.space
        }
        /// One separator (or a run of spaces, for `31 March 2021`); returns it.
        func separator() -> UInt8? {
            guard i < n, isSeparator(b[i]) else { return nil }
            let c = b[i]
            i += 1
            if c == Bytes.space { while i < n && b[i] == Bytes.space { i += 1 } }
            return c
        }

        let year: Int, month: Int, day: Int
        let first = digits()
        if first.count == 4 {
            // Year first: 2021-03-31, 2021/03/31, optionally followed by a time of day.
            year = first.value
            guard let s1 = separator(), s1 != Bytes.space else { throw notADate() }
            let m = digits()
            guard (1...2).contains(m.count), separator() == s1 else { throw notADate() }
            let d = digits()
            guard (1...2).contains(d.count) else { throw notADate() }
            if i < n {
                guard b[i] == UInt8(ascii: "T") || b[i] == Bytes.space else { throw notADate() }
                i += 1
                let hh = digits()
                guard hh.count == 2, i < n, b[i] == UInt8(ascii: ":") else { throw notADate() }
                while i < n, Bytes.isDigit(b[i]) || b[i] == UInt8(ascii: ":") || b[i] == UInt8(ascii: ".")
                        || b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
                guard i == n else { throw notADate() }
            }
            (month, day) = (m.value, d.value)
        } else {
            // Day first: 31/03/2021, 31-Mar-2021, 31 March 2021.
            guard (1...2).contains(first.count), let s1 = separator() else { throw notADate() }
            day = first.value
            let m = digits()
            if m.count > 0 {
                guard m.count <= 2 else { throw notADate() }
                month = m.value
            } else {
                let wordStart = i
                while i < n, (b[i] | 0x20) >= UInt8(ascii: "a"), (b[i] | 0x20) <= UInt8(ascii: "z") { i += 1 }
                let word = Bytes.string(UnsafeRawBufferPointer(rebasing: b[wordStart..<i]))
                guard let number = monthNumber(Substring(word)) else { throw notADate() }
                month = number
                if i < n && b[i] == UInt8(ascii: ".") && s1 != UInt8(ascii: ".") { i += 1 }   // 31 Mar. 2021
            }
            guard let s2 = separator(), s2 == s1 else { throw notADate() }
            let y = digits()
            guard i == n else { throw notADate() }
            if y.count == 2 {
                throw CoercionError("two-digit year in \(Bytes.quoted(b)): write the year in full (31/03/2021)")
            }
            guard y.count == 4 else { throw notADate() }
            year = y.value
        }
        guard (1...12).contains(month) else {
            throw CoercionError("\(Bytes.quoted(b)) is not a real date (there is no month \(month); dates are read day first, 31/03/2021)")
        }
        guard yearRange.contains(year) else {
            throw CoercionError("\(Bytes.quoted(b)): year \(year) is out of range (\(yearRange.lowerBound)–\(yearRange.upperBound))")
        }
        let limit = days(inMonth: month, year: year)
        guard day >= 1 && day <= limit else {
            throw CoercionError("\(Bytes.quoted(b)) is not a real date (\(monthNames[month - 1]) \(year) has \(limit) days)")
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    public static func parse(_ text: String) throws -> CalendarDate {
        try Bytes.with(text) { try parse($0) }
    }

    /// Whether `b` is exactly an ISO date `YYYY-MM-DD` naming a real day (for `load table`).
    static func isISODate(_ b: UnsafeRawBufferPointer) -> Bool {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return false }
        var y = 0, m = 0, d = 0
        for i in [0, 1, 2, 3] { guard Bytes.isDigit(b[i]) else { return false }; y = y * 10 + Int(b[i] - 48) }
        for i in [5, 6] { guard Bytes.isDigit(b[i]) else { return false }; m = m * 10 + Int(b[i] - 48) }
        for i in [8, 9] { guard Bytes.isDigit(b[i]) else { return false }; d = d * 10 + Int(b[i] - 48) }
        return (1...12).contains(m) && d >= 1 && d <= days(inMonth: m, year: y)
    }

    private static func monthNumber(_ word: Substring) -> Int? {
        let w = word.lowercased()
        guard w.count >= 3 else { return nil }
        if w == "sept" { return 9 }
        for (i, name) in monthNames.enumerated() {
            let n = name.lowercased()
            if w == n || w == n.prefix(3) { return i + 1 }
        }
        return nil
    }
}
