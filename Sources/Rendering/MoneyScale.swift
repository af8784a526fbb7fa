import SVWText

/// Money in a table too wide for the terminal: every amount of a column in one unit (£m,
/// £k or whole £), named once in the column's heading (`awarded £m` over `214.3`), so the
/// figures still line up and compare. Only the terminal's fitting uses it, and only when
/// the exact amounts would cost a column; csv, json, reports and files keep exact pence.
enum MoneyScale: Equatable {
    case millions, thousands, pounds

    /// The unit that suits a column's largest amount: £m from £1m, £k from £1k.
    static func fitting(_ pence: [Int64]) -> MoneyScale {
        let largest = pence.map(\.magnitude).max() ?? 0
        if largest >= 1_000_000_00 { return .millions }
        if largest >= 1_000_00 { return .thousands }
        return .pounds
    }

    /// What the heading adds: `£m`, `£k` or `£`.
    var unit: String {
        switch self {
        case .millions: return "£m"
        case .thousands: return "£k"
        case .pounds: return "£"
        }
    }

    /// The amount in this unit, rounded half away from zero in integers: `214.3` (£m,
    /// one decimal), `847` (£k), `1,204` (£).
    func text(_ pence: Int64) -> String {
        let sign = pence < 0 ? "-" : ""
        let p = pence.magnitude
        switch self {
        case .millions:
            let tenths = (p + 5_000_000) / 10_000_000
            return sign + NumberText.grouped(tenths / 10) + "." + String(tenths % 10)
        case .thousands:
            return sign + NumberText.grouped((p + 50_000) / 100_000)
        case .pounds:
            return sign + NumberText.grouped((p + 50) / 100)
        }
    }
}
