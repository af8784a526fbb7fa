import Foundation
import SVWDatabase

/// CSV (RFC 4180) and TSV, exactly machine-readable. Money is pounds with two
/// decimals, percentages one decimal, no symbols or separators.
///
/// CSV quotes a field only when it must (separator, quote, CR/LF, or leading or
/// trailing space); NULL is an empty field and an empty string is `""`, so the two
/// stay distinguishable. TSV cannot quote, so tab, newline, carriage return and
/// backslash are escaped as `\t`, `\n`, `\r`, `\\` (the PostgreSQL text convention);
/// NULL is an empty field.
enum DelimitedRenderer {
    static func render(_ result: ResultSet, separator: Character, options: RenderOptions) -> String {
        var out = options.showHeaders ? header(result.columns, separator: separator) : ""
        for (n, row) in result.rows.enumerated() {
            if options.cancellation?.stops(at: n) == true { break }
            out += line(row, kinds: result.kinds, separator: separator)
        }
        return out
    }

    /// The header line (column names), as `render` writes it.
    static func header(_ columns: [String], separator: Character) -> String {
        columns.map { field($0, isNull: false, separator: separator) }.joined(separator: String(separator)) + "\n"
    }

    /// One row's line, as `render` writes it (shared with `StreamingRenderer`).
    static func line(_ row: [SQLValue], kinds: [ColumnKind], separator: Character) -> String {
        row.enumerated().map { i, value in
            field(CellText.plain(value, kind: i < kinds.count ? kinds[i] : .plain), isNull: value.isNull, separator: separator)
        }.joined(separator: String(separator)) + "\n"
    }

    private static func field(_ text: String, isNull: Bool, separator: Character) -> String {
        separator == "\t" ? tsvEscape(text) : (isNull ? "" : csvQuote(text, separator))
    }

    static func csvQuote(_ s: String, _ separator: Character = ",") -> String {
        let needsQuotes = s.isEmpty || s.first == " " || s.last == " "
            || s.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func tsvEscape(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" }) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
