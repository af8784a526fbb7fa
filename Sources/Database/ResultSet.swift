/// The rows a query returned, fully materialised: what every renderer takes.
public struct ResultSet: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[SQLValue]]
    /// What each column's numbers mean, so renderers can show £ and % (all `.plain` for raw SQL).
    public var kinds: [ColumnKind]
    /// Rows the statement returned beyond those kept in `rows` (`Statement.all(maxRows:)`),
    /// counted without being read, so "… N more rows" stays exact.
    public var omittedRows = 0

    public init(columns: [String], rows: [[SQLValue]], kinds: [ColumnKind]? = nil) {
        self.columns = columns
        self.rows = rows
        self.kinds = kinds ?? Array(repeating: .plain, count: columns.count)
    }

    public var isEmpty: Bool { rows.isEmpty }

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
}
