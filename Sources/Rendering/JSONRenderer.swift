import SVWDatabase

/// An array of objects, numbers as numbers, NULL as null, keys in column order.
enum JSONRenderer {
    static func render(_ result: ResultSet) -> String {
        if result.rows.isEmpty { return "[]\n" }
        var out = "["
        for (r, row) in result.rows.enumerated() {
            out += r == 0 ? "{" : ",\n{"
            for (i, value) in row.enumerated() {
                if i > 0 { out += "," }
                out += string(result.columns[i]) + ":" + json(value, kind: result.kinds[i])
            }
            out += "}"
        }
        return out + "]\n"
    }

    static func json(_ value: SQLValue, kind: ColumnKind) -> String {
        switch value {
        case .null: return "null"
        case .integer, .real:
            if kind == .plain, case .real(let d) = value, !d.isFinite { return "null" }
            return CellText.plain(value, kind: kind)
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
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
