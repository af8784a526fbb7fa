/// The rows a query returned, fully materialised: what every renderer takes.
public struct ResultSet: Sendable, Equatable {
    /// Column names, in the order the query gave them.
    public var columns: [String]
    /// The rows, each with one value per column.
    public var rows: [[SQLValue]]
    /// What each column's numbers mean, so renderers can show £ and % (all `.plain` for raw SQL).
    public var kinds: [ColumnKind]
    /// How a NULL cell reads in the human modes when it means "nothing to show here" (the
    /// share on a Total line, a rate with nothing committed) rather than a missing value:
    /// analyses set `–`. nil leaves the renderer's NULL, so plain SQL keeps NULL visibly
    /// distinct. Machine modes (csv, tsv, json) ignore it: NULL stays empty / null there.
    public var emptyCellText: String?
    /// Rows the statement returned beyond those kept in `rows` (`Statement.all(maxRows:)`),
    /// counted without being read, so "… N more rows" stays exact.
    public var omittedRows = 0
    /// Each column's heading in words for people (an analysis's `committed_pct_awarded` is
    /// "Committed, % of awarded"), as reports show them; nil keeps the column names, as SQL's
    /// results and the csv, tsv and json modes always do.
    public var headings: [String]?

    /// A result; `kinds` default to `.plain` for every column.
    public init(columns: [String], rows: [[SQLValue]], kinds: [ColumnKind]? = nil, emptyCellText: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.kinds = kinds ?? Array(repeating: .plain, count: columns.count)
        self.emptyCellText = emptyCellText
    }

    /// Whether the query returned no rows.
    public var isEmpty: Bool { rows.isEmpty }

    /// The index of the first column called `name` (exact case), or nil.
    public func column(named name: String) -> Int? { columns.firstIndex(of: name) }

    /// The single value of a one-row, one-column result, as scalar queries return.
    public var scalar: SQLValue { rows.first?.first ?? .null }
}

/// The meaning of a column's numbers. Analyses set it; plain SQL leaves every column `.plain`.
public enum ColumnKind: Sendable, Equatable {
    case plain
    /// Integer pence, shown as £ with thousands separators (pounds with 2 decimals in csv/json).
    case money
    /// A percentage 0–100, shown to one decimal.
    case percent
    /// A count: digits grouped for people (`1,836`), a plain number in csv and json.
    case count
    /// Figures already written as text (a column mixing £, % and counts, as in a table
    /// turned on its side): shown as they are, right-aligned like numbers.
    case figure
}
