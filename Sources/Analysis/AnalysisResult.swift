import SVWDatabase

/// What an analysis returns: the figures as a result set whose columns carry their
/// kinds (`.money` pence, `.percent`), and the exact query that produced them.
public struct AnalysisResult: Sendable, Equatable {
    /// A caption: what the figures are, with the filter applied.
    public var title: String
    public var result: ResultSet
    public var query: SQLQuery
    /// For a list cut by `--limit`: how many rows it has without the limit, so the
    /// reader is told the list is not all there is.
    public var rowsWithoutLimit: Int?

    /// How an intentionally empty figure reads in the human modes (as the headline prints it).
    public static let emptyCell = "–"

    public init(title: String, result: ResultSet, query: SQLQuery, rowsWithoutLimit: Int? = nil) {
        self.title = title
        self.result = result
        self.query = query
        self.rowsWithoutLimit = rowsWithoutLimit
    }

    /// The values of one column, by name (for charts and tests).
    public func column(_ name: String) -> [SQLValue] {
        guard let i = result.column(named: name) else { return [] }
        return result.rows.map { $0[i] }
    }

    /// The first row as a name → value map (single-row results such as the headline).
    public var firstRow: [String: SQLValue] {
        guard let row = result.rows.first else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(result.columns, row))
    }
}
