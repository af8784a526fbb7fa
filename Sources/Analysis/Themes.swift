import SVWDatabase
import SVWWorkspace

/// Social value committed and delivered, in TOMs £ (units × the active edition's proxy
/// values, from the `commitment_values` view), on the contracts the filter selects.
/// Own-workforce commitments belong to no contract and are left to the headline.
public enum Themes {
    public enum Breakdown: String, CaseIterable, Sendable {
        case theme, measure, partner
    }

    static let columns: ColumnMeanings = [
        "committed_pct_awarded": .percent("Committed, % of awarded"), "delivered_pct_awarded": .percent("Delivered, % of awarded"),
        "unit": .text("Unit"), "proxy": .money("Proxy value per unit"),
    ]

    /// `theme` and `measure` (already checked against the framework and the edition) narrow the
    /// commitments. The theme and partner breakdowns read the rollup's per-contract, per-theme
    /// totals; a breakdown by measure, or one measure, needs the commitments themselves.
    public static func run(_ db: Database, filter: Filter, by breakdown: Breakdown = .theme,
                           theme: String? = nil, measure: String? = nil,
                           source requested: AnalysisSource = .rollups) throws -> AnalysisResult {
        let byMeasure = breakdown == .measure && filter.onlyYearPartnerAndCategory
        let source = (breakdown == .measure || measure != nil) && !byMeasure ? AnalysisSource.raw : requested
        try source.prepare(db)
        var q = QueryBuilder()
        var onlyTheme: String?
        let text: String
        if source == .rollups && byMeasure {
            text = measureCellsSQL(filter, theme: theme, measure: measure, &q)
        } else if source == .rollups {
            // Filtered by no more than a year and a partner, the per-year rollup's few rows
            // carry the same columns as the contracts' rows, added up.
            let perYear = filter.onlyYearAndPartner
            let fc = perYear ? filter.yearsCTE(allPartners: breakdown == .theme, &q) : filter.contractsCTE(from: source, &q)
            if let theme { onlyTheme = q.bind("theme", theme) }
            switch breakdown {
            case .theme: text = themeSQL(fc, rollupByTheme(onlyTheme: onlyTheme), onlyTheme: onlyTheme)
            case .partner: text = partnerSQL(fc, rollupByPartner(theme: theme), contracts: perYear ? "coalesce(sum(contracts), 0)" : "count(*)")
            case .measure: preconditionFailure("a breakdown by measure reads the commitments")
            }
        } else {
            let fc = filter.contractsCTE(from: source, &q)
            if let theme { onlyTheme = q.bind("theme", theme) }
            var conditions: [String] = []
            if let onlyTheme { conditions.append("v.theme = \(onlyTheme)") }
            if let measure { conditions.append("v.measure_code = \(q.bind("measure", measure))") }
            let cv = "cv AS (SELECT v.*, fc.partner FROM commitment_values v JOIN fc ON fc.contract_id = v.contract_id"
                + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + ")"
            switch breakdown {
            case .theme: text = themeSQL(fc, cv + ",\n" + rawByTheme, onlyTheme: onlyTheme)
            case .measure: text = measureSQL("\(fc),\n\(cv),\n\(rawByMeasure)")
            case .partner: text = partnerSQL(fc, cv + ",\n" + rawByPartner)
            }
        }
        let query = q.query(text)
        var title = "Social value committed and delivered by \(breakdown.rawValue)"
        if let theme { title += ", theme \(theme)" }
        if let measure { title += ", measure \(measure)" }
        return AnalysisResult(title: Titles.with(filter, title),
                              result: try query.run(on: db, columns: columns), query: query)
    }

    // `by_theme(theme, commitments, committed, delivered)`: theme NULL for commitments whose
    // measure is not in the active edition; `sv(partner, commitments, committed, delivered)`.

    /// One pass over the commitments in scope.
    static let rawByTheme = """
        by_theme AS (
            SELECT theme, count(*) AS commitments, sum(committed_pence) AS committed, sum(delivered_pence) AS delivered
              FROM cv GROUP BY theme
        )
        """

    static let rawByPartner = """
        sv AS (
            SELECT partner, count(*) AS commitments, sum(committed_pence) AS committed, sum(delivered_pence) AS delivered
              FROM cv GROUP BY partner
        )
        """

    /// One pass over the contracts in scope, adding up the rollup's per-theme columns.
    static func rollupByTheme(onlyTheme: String?) -> String {
        let columns = Schema.themes.map(Rollups.themeColumn)
        let sums = (["unvalued"] + columns.flatMap { ["\($0)_commitments", "\($0)_committed", "\($0)_delivered"] })
            .map { "sum(\($0)) AS \($0)" }.joined(separator: ", ")
        let themes = zip(Schema.themes, columns).map { theme, c in
            "SELECT '\(theme)' AS theme, \(c)_commitments AS commitments, \(c)_committed AS committed, \(c)_delivered AS delivered FROM totals"
        }
        let lines = (themes + ["SELECT NULL, unvalued, NULL, NULL FROM totals WHERE unvalued > 0"])
            .joined(separator: "\n        UNION ALL\n        ")
        return """
            totals AS (SELECT \(sums) FROM fc),
            by_theme AS (
                SELECT * FROM (
                    \(lines)
                )\(onlyTheme.map { " WHERE theme = \($0)" } ?? "")
            )
            """
    }

