import SVWDatabase

/// Turns a result set into text in one output mode.
public enum Renderer {
    public static func render(_ result: ResultSet, mode: OutputMode, options: RenderOptions = RenderOptions()) -> String {
        switch mode {
        case .csv: return DelimitedRenderer.render(result, separator: ",", options: options)
        case .tsv: return DelimitedRenderer.render(result, separator: "\t", options: options)
        case .json: return JSONRenderer.render(result, cancellation: options.cancellation)
        case .box: return GridRenderer.render(TableModel(result, options: options), frame: .box, options: options)
        case .table: return GridRenderer.render(TableModel(result, options: options), frame: .plain, options: options)
        case .markdown: return MarkdownRenderer.render(TableModel(result, options: options, singleLine: false), options: options)
        case .line: return LineRenderer.render(TableModel(result, options: options, singleLine: false), options: options)
        case .html: return HTMLTableRenderer.render(TableModel(result, options: options, singleLine: false), options: options)
        case .auto:
            // psql's \x auto: the box when every column fits, else one field per line.
            let model = TableModel(result, options: options)
            if GridRenderer.fitsWithoutDroppingColumns(model, frame: .box, options: options) {
                return GridRenderer.render(model, frame: .box, options: options)
            }
            return LineRenderer.render(TableModel(result, options: options, singleLine: false), options: options)
        }
    }
}
