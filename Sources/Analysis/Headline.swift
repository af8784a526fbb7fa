import SVWDatabase

/// The board figures for one financial year (definitions in `YearMetrics`): one row.
public enum Headline {
    public static func run(_ db: Database, year: String, filter: Filter) throws -> AnalysisResult {
        var q = QueryBuilder()
        let ctes = YearMetrics.ctes(filter, years: .single(year), &q)
        let query = q.query("WITH \(ctes)\nSELECT * FROM metrics")
        var shown = filter
        shown.year = year
        return AnalysisResult(title: Titles.with(shown, "Headline figures"),
                              result: try query.run(on: db, money: YearMetrics.money, percent: YearMetrics.percent),
                              query: query)
    }

    /// The latest financial year with a contract, the default for `headline`.
    public static func latestYear(_ db: Database) throws -> String? {
        try db.scalar("SELECT max(financial_year) FROM contracts").string
    }
}

/// The headline metrics for every year, each with its change from the year before:
/// relative change (%) for amounts and counts, percentage points for percentages.
public enum Trend {
    public enum Metric: String, CaseIterable, Sendable {
        case contracts, awarded, committed, committedPct = "committed-pct", delivered, deliveredPct = "delivered-pct"
        case gmPct = "gm-pct", ownWorkforce = "own-workforce", weighting

        /// The `metrics` column it reads.
        var column: String {
            switch self {
            case .contracts: return "contracts"
            case .awarded: return "awarded"
            case .committed: return "sv_committed"
            case .committedPct: return "sv_committed_pct"
            case .delivered: return "sv_delivered"
            case .deliveredPct: return "sv_delivered_pct"
            case .gmPct: return "gm_suppliers_pct"
            case .ownWorkforce: return "own_workforce_sv"
            case .weighting: return "mean_weighting"
            }
        }

        /// What a board paper calls it, for titles.
        public var label: String {
            switch self {
            case .contracts: return "Contracts awarded"
            case .awarded: return "Value awarded"
            case .committed: return "Social value committed"
            case .committedPct: return "Social value committed, % of value awarded"
            case .delivered: return "Social value delivered"
            case .deliveredPct: return "Social value delivered, % of value awarded"
            case .gmPct: return "Winning businesses in GM, %"
            case .ownWorkforce: return "Own-workforce social value"
            case .weighting: return "Mean social value weighting, contracts over £25k"
            }
        }

        /// Whether the figure is TOMs £ (units × proxy values), and so carries the proxies' caveats.
        public var usesProxyValues: Bool {
            switch self {
            case .committed, .committedPct, .delivered, .deliveredPct, .ownWorkforce: return true
            case .contracts, .awarded, .gmPct, .weighting: return false
            }
        }

        /// Percentages change in points; amounts and counts change relative to last year.
        public var changesInPoints: Bool {
            switch self {
            case .committedPct, .deliveredPct, .gmPct, .weighting: return true
            default: return false
            }
        }

        var changeColumn: String { changesInPoints ? column + "_change_pts" : column + "_change_pct" }

        /// `round(…) AS x_change_…` over the window `w` ordered by year.
        var changeExpression: String {
            if changesInPoints { return "round(\(column) - lag(\(column)) OVER w, 1) AS \(changeColumn)" }
            return "round(100.0 * (\(column) - lag(\(column)) OVER w) / nullif(lag(\(column)) OVER w, 0), 1) AS \(changeColumn)"
        }
    }

    /// The full table, or with `metric` just that figure and its change.
    public static func run(_ db: Database, filter: Filter, metric: Metric? = nil) throws -> AnalysisResult {
        var q = QueryBuilder()
        let ctes = YearMetrics.ctes(filter, years: .fromContracts, &q)
        let columns: [String]
        if let metric {
            columns = [metric.column, metric.changeExpression]
        } else {
            columns = ["contracts", "awarded", Metric.awarded.changeExpression,
                       "sv_committed", "sv_committed_pct", Metric.committedPct.changeExpression,
                       "sv_delivered", "sv_delivered_pct",
                       "gm_suppliers_pct", Metric.gmPct.changeExpression,
                       "own_workforce_sv", "mean_weighting", Metric.weighting.changeExpression]
        }
        let query = q.query("""
            WITH \(ctes)
            SELECT year, \(columns.joined(separator: ",\n       "))
              FROM metrics
            WINDOW w AS (ORDER BY year)
             ORDER BY year
            """)
        var shown = filter
        shown.year = nil
        let title = metric.map { "\($0.label), by year" } ?? "Headline figures by year"
        return AnalysisResult(title: Titles.with(shown, title),
                              result: try query.run(on: db, money: YearMetrics.money, percent: YearMetrics.percent),
                              query: query)
    }
}
