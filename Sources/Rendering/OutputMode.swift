/// How results are written. `box` is the terminal default; the rest suit files and pipes.
public enum OutputMode: String, CaseIterable, Sendable {
    case box, table, markdown, csv, tsv, json, line, html, auto

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
        case .html: return "an HTML <table>, every cell escaped"
        case .auto: return "box when the result fits the terminal, else one field per line (psql's \\x auto)"
        }
    }

    /// The mode a file's extension asks for (`.csv`, `.tsv`, `.json`, `.md`, `.html`), if any:
    /// `once out.csv` writes csv whatever the session's mode.
    public static func forFile(named name: String) -> OutputMode? {
        let lower = name.lowercased()
        guard let dot = lower.lastIndex(of: "."), !lower[dot...].contains("/") else { return nil }
        switch lower[lower.index(after: dot)...] {
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        case "json": return .json
        case "md", "markdown": return .markdown
        case "html", "htm": return .html
        default: return nil
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

    public static let defaultMoreRowsHint = "last shows them all"

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
