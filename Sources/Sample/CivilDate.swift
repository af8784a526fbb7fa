/// A calendar date as a day number, with the few operations the generator needs.
/// Pure integer arithmetic (Hinnant's civil-from-days), so no time zones or Foundation.
struct CivilDate: Comparable, Hashable {
    /// Days since 1970-01-01.
    let day: Int

    init(day: Int) { self.day = day }

    init(_ year: Int, _ month: Int, _ dayOfMonth: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + dayOfMonth - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        day = era * 146_097 + doe - 719_468
    }

    var components: (year: Int, month: Int, day: Int) {
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 0 = Sunday … 6 = Saturday.
    var weekday: Int { ((day + 4) % 7 + 7) % 7 }

    static func + (date: CivilDate, days: Int) -> CivilDate { CivilDate(day: date.day + days) }
    static func - (later: CivilDate, earlier: CivilDate) -> Int { later.day - earlier.day }
    static func < (a: CivilDate, b: CivilDate) -> Bool { a.day < b.day }

    /// The same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb).
    func addingMonths(_ months: Int) -> CivilDate {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let year = total / 12, month = total % 12 + 1
        return CivilDate(year, month, min(d, Self.daysIn(year: year, month: month)))
    }

    /// Moves a Saturday back to Friday and a Sunday on to Monday: awards happen on working days.
    var onWorkingDay: CivilDate {
        switch weekday {
        case 6: return self + -1
        case 0: return self + 1
        default: return self
        }
    }

    /// The latest quarter end (31 Mar, 30 Jun, 30 Sep, 31 Dec) on or before this date.
    var quarterEndOnOrBefore: CivilDate {
        let (y, m, d) = components
        let quarterEnds = [(3, 31), (6, 30), (9, 30), (12, 31)]
        for (month, last) in quarterEnds.reversed() where (m, d) >= (month, last) {
            return CivilDate(y, month, last)
        }
        return CivilDate(y - 1, 12, 31)
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `31/03/2021`, as spreadsheets export UK dates.
    func appendUK(to bytes: inout [UInt8]) {
        let (y, m, d) = components
        Digits.append(d, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "/"))
        Digits.append(m, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "/"))
        Digits.append(y, width: 4, to: &bytes)
    }

    var uk: String {
        var bytes: [UInt8] = []
        appendUK(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
