import SVWDatabase

/// An array of objects, one per line: keys in column order, numbers as numbers
/// (money as pounds with two decimals, percentages to one decimal), NULL as null.
enum JSONRenderer {
    static func render(_ result: ResultSet, cancellation: RenderCancellation? = nil) -> String {
        if result.rows.isEmpty { return "[]\n" }
        var out = "["
        for (r, row) in result.rows.enumerated() {
            if cancellation?.stops(at: r) == true { break }
            out += (r == 0 ? "" : ",\n") + object(row, columns: result.columns, kinds: result.kinds)
        }
        return out + "]\n"
    }

    /// One row as a JSON object, as `render` writes it (shared with `StreamingRenderer`).
    static func object(_ row: [SQLValue], columns: [String], kinds: [ColumnKind]) -> String {
        var out = "{"
        for (i, value) in row.enumerated() {
            if i > 0 { out += "," }
            out += string(columns[i]) + ":" + json(value, kind: i < kinds.count ? kinds[i] : .plain)
        }
        return out + "}"
    }

    static func json(_ value: SQLValue, kind: ColumnKind) -> String {
        switch value {
        case .null: return "null"
        case .real(let d) where !d.isFinite: return "null"   // JSON has no NaN or Infinity
        case .integer, .real: return CellText.plain(value, kind: kind)
        case .text(let s): return string(s)
        case .blob: return string(value.string ?? "")
        }
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
