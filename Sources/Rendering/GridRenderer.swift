import SVWText

/// The two grid modes: `box` (line-drawing borders, as sqlite3 and DuckDB draw them)
/// and `table` (plain aligned columns under a dashed rule). Both fit the terminal
/// width and honour the row limit.
enum GridRenderer {
    enum Frame { case box, plain }

    /// Whether every column shows, shortened or not (`mode auto` draws a grid only then).
    static func fitsWithoutDroppingColumns(_ model: TableModel, frame: Frame, options: RenderOptions) -> Bool {
        fit(model, frame: frame, options: options).visible == model.headers.count
    }

    /// How a table is drawn on a terminal too narrow for it. Each fallback gives up less than
    /// the next, and one is taken only when the one before it would still lose a column:
    /// the box's borders (decoration) go first, then exact money gives way to amounts in
    /// £m/£k named in the heading; only after both are trailing columns left out.
    static func layout(_ model: TableModel, frame: Frame, options: RenderOptions) -> (model: TableModel, frame: Frame, fit: ColumnFit) {
        var tries: [(TableModel, Frame)] = [(model, frame)]
        if frame == .box { tries.append((model, .plain)) }
        if let scaled = model.withScaledMoney {
            tries.append((scaled, frame))
            if frame == .box { tries.append((scaled, .plain)) }
        }
        var first: (model: TableModel, frame: Frame, fit: ColumnFit)?
        for (candidate, candidateFrame) in tries {
            let fitted = fit(candidate, frame: candidateFrame, options: options)
            if fitted.visible == candidate.headers.count { return (candidate, candidateFrame, fitted) }
            first = first ?? (candidate, candidateFrame, fitted)
        }
        // Columns are lost whatever is given up: then nothing else is, the table is drawn as asked.
        return first!
    }

    private static func fit(_ model: TableModel, frame: Frame, options: RenderOptions) -> ColumnFit {
        var content = model.headers.map { _ in 1 }
        for row in model.rows {
            for (i, cell) in row.enumerated() { content[i] = max(content[i], DisplayWidth.of(cell.text)) }
        }
        let overhead = { (n: Int) in frame == .box ? 3 * n + 1 : 2 * max(0, n - 1) }
        let natural = model.headers.indices.map { i in max(content[i], options.showHeaders ? DisplayWidth.of(model.headers[i]) : 0) }
        guard let available = options.width, natural.reduce(0, +) + overhead(natural.count) > available else {
            return ColumnFit(widths: natural)
        }
        // Too wide: a long heading (`committed_pct_awarded` over `28.0%`) goes onto two or
        // three lines, broken after an underscore or space, before any figure column is lost.
        let compact = model.headers.indices.map { i in
            max(content[i], options.showHeaders ? HeaderLines.narrowest(model.headers[i]) : 0)
        }
        let fitted = ColumnFit.fit(natural: compact, numeric: model.numeric, available: available, overhead: overhead)
        // Room left over goes back to the headings that were broken, left to right.
        var widths = fitted.widths
        var spare = available - overhead(widths.count) - widths.reduce(0, +)
        for i in widths.indices where spare > 0 && widths[i] < natural[i] && widths[i] >= compact[i] {
            let give = min(spare, natural[i] - widths[i])
            widths[i] += give
            spare -= give
        }
        return ColumnFit(widths: widths)
    }

    static func render(_ model: TableModel, frame requested: Frame, options: RenderOptions) -> String {
        guard !model.headers.isEmpty else { return "" }
        let style = Style(enabled: options.color)
        let (model, frame, fit) = layout(model, frame: requested, options: options)
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
            let headerLines = shown.map { HeaderLines.split(model.headers[$0], width: widths[$0]) }
            let height = headerLines.map(\.count).max() ?? 1
            for n in 0..<height {
                out += line(shown.map { i in
                    let lines = headerLines[i]
                    // Short headings sit on the last line, over their column.
                    let k = n - (height - lines.count)
                    return style.header(k >= 0 ? lines[k] : "", width: widths[i], rightAligned: model.numeric[i])
                })
            }
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
        if let more = model.moreRowsLine(options: options) { out += style.dim(TextWrap.wrap(more, width: options.width)) + "\n" }
        if fit.visible < model.headers.count {
            out += style.dim(TextWrap.wrap(moreColumnsLine(Array(model.headers[fit.visible...])), width: options.width)) + "\n"
        }
        return out
    }

    /// "… 3 more columns (category, value, status): last shows every column, mode line one field per line".
    static func moreColumnsLine(_ hidden: [String]) -> String {
        let noun = Plural.noun(hidden.count, "column")
        let named = hidden.count <= 6 ? hidden.joined(separator: ", ") : hidden.prefix(5).joined(separator: ", ") + ", …"
        return "… \(hidden.count) more \(noun) (\(named)): last shows every column, mode line one field per line"
    }

    /// Plain mode pads every cell, so the last one leaves spaces a diff would flag.
    private static func trimTrailingSpaces(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
