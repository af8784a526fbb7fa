import SVWDatabase

/// The social value weighting (percent of award criteria) across applicable contracts:
/// by default those worth more than £25,000, or every contract with `applicableOnly: false`.
/// Contracts with no weighting recorded are left out of every figure and counted apart.
public enum Weighting {
    public enum Breakdown: String, CaseIterable, Sendable {
        case partner, category, year
    }

    public struct Options: Sendable, Equatable {
        /// Bin edges in percent, ascending: bins are [e0, e1), [e1, e2) … [eN, ∞).
        public var bins: [Double]
        public var target: Double
        /// Contracts worth more than this are applicable; nil takes every contract.
        public var thresholdPence: Int64?

        public init(bins: [Double] = Policy.weightingBins, target: Double = Policy.targetWeighting,
                    thresholdPence: Int64? = Policy.applicableThresholdPence) {
            self.bins = bins
            self.target = target
            self.thresholdPence = thresholdPence
        }
    }

    static let money: Set<String> = ["value"]
    static let percent: Set<String> = ["contracts_share", "value_share", "mean", "weighted_mean", "median",
                                       "at_or_above_target", "weighting"]

    /// One row per bin (and a Total): contracts and value in each.
    public static func histogram(_ db: Database, filter: Filter, options: Options = Options()) throws -> AnalysisResult {
        precondition(!options.bins.isEmpty && options.bins == options.bins.sorted() && Set(options.bins).count == options.bins.count,
                     "bins are validated ascending and distinct before they reach the analysis")
        var q = QueryBuilder()
        let pop = population(filter, options, &q)
        var binRows: [String] = []
        for (index, bin) in bins(options.bins).enumerated() {
            let n = index + 1
            binRows.append("(\(n), \(q.bind("bin\(n)_label", bin.label)), \(q.bind("bin\(n)_low", bin.low.sqlValue)), \(q.bind("bin\(n)_high", bin.high.sqlValue)))")
        }
        let query = q.query("""
            WITH \(pop),
            bins(ord, bin, low, high) AS (
                VALUES \(binRows.joined(separator: ",\n           "))
            ),
            weighted AS (SELECT * FROM pop WHERE sv_weighting IS NOT NULL),
            total AS (SELECT count(*) AS contracts, coalesce(sum(value_pence), 0) AS value FROM weighted),
            lines AS (
                SELECT b.ord, b.bin, count(w.contract_id) AS contracts, coalesce(sum(w.value_pence), 0) AS value
                  FROM bins b
                  LEFT JOIN weighted w
                    ON (b.low IS NULL OR w.sv_weighting >= b.low) AND (b.high IS NULL OR w.sv_weighting < b.high)
                 GROUP BY b.ord, b.bin
                UNION ALL
                SELECT 1000000, 'Total', contracts, value FROM total
            )
            SELECT l.bin, l.contracts,
                   round(100.0 * l.contracts / nullif(t.contracts, 0), 1) AS contracts_share,
                   l.value,
                   round(100.0 * l.value / nullif(t.value, 0), 1) AS value_share
              FROM lines l CROSS JOIN total t
             ORDER BY l.ord
            """)
        return AnalysisResult(title: Titles.with(filter, "Social value weighting, \(scope(options))"),
                              result: try query.run(on: db, money: money, percent: percent), query: query)
    }

