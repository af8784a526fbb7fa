/// One field per line (`name = value`), records separated by a blank line, as
/// sqlite3's line mode: the way to read rows too wide for any terminal.
enum LineRenderer {
    static func render(_ model: TableModel, options: RenderOptions) -> String {
        guard !model.headers.isEmpty else { return "" }
        let style = Style(enabled: options.color)
        let labelWidth = model.headers.map(DisplayWidth.of).max() ?? 0
        let indent = String(repeating: " ", count: labelWidth + 3)
        var out = ""
        for (r, row) in model.rows.enumerated() {
            if r > 0 { out += "\n" }
            for (i, cell) in row.enumerated() {
                let label = DisplayWidth.pad(model.headers[i], to: labelWidth, rightAligned: true)
                // A multi-line value keeps its lines, each indented under the first.
                let lines = cell.text.split(separator: "\n", omittingEmptySubsequences: false)
                let value = lines.map { CellText.singleLine(String($0)) }.joined(separator: "\n" + indent)
                out += style.bold(label) + " = " + (cell.isNull ? style.dim(value) : value) + "\n"
            }
        }
        if let more = model.moreRowsLine(options: options) { out += "\n" + style.dim(more) + "\n" }
        return out
    }
}
