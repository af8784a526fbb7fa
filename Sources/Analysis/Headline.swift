import SVWDatabase

/// The board figures for one financial year (definitions in `YearMetrics`): one row.
public enum Headline {
    public static func run(_ db: Database, year: String, filter: Filter, source: AnalysisSource = .rollups) throws -> AnalysisResult {
        try source.prepare(db)
        var q = QueryBuilder()
        let ctes = YearMetrics.ctes(filter, years: .single(year), source: source, &q)
        let query = q.query("WITH \(ctes)\nSELECT * FROM metrics")
        var shown = filter
        shown.year = year
        return AnalysisResult(title: Titles.with(shown, "Headline figures"),
                              result: try query.run(on: db, columns: YearMetrics.columns),
                              query: query)
    }

    /// What each headline figure is to people (also the trend's figures).
    public static var columns: ColumnMeanings { YearMetrics.columns }

    /// The latest financial year with a contract, the default for `headline`.
    public static func latestYear(_ db: Database) throws -> String? {
        try db.scalar("SELECT max(financial_year) FROM contracts").string
    }
}
