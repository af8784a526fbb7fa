import Foundation
import SVWDatabase

/// RFC 4180 CSV (and TSV): quotes only where needed, CRLF-free, NULL as empty.
enum DelimitedRenderer {
    static func render(_ result: ResultSet, separator: Character, options: RenderOptions) -> String {
        var out = ""
        if options.showHeaders {
            out += result.columns.map { quote($0, separator) }.joined(separator: String(separator)) + "\n"
        }
        for row in result.rows {
            out += row.enumerated().map { i, v in
                quote(CellText.plain(v, kind: result.kinds[i]), separator)
            }.joined(separator: String(separator)) + "\n"
        }
        return out
    }

    static func quote(_ s: String, _ separator: Character) -> String {
        guard s.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