    /// Mean (simple and value-weighted), median and share at or above target: one row for
    /// all applicable contracts, or one per group followed by a Total.
    public static func statistics(_ db: Database, filter: Filter, by breakdown: Breakdown? = nil,
                                  options: Options = Options()) throws -> AnalysisResult {
        var q = QueryBuilder()
        let pop = population(filter, options, &q)
        let target = q.bind("target", options.target)
        let group: String
        let groupColumn: String
        switch breakdown {
        case nil: group = q.bind("scope", scope(options)); groupColumn = "scope"
        case .partner: group = "partner"; groupColumn = "partner"
        case .category: group = "coalesce(category, '(none)')"; groupColumn = "category"
        case .year: group = "financial_year"; groupColumn = "year"
        }
        // `groups` lists every line the table must have, so a filter that matches nothing still
        // gives its line (or Total) with 0 contracts and empty means, never no row at all.
        let groups = breakdown == nil
            ? "groups(ord, grp) AS (SELECT 1, \(group))"
            : "groups(ord, grp) AS (SELECT DISTINCT ord, grp FROM grouped WHERE ord = 1 UNION ALL SELECT 2, 'Total')"
        let query = q.query("""
            WITH \(pop),
            grouped AS (
                SELECT 1 AS ord, \(group) AS grp, value_pence, sv_weighting FROM pop
                \(breakdown == nil ? "" : "UNION ALL\n    SELECT 2, 'Total', value_pence, sv_weighting FROM pop")
            ),
            \(groups),
            ranked AS (
                SELECT ord, grp, sv_weighting,
                       row_number() OVER (PARTITION BY ord, grp ORDER BY sv_weighting) AS rn,
                       count(*) OVER (PARTITION BY ord, grp) AS n
                  FROM grouped WHERE sv_weighting IS NOT NULL
            ),
            medians AS (
                -- the middle value, or the mean of the middle two
                SELECT ord, grp, avg(sv_weighting) AS median FROM ranked
                 WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY ord, grp
            ),
            stats AS (
                SELECT g.ord, g.grp, count(x.value_pence) AS contracts, count(x.sv_weighting) AS weighted,
                       coalesce(sum(x.value_pence), 0) AS value,
                       avg(x.sv_weighting) AS mean,
                       sum(x.sv_weighting * x.value_pence)
                         / sum(CASE WHEN x.sv_weighting IS NOT NULL THEN x.value_pence END) AS weighted_mean,
                       100.0 * sum(x.sv_weighting >= \(target)) / nullif(count(x.sv_weighting), 0) AS at_or_above_target
                  FROM groups g LEFT JOIN grouped x ON x.ord = g.ord AND x.grp = g.grp
                 GROUP BY g.ord, g.grp
            )
            SELECT s.grp AS \(groupColumn), s.contracts, s.contracts - s.weighted AS not_recorded, s.value,
                   round(s.mean, 1) AS mean, round(s.weighted_mean, 1) AS weighted_mean, round(m.median, 1) AS median,
                   round(s.at_or_above_target, 1) AS at_or_above_target
              FROM stats s LEFT JOIN medians m ON m.ord = s.ord AND m.grp = s.grp
             ORDER BY s.ord, s.grp
            """)
        var title = "Social value weighting statistics, \(scope(options))"
        if let breakdown { title += ", by \(breakdown.rawValue)" }
        return AnalysisResult(title: Titles.with(filter, title),
                              result: try query.run(on: db, money: money, percent: percent), query: query)
    }

    /// Applicable contracts weighted below the target, largest first.
    public static func below(_ db: Database, filter: Filter, options: Options = Options(),
                             limit: Int? = nil) throws -> AnalysisResult {
        var q = QueryBuilder()
        let pop = population(filter, options, &q)
        let target = q.bind("target", options.target)
        let cap = Titles.limitClause(limit, &q)
        let query = q.query("""
            WITH \(pop)
            SELECT pop.contract_id, pop.partner, pop.financial_year AS year, pop.title, s.name AS supplier,
                   pop.value_pence AS value, pop.sv_weighting AS weighting
              FROM pop JOIN suppliers s ON s.supplier_id = pop.supplier_id
             WHERE pop.sv_weighting < \(target)
             ORDER BY pop.value_pence DESC, pop.contract_id
            """ + cap)
        return AnalysisResult(title: Titles.with(filter, "Contracts weighted below \(Bin.number(options.target))%, \(scope(options))"),
                              result: try query.run(on: db, money: money, percent: percent), query: query)
    }

    /// `fc` (filtered contracts) and `pop` (the applicable ones).
    static func population(_ filter: Filter, _ options: Options, _ q: inout QueryBuilder) -> String {
        let fc = filter.contractsCTE(&q)
        guard let threshold = options.thresholdPence else { return "\(fc),\npop AS (SELECT * FROM fc)" }
        return "\(fc),\npop AS (SELECT * FROM fc WHERE value_pence > \(q.bind("threshold_pence", threshold)))"
    }

    static func scope(_ options: Options) -> String {
        options.thresholdPence.map { "contracts over \(Money.short($0))" } ?? "all contracts"
    }

    /// A histogram bin: [low, high), either end open when nil.
    public struct Bin: Sendable, Equatable {
        public let low: Double?
        public let high: Double?
        public let label: String

        static func number(_ d: Double) -> String {
            d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        }
    }

    /// The bins the edges make: a "<e0" bin when e0 > 0, [e_i, e_i+1) between, "≥eN" last.
    public static func bins(_ edges: [Double]) -> [Bin] {
        var out: [Bin] = []
        if let first = edges.first, first > 0 { out.append(Bin(low: nil, high: first, label: "<\(Bin.number(first))%")) }
        for (a, b) in zip(edges, edges.dropFirst()) {
            out.append(Bin(low: a, high: b, label: "\(Bin.number(a))–\(Bin.number(b))%"))
        }
        if let last = edges.last { out.append(Bin(low: last, high: nil, label: "≥\(Bin.number(last))%")) }
        return out
    }
}
