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
        let field: (String, Bool) -> String = separator == "\t"
            ? { text, _ in tsvEscape(text) }
            : { text, isNull in isNull ? "" : csvQuote(text, separator) }
        let joiner = String(separator)
        var out = ""
        if options.showHeaders {
            out += result.columns.map { field($0, false) }.joined(separator: joiner) + "\n"
        }
        for (n, row) in result.rows.enumerated() {
            if options.cancellation?.stops(at: n) == true { break }
            out += row.enumerated().map { i, value in
                field(CellText.plain(value, kind: result.kinds[i]), value.isNull)
            }.joined(separator: joiner) + "\n"
        }
        return out
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
