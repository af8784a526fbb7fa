import SVWDatabase
import SVWWorkspace

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

    static let columns: ColumnMeanings = [
        "bin": .text("Weighting"), "contracts_share": .percent("Share of contracts"), "scope": .text("Contracts"),
        "not_recorded": .count("Weighting not recorded"), "mean": .percent("Mean weighting"),
        "weighted_mean": .percent("Value-weighted mean"), "median": .percent("Median weighting"),
        "at_or_above_target": .percent("At or above target"), "below_target": .count("Below target"),
        "weighting": .percent("Weighting"),
    ]

    /// One row per bin (and a Total): contracts and value in each.
    public static func histogram(_ db: Database, filter: Filter, options: Options = Options(),
                                 source: AnalysisSource = .rollups) throws -> AnalysisResult {
        precondition(!options.bins.isEmpty && options.bins == options.bins.sorted() && Set(options.bins).count == options.bins.count,
                     "bins are validated ascending and distinct before they reach the analysis")
        try source.prepare(db)
        var q = QueryBuilder()
        let (pop, count) = population(filter, options, source: source, &q)
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
            -- contracts and value per weighting: a few rows, however many contracts, which the bins then add up
            weights AS (
                SELECT sv_weighting AS w, \(count) AS n, sum(value_pence) AS value
                  FROM pop WHERE sv_weighting IS NOT NULL GROUP BY sv_weighting
            ),
            total AS (SELECT coalesce(sum(n), 0) AS contracts, coalesce(sum(value), 0) AS value FROM weights),
            lines AS (
                SELECT b.ord, b.bin, coalesce(sum(x.n), 0) AS contracts, coalesce(sum(x.value), 0) AS value
                  FROM bins b
                  LEFT JOIN weights x
                    ON (b.low IS NULL OR x.w >= b.low) AND (b.high IS NULL OR x.w < b.high)
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
                              result: try query.run(on: db, columns: columns), query: query)
    }

    /// Mean (simple and value-weighted), median and share at or above target: one row for
    /// all applicable contracts, or one per group followed by a Total.
    public static func statistics(_ db: Database, filter: Filter, by breakdown: Breakdown? = nil,
                                  options: Options = Options(), source: AnalysisSource = .rollups) throws -> AnalysisResult {
        try source.prepare(db)
        var q = QueryBuilder()
        let (pop, count) = population(filter, options, source: source, &q)
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
            : "groups(ord, grp) AS (SELECT DISTINCT 1, grp FROM cells UNION ALL SELECT 2, 'Total')"
        let total = breakdown == nil ? "" : """

                UNION ALL
                SELECT 2, 'Total', w, sum(n), sum(value) FROM cells GROUP BY w
            """
        let query = q.query("""
            WITH \(pop),
            -- contracts and value per group and weighting (NULL: not recorded): a few rows, however
            -- many contracts, from which every figure below is worked out
            cells AS (
                SELECT \(group) AS grp, sv_weighting AS w, \(count) AS n, sum(value_pence) AS value
                  FROM pop GROUP BY 1, 2
            ),
            lines AS (
                SELECT 1 AS ord, grp, w, n, value FROM cells\(total)
            ),
            \(groups),
            stats AS (
                SELECT ord, grp, sum(n) AS contracts, sum(CASE WHEN w IS NOT NULL THEN n END) AS weighted,
                       sum(CASE WHEN w IS NOT NULL THEN value END) AS value,
                       sum(w * n) / sum(CASE WHEN w IS NOT NULL THEN n END) AS mean,
                       sum(w * value) / sum(CASE WHEN w IS NOT NULL THEN value END) AS weighted_mean,
                       100.0 * sum(CASE WHEN w >= \(target) THEN n ELSE 0 END)
                         / sum(CASE WHEN w IS NOT NULL THEN n END) AS at_or_above_target,
                       sum(CASE WHEN w < \(target) THEN n ELSE 0 END) AS below_target
                  FROM lines GROUP BY ord, grp
            ),
            positions AS (
                SELECT ord, grp, w, sum(n) OVER (PARTITION BY ord, grp ORDER BY w) AS upto,
                       sum(n) OVER (PARTITION BY ord, grp) AS total
                  FROM lines WHERE w IS NOT NULL
            ),
            medians AS (
                -- the middle weighting, or the mean of the middle two: positions (total + 1) / 2 and (total + 2) / 2
                SELECT ord, grp, (min(CASE WHEN upto >= (total + 1) / 2 THEN w END)
                                  + min(CASE WHEN upto >= (total + 2) / 2 THEN w END)) / 2.0 AS median
                  FROM positions GROUP BY ord, grp
            )
            -- contracts and value are the contracts with a weighting (the histogram's Total); not_recorded
            -- counts the applicable ones without, which no figure includes
            SELECT g.grp AS \(groupColumn), coalesce(s.weighted, 0) AS contracts,
                   coalesce(s.contracts - coalesce(s.weighted, 0), 0) AS not_recorded, coalesce(s.value, 0) AS value,
                   round(s.mean, 1) AS mean, round(s.weighted_mean, 1) AS weighted_mean, round(m.median, 1) AS median,
                   round(s.at_or_above_target, 1) AS at_or_above_target, coalesce(s.below_target, 0) AS below_target
              FROM groups g
              LEFT JOIN stats s ON s.ord = g.ord AND s.grp = g.grp
              LEFT JOIN medians m ON m.ord = g.ord AND m.grp = g.grp
             ORDER BY g.ord, g.grp
            """)
        var title = "Social value weighting statistics, \(scope(options))"
        if let breakdown { title += ", by \(breakdown.rawValue)" }
        return AnalysisResult(title: Titles.with(filter, title),
                              result: try query.run(on: db, columns: columns), query: query)
    }

    /// Applicable contracts weighted below the target, largest first; with `by`, grouped
    /// (the group's column first) and `limit` applying to each group.
    /// From the rollups, `rollup_contracts` lists the contracts (its index on value, largest
    /// first, lets a capped list read a few of them) and only the titles come from contracts.
    public static func below(_ db: Database, filter: Filter, options: Options = Options(),
                             limit: Int? = nil, by breakdown: Breakdown? = nil,
                             source: AnalysisSource = .rollups) throws -> AnalysisResult {
        try source.prepare(db)
        var q = QueryBuilder()
        let rolled = source == .rollups
        let pop = rolled ? rollupPopulation(filter, options, &q) : population(filter, options, &q).sql
        let target = q.bind("target", options.target)
        var columns = ["pop.contract_id", "pop.partner", "pop.financial_year AS year", rolled ? "t.title" : "pop.title",
                       "s.name AS supplier", "pop.value_pence AS value", "pop.sv_weighting AS weighting"]
        // Largest first; from the rollup as -value (the same order), which its index holds.
        let largest = rolled ? "-pop.value_pence, pop.contract_id" : "pop.value_pence DESC, pop.contract_id"
        let from = "pop JOIN suppliers s ON s.supplier_id = pop.supplier_id"
            + (rolled ? " JOIN contracts t ON t.contract_id = pop.contract_id" : "")
        let text: String
        let uncapped: String
        if let breakdown {
            let group: String
            switch breakdown {
            case .partner: group = "pop.partner"; columns.removeAll { $0 == "pop.partner" }
            case .category: group = "coalesce(pop.category, '(none)')"
            case .year: group = "pop.financial_year"; columns.removeAll { $0 == "pop.financial_year AS year" }
            }
            let groupColumn = breakdown == .year ? "year" : breakdown.rawValue
            func list(_ cap: String) -> String {
                """
                WITH \(pop),
                below AS (
                    SELECT \(group) AS \(groupColumn), \(columns.joined(separator: ", ")),
                           row_number() OVER (PARTITION BY \(group) ORDER BY pop.value_pence DESC, pop.contract_id) AS rn
                      FROM \(from)
                     WHERE pop.sv_weighting < \(target)
                )
                SELECT \(groupColumn), \(columns.map(Self.outputName).joined(separator: ", "))
                  FROM below\(cap)
                 ORDER BY \(groupColumn), rn
                """
            }
            uncapped = list("")
            text = list(limit.map { "\n WHERE rn <= \(q.bind("limit", $0))" } ?? "")
        } else {
            uncapped = """
                WITH \(pop)
                SELECT \(columns.joined(separator: ", "))
                  FROM \(from)
                 WHERE pop.sv_weighting < \(target)
                 ORDER BY \(largest)
                """
            text = uncapped + ListLimit.clause(limit, &q)
        }
        let query = q.query(text)
        var title = "Contracts weighted below \(Bin.number(options.target))%, \(scope(options))"
        if let breakdown { title += ", by \(breakdown.rawValue)" + (limit.map { " (the \($0) largest in each)" } ?? "") }
        return AnalysisResult(title: Titles.with(filter, title),
                              result: try query.run(on: db, columns: Self.columns), query: query,
                              rowsWithoutLimit: rolled
                                ? try ListLimit.rowsWithoutLimit(
                                    db, counting: "WITH \(pop)\nSELECT count(*) FROM pop WHERE pop.sv_weighting < \(target)", limit: limit, q)
                                : try ListLimit.rowsWithoutLimit(db, uncapped, limit: limit, q))
    }

    /// `fc` and `pop` over `rollup_contracts`: the applicable contracts under the filter.
    static func rollupPopulation(_ filter: Filter, _ options: Options, _ q: inout QueryBuilder) -> String {
        let fc = filter.rollupCTE(&q)
        guard let threshold = options.thresholdPence else { return "\(fc),\npop AS NOT MATERIALIZED (SELECT * FROM fc)" }
        return "\(fc),\npop AS NOT MATERIALIZED (SELECT * FROM fc WHERE -value_pence < -\(q.bind("threshold_pence", threshold)))"
    }

    /// The name a select-list entry gives its column (`pop.title` → `title`, `x AS y` → `y`).
    static func outputName(_ entry: String) -> String {
        if let range = entry.range(of: " AS ") { return String(entry[range.upperBound...]) }
        return entry.split(separator: ".").last.map(String.init) ?? entry
    }

    /// `fc` (filtered contracts) and `pop` (the applicable ones), and how to count a `pop`
    /// row's contracts. Filtered by no more than a year, partner and category, at the policy's
    /// threshold (or none), the rollups' rows of contracts per weighting stand in for the
    /// contracts. The list of contracts below target shows titles, which only the contracts table holds.
    static func population(_ filter: Filter, _ options: Options, source: AnalysisSource = .raw,
                           _ q: inout QueryBuilder) -> (sql: String, count: String) {
        if source == .rollups && filter.onlyYearPartnerAndCategory
            && (options.thresholdPence == nil || options.thresholdPence == Rollups.applicableThresholdPence) {
            let fc = filter.cellsCTE(Rollups.contractCells.table, &q)
            let applicable = options.thresholdPence == nil ? "" : " WHERE over_applicable = 1"
            return ("\(fc),\npop AS NOT MATERIALIZED (SELECT * FROM fc\(applicable))", "sum(contracts)")
        }
        let fc = filter.contractsCTE(from: source, &q)
        guard let threshold = options.thresholdPence else { return ("\(fc),\npop AS NOT MATERIALIZED (SELECT * FROM fc)", "count(*)") }
        return ("\(fc),\npop AS NOT MATERIALIZED (SELECT * FROM fc WHERE value_pence > \(q.bind("threshold_pence", threshold)))", "count(*)")
    }

    static func scope(_ options: Options) -> String {
        options.thresholdPence.map { "contracts over \(MoneyCaption.short($0))" } ?? "all contracts"
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
