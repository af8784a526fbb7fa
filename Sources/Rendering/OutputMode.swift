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

    /// One line for `help mode` and completion listings.
    public var summary: String {
        switch self {
        case .box: return "boxed table drawn with line characters (the terminal default)"
        case .table: return "plain aligned columns under a dashed rule"
        case .markdown: return "a GitHub-flavoured Markdown table"
        case .csv: return "comma-separated values (RFC 4180), money in pounds to 2 decimals"
        case .tsv: return "tab-separated values; tab, newline and backslash escaped as \\t \\n \\\\"
        case .json: return "an array of objects, numbers as numbers, NULL as null"
        case .line: return "one field per line, records separated by a blank line"
        }
    }
}

public struct RenderOptions: Sendable, Equatable {
    /// Terminal width to fit; nil when not writing to a terminal.
    public var width: Int?
    /// Rows shown before "… N more rows"; nil shows all.
    public var maxRows: Int?
    /// ANSI styling (bold headers, dim NULLs); only ever on for a terminal without NO_COLOR.
    public var color: Bool
    public var showHeaders: Bool
    /// How NULL reads in the human modes (machine modes have their own conventions).
    public var nullText: String
    /// Said after "… N more rows" so the reader knows how to see the rest.
    public var moreRowsHint: String
    /// Ctrl-C for a long render (nil: it always runs to the end).
    public var cancellation: RenderCancellation?

    public static let defaultMoreRowsHint = "--all or \"maxrows all\" shows every row"

    public init(width: Int? = nil, maxRows: Int? = nil, color: Bool = false, showHeaders: Bool = true,
                nullText: String = "NULL", moreRowsHint: String = RenderOptions.defaultMoreRowsHint) {
        self.width = width
        self.maxRows = maxRows
        self.color = color
        self.showHeaders = showHeaders
        self.nullText = nullText
        self.moreRowsHint = moreRowsHint
    }
}