    /// Per partner from the rollup: every commitment, or one theme's (a theme name from the
    /// framework's fixed list, so its column name is never user text).
    static func rollupByPartner(theme: String?) -> String {
        let (count, committed, delivered) = theme.map { theme -> (String, String, String) in
            let c = Rollups.themeColumn(theme)
            return ("\(c)_commitments", "\(c)_committed", "\(c)_delivered")
        } ?? ("commitments", "committed_pence", "delivered_pence")
        return """
            sv AS (
                SELECT partner, sum(\(count)) AS commitments, sum(\(committed)) AS committed, sum(\(delivered)) AS delivered
                  FROM fc GROUP BY partner
            )
            """
    }

    /// Contracts worth more than `thresholdPence` with no commitments at all, largest first.
    public static func uncommitted(_ db: Database, filter: Filter,
                                   thresholdPence: Int64 = Policy.portalThresholdPence, limit: Int? = nil) throws -> AnalysisResult {
        var q = QueryBuilder()
        let fc = filter.contractsCTE(&q)
        let threshold = q.bind("threshold_pence", thresholdPence)
        let text = """
            WITH \(fc)
            SELECT fc.contract_id, fc.partner, fc.financial_year AS year, fc.title, s.name AS supplier,
                   fc.value_pence AS value,
                   CASE fc.portal WHEN 1 THEN 'yes' WHEN 0 THEN 'no' ELSE 'not recorded' END AS portal
              FROM fc JOIN suppliers s ON s.supplier_id = fc.supplier_id
             WHERE fc.value_pence > \(threshold)
               AND NOT EXISTS (SELECT 1 FROM commitments k WHERE k.contract_id = fc.contract_id)
             ORDER BY fc.value_pence DESC, fc.contract_id
            """
        let cap = ListLimit.clause(limit, &q)
        let query = q.query(text + cap)
        return AnalysisResult(title: Titles.with(filter, "Contracts over \(MoneyCaption.short(thresholdPence)) with no social value commitments"),
                              result: try query.run(on: db, columns: columns), query: query,
                              rowsWithoutLimit: try ListLimit.rowsWithoutLimit(db, text, limit: limit, q))
    }

    /// How many contracts over the threshold have no commitments, and their value: one row.
    /// The contracts rollup counts each contract's commitments, so it needs no look-up.
    public static func uncommittedCount(_ db: Database, filter: Filter,
                                        thresholdPence: Int64 = Policy.portalThresholdPence,
                                        source: AnalysisSource = .rollups) throws -> AnalysisResult {
        try source.prepare(db)
        var q = QueryBuilder()
        let fc = filter.contractsCTE(from: source, &q)
        let threshold = q.bind("threshold_pence", thresholdPence)
        let none = source == .rollups ? "fc.commitments = 0"
                                      : "NOT EXISTS (SELECT 1 FROM commitments k WHERE k.contract_id = fc.contract_id)"
        // From the rollup as -value: its index on -value_pence holds the contracts over the threshold.
        let over = source == .rollups ? "-fc.value_pence < -\(threshold)" : "fc.value_pence > \(threshold)"
        let query = q.query("""
            WITH \(fc)
            SELECT count(*) AS contracts, coalesce(sum(fc.value_pence), 0) AS value
              FROM fc
             WHERE \(over)
               AND \(none)
            """)
        return AnalysisResult(title: "Contracts over \(MoneyCaption.short(thresholdPence)) with no commitments",
                              result: try query.run(on: db, columns: columns), query: query)
    }

    static func themeSQL(_ fc: String, _ byTheme: String, onlyTheme: String?) -> String {
        let themeRows = Schema.themes.enumerated().map { "(\($0 + 1), '\($1)')" }.joined(separator: ", ")
        return """
        WITH \(fc),
        \(byTheme),
        awarded AS (SELECT coalesce(sum(value_pence), 0) AS awarded FROM fc),
        themes(ord, theme) AS (VALUES \(themeRows)),
        lines AS (
            SELECT t.ord, t.theme, coalesce(b.commitments, 0) AS commitments,
                   coalesce(b.committed, 0) AS committed, coalesce(b.delivered, 0) AS delivered
              FROM themes t LEFT JOIN by_theme b ON b.theme = t.theme\(onlyTheme.map { " WHERE t.theme = \($0)" } ?? "")
            UNION ALL
            -- commitments whose measure code is not in the active edition cannot be valued: shown, not dropped
            SELECT 90, 'Measure not in edition', commitments, NULL, NULL FROM by_theme WHERE theme IS NULL
            UNION ALL
            SELECT 99, 'Total', coalesce(sum(commitments), 0), coalesce(sum(committed), 0), coalesce(sum(delivered), 0)
              FROM by_theme
        )
        SELECT l.theme, l.commitments, l.committed, l.delivered,
               round(100.0 * l.delivered / nullif(l.committed, 0), 1) AS delivery_rate,
               round(100.0 * l.committed / nullif(a.awarded, 0), 1) AS committed_pct_awarded,
               round(100.0 * l.delivered / nullif(a.awarded, 0), 1) AS delivered_pct_awarded
          FROM lines l CROSS JOIN awarded a
         ORDER BY l.ord
        """
    }

