import SVWDatabase
import SVWText

/// How one value reads in text output, honouring its column's kind.
public enum CellText {
    /// Human text: £ with separators for money, one decimal for percentages, counts grouped.
    public static func display(_ value: SQLValue, kind: ColumnKind, null: String = "NULL") -> String {
        switch (value, kind) {
        case (.null, _): return null
        case (_, .money):
            guard let pence = value.int64 else { return value.string ?? null }
            return pounds(pence, grouped: true, symbol: true)
        case (_, .percent):
            guard let d = value.double else { return value.string ?? null }
            return NumberText.oneDecimal(d) + "%"
        case (.integer(let n), .count): return NumberText.grouped(n)
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
            return NumberText.oneDecimal(d)
        default: return value.string ?? ""
        }
    }

    /// Exact pounds from integer pence: no binary floating point on the way.
    public static func pounds(_ pence: Int64, grouped: Bool, symbol: Bool) -> String {
        let negative = pence < 0
        let magnitude = pence.magnitude
        let whole = String(magnitude / 100)
        let fraction = magnitude % 100
        let digits = grouped ? NumberText.thousands(whole) : whole
        let cents = fraction < 10 ? "0\(fraction)" : "\(fraction)"
        return (negative ? "-" : "") + (symbol ? "£" : "") + digits + "." + cents
    }

    /// Whether text is an amount or a percentage already formatted for reading (SQL's
    /// printf('£%,d.%02d', …) or printf('%.1f%%', …)): `£1,234.56`, `-£3.00`, `28.0%`.
    /// Such text lines up on the right like the numbers it shows. Plain digit strings
    /// (company numbers, codes) are not taken for numbers: they need a £ or a %.
    public static func readsAsNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.hasPrefix("-") { rest = rest.dropFirst() }
        let pounds = rest.hasPrefix("£")
        if pounds { rest = rest.dropFirst() }
        if rest.hasPrefix("-") { rest = rest.dropFirst() }
        let percent = rest.hasSuffix("%")
        if percent { rest = rest.dropLast() }
        guard pounds != percent else { return false }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return false }
        if parts.count == 2 { guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return false } }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        return groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 })
    }

    /// Keeps a table cell on one line: control characters become visible escapes
    /// (`\n`, `\t`), as DuckDB shows them, so a stray newline cannot break the grid.
    public static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
