/// How results are written. `box` is the terminal default; the rest suit files and pipes.
public enum OutputMode: String, CaseIterable, Sendable {
    case box, table, markdown, csv, tsv, json, line

    /// Machine-readable modes carry no charts, colours or truncation.
    public var isMachineReadable: Bool {
        switch self {
        case .csv, .tsv, .json: return true
        default: return false
        }
    }
}

public struct RenderOptions: Sendable {
    /// Terminal width to fit; nil when not writing to a terminal.
    public var width: Int?
    /// Rows shown before "… N more rows"; nil shows all.
    public var maxRows: Int?
    public var color: Bool
    public var showHeaders: Bool

    public init(width: Int? = nil, maxRows: Int? = nil, color: Bool = false, showHeaders: Bool = true) {
        self.width = width
        self.maxRows = maxRows
        self.color = color
        self.showHeaders = showHeaders
    }
}
