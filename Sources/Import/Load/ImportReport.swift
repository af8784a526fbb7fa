import Foundation

/// One rejected value (or row): where it is, what it held, and why it was refused.
public struct Reject: Sendable, Equatable {
    public let line: Int
    /// 1-based column (field number); nil when the whole row is at fault.
    public let column: Int?
    /// The column's header as the file spells it.
    public let columnName: String?
    public let raw: String?
    public let reason: String
    /// The last line a multi-line row covers (a quoted field with line ends), when later than `line`.
    public let lastLine: Int?

    public init(line: Int, column: Int?, columnName: String?, raw: String?, reason: String, lastLine: Int? = nil) {
        self.line = line
        self.column = column
        self.columnName = columnName
        self.raw = raw
        self.reason = reason
        self.lastLine = lastLine.flatMap { $0 > line ? $0 : nil }
    }

    /// `FILE:LINE:COL: column "X": reason`, the way compilers point at a problem;
    /// `FILE: lines 2–5: reason` for a row spanning lines; `book.xlsx[Sheet]!C17: …` in a sheet.
    public func message(file: String, places: RejectPlaces = .lines) -> String {
        var text: String
        switch places {
        case .lines:
            if let lastLine {
                text = "\(file): lines \(line)–\(lastLine):"
            } else {
                text = "\(file):\(line):"
                if let column { text += "\(column):" }
            }
        case .cells:
            text = column.map { "\(file)!\(CellReference.letters($0 - 1))\(line):" } ?? "\(file) row \(line):"
        }
        if let columnName { text += " column \"\(columnName)\":" }
        return text + " " + reason
    }
}

/// What a load did, for the summary the command prints.
public struct ImportReport: Sendable {
    public var kind: String
    public var table: String
    public var file: URL
    public var displayName: String
    public var sha256: String = ""
    /// Data rows in the file (header and blank lines not counted).
    public var rowsRead = 0
    /// Rows written to the table: new ones plus those that replaced a row with the same id.
    public var loaded = 0
    public var added = 0
    /// Of `loaded`, rows whose id was already there.
    public var replaced = 0
    /// Of `replaced`, rows identical to what was there (nothing was written).
    public var unchanged = 0
    public var rejectedRows = 0
    /// Every problem found (a rejected row may have several).
    public var problemCount = 0
    /// The first problems, for display; all of them are in the `rejects` table.
    public var problems: [Reject] = []
    public var importID: Int64 = 0
    /// Headers no field used.
    public var ignoredColumns: [String] = []
    /// Further things the analyst should know (edition set, suppliers created, encoding…).
    public var notes: [String] = []
    /// For `postcodes`: how many rows the wholesale replacement removed.
    public var previousRows = 0
    /// For `load table`: the columns created, their SQL types and why each type was chosen.
    public var tableColumns: [(name: String, type: String, why: String)] = []
    /// How rejects name places: lines and fields, or sheet cells.
    public var places: RejectPlaces = .lines
    /// How rejects name the source (`book.xlsx[Sheet]` for a sheet); the display name when nil.
    public var sourceName: String?

    public init(kind: String, table: String, file: URL, displayName: String) {
        self.kind = kind
        self.table = table
        self.file = file
        self.displayName = displayName
    }

    public var problemMessages: [String] { problems.map { $0.message(file: sourceName ?? displayName, places: places) } }
}