    /// One pass over the commitments in scope; the Total adds up the measures.
    static let rawByMeasure = """
        by_measure AS (
            SELECT measure_code, theme, edition, proxy_pence, count(*) AS commitments,
                   sum(units_committed) AS units_committed, sum(coalesce(units_delivered, 0)) AS units_delivered,
                   sum(committed_pence) AS committed, sum(delivered_pence) AS delivered
              FROM cv GROUP BY measure_code
        )
        """

    /// From `rollup_measure_cells`, for a filter of no more than a year, partner and category:
    /// the cells in scope added up per measure, valued in the edition they were built in (the
    /// active one: a change of edition marks them stale).
    static func measureCellsSQL(_ filter: Filter, theme: String?, measure: String?, _ q: inout QueryBuilder) -> String {
        let cells = filter.cellsCTE(named: "mc", Rollups.measureCells.table, &q)
        var conditions: [String] = []
        if let theme { conditions.append("m.theme = \(q.bind("theme", theme))") }
        if let measure { conditions.append("x.measure_code = \(q.bind("measure", measure))") }
        return measureSQL("""
            \(cells),
            by_measure AS (
                SELECT x.measure_code, m.theme, m.edition, m.proxy_pence, sum(x.commitments) AS commitments,
                       sum(x.units_committed) AS units_committed, sum(x.units_delivered) AS units_delivered,
                       sum(x.committed_pence) AS committed, sum(x.delivered_pence) AS delivered
                  FROM mc x
                  LEFT JOIN measures m
                    ON m.code = x.measure_code AND m.edition = (SELECT value FROM settings WHERE key = 'measures_edition')\(
                    conditions.isEmpty ? "" : "\n                 WHERE " + conditions.joined(separator: " AND "))
                 GROUP BY x.measure_code
            )
            """)
    }

    /// `head`: the CTEs up to `by_measure(measure_code, theme, edition, proxy_pence, commitments,
    /// units_committed, units_delivered, committed, delivered)`.
    static func measureSQL(_ head: String) -> String {
        """
        WITH \(head),
        lines AS (
            SELECT 1 AS grp, \(ThemeOrder.sortKey("b.theme")) AS ord, b.measure_code AS measure, b.theme,
                   m.description, m.unit, b.commitments,
                   round(b.units_committed, 2) AS units_committed, round(b.units_delivered, 2) AS units_delivered,
                   b.proxy_pence AS proxy, b.committed, b.delivered
              FROM by_measure b LEFT JOIN measures m ON m.code = b.measure_code AND m.edition = b.edition
            UNION ALL
            SELECT 2, 0, 'Total', NULL, NULL, NULL, coalesce(sum(commitments), 0), NULL, NULL, NULL,
                   coalesce(sum(committed), 0), coalesce(sum(delivered), 0)
              FROM by_measure
        )
        SELECT measure, theme, description, unit, commitments, units_committed, units_delivered, proxy,
               committed, delivered,
               round(100.0 * delivered / nullif(committed, 0), 1) AS delivery_rate
          FROM lines
         ORDER BY grp, ord, \(ThemeOrder.measureOrder("measure"))
        """
    }

    /// `sv`: the CTEs ending in `sv`; `contracts`: how to count an `fc` row's contracts.
    static func partnerSQL(_ fc: String, _ sv: String, contracts: String = "count(*)") -> String {
        """
        WITH \(fc),
        awarded AS (SELECT partner, \(contracts) AS contracts, sum(value_pence) AS awarded FROM fc GROUP BY partner),
        \(sv),
        lines AS (
            SELECT 1 AS grp, a.partner, a.contracts, a.awarded, coalesce(s.commitments, 0) AS commitments,
                   coalesce(s.committed, 0) AS committed, coalesce(s.delivered, 0) AS delivered
              FROM awarded a LEFT JOIN sv s ON s.partner = a.partner
            UNION ALL
            SELECT 2, 'Total', (SELECT \(contracts) FROM fc), (SELECT coalesce(sum(value_pence), 0) FROM fc),
                   coalesce(sum(commitments), 0), coalesce(sum(committed), 0), coalesce(sum(delivered), 0)
              FROM sv
        )
        SELECT partner, contracts, awarded, commitments, committed, delivered,
               round(100.0 * delivered / nullif(committed, 0), 1) AS delivery_rate,
               round(100.0 * committed / nullif(awarded, 0), 1) AS committed_pct_awarded,
               round(100.0 * delivered / nullif(awarded, 0), 1) AS delivered_pct_awarded
          FROM lines
         ORDER BY grp, partner
        """
    }
}
