import SVWDatabase

/// How one value reads in text output, honouring its column's kind.
public enum CellText {
    /// Human text: £ with separators for money, one decimal for percentages.
    public static func display(_ value: SQLValue, kind: ColumnKind, null: String = "NULL") -> String {
        switch (value, kind) {
        case (.null, _): return null
        case (_, .money):
            guard let pence = value.int64 else { return value.string ?? null }
            return pounds(pence, grouped: true, symbol: true)
        case (_, .percent):
            guard let d = value.double else { return value.string ?? null }
            return oneDecimal(d) + "%"
        default: return value.string ?? null
        }
    }

    /// Machine text (csv, json): money as pounds with two decimals, no symbol or separators.
    public static func plain(_ value: SQLValue, kind: ColumnKind) -> String {
        switch (value, kind) {
        case (.null, _): return ""
        case (_, .money):
            guard let pence = value.int64 else { return value.string ?? "" }
            return pounds(pence, grouped: false, symbol: false)
        case (_, .percent):
            guard let d = value.double else { return value.string ?? "" }
            return oneDecimal(d)
        default: return value.string ?? ""
        }
    }

    /// Exact pounds from integer pence: no binary floating point on the way.
    public static func pounds(_ pence: Int64, grouped: Bool, symbol: Bool) -> String {
        let negative = pence < 0
        let magnitude = pence.magnitude
        let whole = String(magnitude / 100)
        let fraction = magnitude % 100
        var digits = whole
        if grouped {
            var out = ""
            for (i, ch) in whole.enumerated() {
                if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            digits = out
        }
        let cents = fraction < 10 ? "0\(fraction)" : "\(fraction)"
        return (negative ? "-" : "") + (symbol ? "£" : "") + digits + "." + cents
    }

    public static func oneDecimal(_ d: Double) -> String {
        let tenths = (d * 10).rounded()
        let negative = tenths < 0
        let m = Int64(abs(tenths))
        return (negative ? "-" : "") + "\(m / 10).\(m % 10)"
    }
}
