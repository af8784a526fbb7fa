import Foundation
import SVWDatabase

/// Plain aligned columns; numbers right-aligned. (Box drawing, markdown, line mode,
/// width fitting and truncation are the REPL issue's.)
enum TextTableRenderer {
    static func render(_ result: ResultSet, options: RenderOptions) -> String {
        let cells = result.rows.map { row in row.enumerated().map { CellText.display($1, kind: result.kinds[$0]) } }
        var widths = result.columns.map { $0.count }
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        let numeric = result.columns.indices.map { i in
            result.kinds[i] != .plain || (!result.rows.isEmpty && result.rows.allSatisfy {
                switch $0[i] { case .integer, .real, .null: return true; default: return false }
            })
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { i, v in
                let pad = String(repeating: " ", count: widths[i] - v.count)
                return numeric[i] ? pad + v : v + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        var out = ""
        if options.showHeaders {
            out += line(result.columns)
            out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        }
        for row in cells { out += line(row) }
        return out
    }
}
