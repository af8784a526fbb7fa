/// What `load table` learns about one column from every value in it, and the type it
/// then chooses — with the reason the load receipt gives.
///
/// Money becomes integer pence in a column named `…_pence` (so `sum()` is exact to the
/// penny and nobody takes it for pounds); percentages become numbers 0–100 in a column
/// named `…_pct`. Codes with leading zeros stay text.
struct ColumnProfile {
    private(set) var base = ColumnType.empty
    /// Every value reads as money (£, separators, brackets, at most two decimals).
    private var allMoney = true
    /// Some value is written the way only money is (£, thousands separators, brackets).
    private var moneyMarks = false
    /// Every value is a number ending in %.
    private var allPercent = true
    /// The first value that made the column text, for the reason.
    private(set) var firstText: String?

    /// Takes in one value; `isNumberCell` for workbook number cells (float noise rounds away as money).
    mutating func add(_ b: UnsafeRawBufferPointer, isNumberCell: Bool) {
        let type = ColumnType.of(b)
        if type == .empty { return }
        if type == .text && base != .text && firstText == nil { firstText = String(decoding: b.prefix(40), as: UTF8.self) }
        base = base.merged(with: type)
        if allMoney {
            let reads = isNumberCell ? (try? MoneyParser.penceRoundingFloatNoise(b)) != nil : (try? MoneyParser.pence(b)) != nil
            if !reads { allMoney = false }
            else if !moneyMarks && b.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "(") || $0 == 0xA3 || $0 == UInt8(ascii: "p") || $0 == UInt8(ascii: "P") }) {
                moneyMarks = true
            }
        }
        if allPercent && !(b.last == UInt8(ascii: "%") && (try? Percent.value(b, fraction: false, field: "")) != nil) { allPercent = false }
    }

    /// Headers that name an amount of money: a decimal column under one is money.
    static func namesMoney(_ header: String) -> Bool {
        let lower = header.lowercased()
        return lower.contains("£") || ["value", "amount", "cost", "price", "spend", "total", "paid", "budget", "gbp", "pounds", "fee"]
            .contains { lower.contains($0) }
    }

    /// The column's type and why, given its header.
    func choice(header: String) -> (type: TableColumnType, why: String) {
        if base == .empty { return (.text, "all empty") }
        if allPercent { return (.percent, "percentages, stored as numbers (20% → 20)") }
        if allMoney && (moneyMarks || (base == .real && ColumnProfile.namesMoney(header))) {
            return (.money, "money, stored as whole pence so sums are exact (£1,250.50 → 125050; pounds: /100.0)")
        }
        switch base {
        case .integer: return (.integer, "whole numbers")
        case .real: return (.real, "decimal numbers")
        case .date: return (.date, "dates, stored as ISO text (YYYY-MM-DD)")
        default:
            if let firstText, firstText.count > 1, firstText.hasPrefix("0"), firstText.allSatisfy(\.isNumber) {
                return (.text, "text (\"\(firstText)\": a code with leading zeros, kept as written)")
            }
            if let firstText { return (.text, "text (\"\(firstText)\" is not a number or date)") }
            return (.text, "text")
        }
    }
}

/// The types a `load table` column can be given, by inference or `--types col=TYPE`.
enum TableColumnType: String, CaseIterable {
    case text, integer, real, money, percent, date

    var sqlType: String {
        switch self {
        case .integer, .money: return "INTEGER"
        case .real, .percent: return "REAL"
        case .text, .date: return "TEXT"
        }
    }

    /// The suffix the column's name gets, so the unit cannot be mistaken.
    var nameSuffix: String? {
        switch self {
        case .money: return "_pence"
        case .percent: return "_pct"
        default: return nil
        }
    }
}
