/// A GitHub-flavoured Markdown table, padded so it also reads as plain text.
/// Never shortened to the terminal: it is meant to be pasted into a document.
enum MarkdownRenderer {
    static func render(_ model: TableModel, options: RenderOptions) -> String {
        guard !model.headers.isEmpty else { return "" }
        let headers = model.headers.map(escape)
        let rows = model.rows.map { $0.map { TableModel.Cell(text: escape($0.text), isNull: $0.isNull) } }
        var widths = headers.map { max(3, DisplayWidth.of($0)) }
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell.text)) } }

        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        var out = line(headers.indices.map { DisplayWidth.pad(headers[$0], to: widths[$0], rightAligned: model.numeric[$0]) })
        out += "|" + widths.indices.map { i in
            model.numeric[i] ? String(repeating: "-", count: widths[i] + 1) + ":" : String(repeating: "-", count: widths[i] + 2)
        }.joined(separator: "|") + "|\n"
        for row in rows {
            out += line(row.indices.map { DisplayWidth.pad(row[$0].text, to: widths[$0], rightAligned: model.numeric[$0]) })
        }
        if let more = model.moreRowsLine(options: options) { out += "\n" + more + "\n" }
        return out
    }

    /// A pipe would end the cell and a newline the row.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
    }
}
