import SVWText

/// The two grid modes: `box` (line-drawing borders, as sqlite3 and DuckDB draw them)
/// and `table` (plain aligned columns under a dashed rule). Both fit the terminal
/// width and honour the row limit.
enum GridRenderer {
    enum Frame { case box, plain }

    static func render(_ model: TableModel, frame: Frame, options: RenderOptions) -> String {
        guard !model.headers.isEmpty else { return "" }
        let style = Style(enabled: options.color)
        var natural = model.headers.indices.map { i in options.showHeaders ? DisplayWidth.of(model.headers[i]) : 0 }
        for row in model.rows {
            for (i, cell) in row.enumerated() { natural[i] = max(natural[i], DisplayWidth.of(cell.text)) }
        }
        natural = natural.map { max($0, 1) }
        let fit = ColumnFit.fit(natural: natural, numeric: model.numeric, available: options.width) { n in
            frame == .box ? 3 * n + 1 : 2 * max(0, n - 1)
        }
        let widths = fit.widths
        let shown = widths.indices

        func line(_ parts: [String]) -> String {
            switch frame {
            case .box: return "│ " + parts.joined(separator: " │ ") + " │\n"
            case .plain: return trimTrailingSpaces(parts.joined(separator: "  ")) + "\n"
            }
        }
        func rule(_ left: String, _ mid: String, _ right: String) -> String {
            left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: mid) + right + "\n"
        }

        var out = ""
        if frame == .box { out += rule("┌", "┬", "┐") }
        if options.showHeaders {
            out += line(shown.map { style.header(model.headers[$0], width: widths[$0], rightAligned: model.numeric[$0]) })
            switch frame {
            case .box: out += rule("├", "┼", "┤")
            case .plain: out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        for (n, row) in model.rows.enumerated() {
            if options.cancellation?.stops(at: n) == true { break }
            out += line(shown.map { style.cell(row[$0], width: widths[$0], rightAligned: model.numeric[$0]) })
        }
        if frame == .box { out += rule("└", "┴", "┘") }
        if let more = model.moreRowsLine(options: options) { out += style.dim(more) + "\n" }
        if fit.visible < model.headers.count {
            let hidden = model.headers[fit.visible...]
            let noun = Plural.noun(hidden.count, "column")
            out += style.dim("… \(hidden.count) more \(noun) (\(hidden.joined(separator: ", "))); mode line shows every field") + "\n"
        }
        return out
    }

    /// Plain mode pads every cell, so the last one leaves spaces a diff would flag.
    private static func trimTrailingSpaces(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
