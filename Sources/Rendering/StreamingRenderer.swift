import SVWDatabase

/// The machine-readable modes (csv, tsv, json) a batch of rows at a time, for results too
/// big to hold in memory: the pieces concatenate to exactly what `Renderer.render` writes
/// for the whole result. The grid modes cannot stream (every row sets the column widths).
public struct StreamingRenderer {
    public let mode: OutputMode
    private let columns: [String]
    private let kinds: [ColumnKind]
    private let showHeaders: Bool
    private var rowsWritten = 0

    /// nil for a mode that cannot stream.
    public init?(mode: OutputMode, columns: [String], kinds: [ColumnKind]? = nil, options: RenderOptions) {
        guard mode.isMachineReadable else { return nil }
        self.mode = mode
        self.columns = columns
        self.kinds = kinds ?? Array(repeating: .plain, count: columns.count)
        self.showHeaders = options.showHeaders
    }

    /// What comes before the first row.
    public func begin() -> String {
        switch mode {
        case .csv: return showHeaders ? DelimitedRenderer.header(columns, separator: ",") : ""
        case .tsv: return showHeaders ? DelimitedRenderer.header(columns, separator: "\t") : ""
        default: return ""
        }
    }

    /// The next rows.
    public mutating func rows(_ rows: [[SQLValue]]) -> String {
        var out = ""
        for row in rows {
            switch mode {
            case .csv: out += DelimitedRenderer.line(row, kinds: kinds, separator: ",")
            case .tsv: out += DelimitedRenderer.line(row, kinds: kinds, separator: "\t")
            default: out += (rowsWritten == 0 ? "[" : ",\n") + JSONRenderer.object(row, columns: columns, kinds: kinds)
            }
            rowsWritten += 1
        }
        return out
    }

    /// What comes after the last row.
    public func end() -> String {
        guard mode == .json else { return "" }
        return rowsWritten == 0 ? "[]\n" : "]\n"
    }
}
