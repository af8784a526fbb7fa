import SVWDatabase

/// The headline metrics for every year, each with its change from the year before:
/// relative change (%) for amounts and counts, percentage points for percentages.
public enum Trend {
    /// Every headline figure, in the order the board reads them.
    public enum Metric: String, CaseIterable, Sendable {
        case contracts, awarded, committed, committedPct = "committed-pct", delivered, deliveredPct = "delivered-pct"
        case suppliers, gmPct = "gm-pct", ownWorkforce = "own-workforce", weighting, weightedWeighting = "weighted-weighting"
        case over25k = "over-25k", over50k = "over-50k"

        /// The `metrics` column it reads.
        public var column: String {
            switch self {
            case .contracts: return "contracts"
            case .awarded: return "awarded"
            case .committed: return "sv_committed"
            case .committedPct: return "sv_committed_pct"
            case .delivered: return "sv_delivered"
            case .deliveredPct: return "sv_delivered_pct"
            case .suppliers: return "suppliers"
            case .gmPct: return "gm_suppliers_pct"
            case .ownWorkforce: return "own_workforce_sv"
            case .weighting: return "mean_weighting"
            case .weightedWeighting: return "weighted_mean_weighting"
            case .over25k: return "contracts_over_25k"
            case .over50k: return "contracts_over_50k"
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
            case .suppliers: return "Winning businesses"
            case .gmPct: return "Winning businesses in GM, %"
            case .ownWorkforce: return "Own-workforce social value"
            case .weighting: return "Mean social value weighting, contracts over £25k"
            case .weightedWeighting: return "Value-weighted mean social value weighting, contracts over £25k"
            case .over25k: return "Contracts over £25k"
            case .over50k: return "Contracts over £50k"
            }
        }

        /// Whether the figure is TOMs £ (units × proxy values), and so carries the proxies' caveats.
        public var usesProxyValues: Bool {
            switch self {
            case .committed, .committedPct, .delivered, .deliveredPct, .ownWorkforce: return true
            case .contracts, .awarded, .suppliers, .gmPct, .weighting, .weightedWeighting, .over25k, .over50k: return false
            }
        }

        /// Percentages change in points; amounts and counts change relative to last year.
        public var changesInPoints: Bool {
            switch self {
            case .committedPct, .deliveredPct, .gmPct, .weighting, .weightedWeighting: return true
            default: return false
            }
        }

        public var changeColumn: String { changesInPoints ? column + "_change_pts" : column + "_change_pct" }

        /// `round(…) AS x_change_…` over the window `w` ordered by year. Points are the
        /// difference of the figures as shown (to one decimal); % is from the exact amounts.
        var changeExpression: String {
            if changesInPoints { return "round(\(column) - lag(\(column)) OVER w, 1) AS \(changeColumn)" }
            return "round(100.0 * (\(column) - lag(\(column)) OVER w) / nullif(lag(\(column)) OVER w, 0), 1) AS \(changeColumn)"
        }
    }

    /// Each figure's change, headed by what it changes.
    static let changeColumns = ColumnMeanings(Dictionary(uniqueKeysWithValues: Metric.allCases.map { metric in
        let heading = (YearMetrics.columns.meaning(of: metric.column)?.heading ?? metric.label) + ", change"
        return (metric.changeColumn, metric.changesInPoints ? ColumnMeaning.number(heading + " (points)")
                                                          : ColumnMeaning.percent(heading))
    }))

    /// One row per financial year from the first to the last in the data (a year with no
    /// contract under the filter shows zeros, so a change is always from the year before),
    /// narrowed to --from/--to. Each metric is followed by its change; with `metric`, just that one.
    public static func run(_ db: Database, filter: Filter, metric: Metric? = nil,
                           source: AnalysisSource = .rollups) throws -> AnalysisResult {
        try source.prepare(db)
        var q = QueryBuilder()
        let ctes = YearMetrics.ctes(filter, years: .span, source: source, &q)
        let columns = (metric.map { [$0] } ?? Metric.allCases).flatMap { [$0.column, $0.changeExpression] }
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
                              result: try query.run(on: db, columns: YearMetrics.columns.merging(changeColumns)),
                              query: query)
    }
}
