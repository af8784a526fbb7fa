/// An HTML `<table>` (sqlite3's `.mode html`, for `once FILE.html`): a header row, one row
/// per result row, numbers right-aligned, every cell escaped.
enum HTMLTableRenderer {
    static func render(_ model: TableModel, options: RenderOptions) -> String {
        guard !model.headers.isEmpty else { return "" }
        func cell(_ tag: String, _ text: String, numeric: Bool) -> String {
            "<\(tag)\(numeric ? " style=\"text-align:right\"" : "")>" + XMLText.escape(text) + "</\(tag)>"
        }
        var out = "<table>\n"
        if options.showHeaders {
            out += "<thead><tr>" + model.headers.indices.map { cell("th", model.headers[$0], numeric: model.numeric[$0]) }.joined()
                + "</tr></thead>\n"
        }
        out += "<tbody>\n"
        for row in model.rows {
            out += "<tr>" + row.indices.map { cell("td", row[$0].text, numeric: model.numeric[$0]) }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if let more = model.moreRowsLine(options: options) { out += "<p>" + XMLText.escape(more) + "</p>\n" }
        return out
    }
}
