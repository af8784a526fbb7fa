import SVWDatabase
import SVWWorkspace

/// The policy checks: social value considered and SV KPIs on contracts over £25k,
/// the Portal on contracts over £50k, and commitments still short of their committed
/// units after their contract ended. A flag left empty in the data is "not recorded":
/// counted on its own, never as a pass or a fail.
public enum Compliance {
    public struct Options: Sendable, Equatable {
        /// Social value considered and KPIs apply above this value.
        public var consideredThresholdPence: Int64
        /// The Portal applies above this value.
        public var portalThresholdPence: Int64
        /// Contracts that ended before this ISO date should have delivered; nil = no date, no lag check.
        public var asOf: String?

        public init(consideredThresholdPence: Int64 = Policy.applicableThresholdPence,
                    portalThresholdPence: Int64 = Policy.portalThresholdPence, asOf: String? = nil) {
            self.consideredThresholdPence = consideredThresholdPence
            self.portalThresholdPence = portalThresholdPence
            self.asOf = asOf
        }
    }

    /// The checks that list contracts; `lagging` lists commitments.
    public enum Rule: String, CaseIterable, Sendable {
        case considered, kpis, portal, lagging
    }

    static let columns: ColumnMeanings = [
        "rule": .text("Check"), "in_scope": .count("In scope"), "failing": .count("Failing"),
        "failing_share": .percent("Share failing"), "not_recorded": .count("Not recorded"),
        "failing_value": .money("Value of those failing"), "sv_considered": .text("Social value considered"),
        "sv_kpis": .text("Social value KPIs"), "commitment_id": .text("Commitment"), "end_date": .text("Contract ended"),
        "delivered_pct": .percent("Delivered, % of committed"), "shortfall": .money("Shortfall (TOMs £)"),
    ]

    /// One row per check: how many are in scope, failing, not recorded, and the value at stake.
    /// From the rollups, the lag check adds up ended contracts' counts; from the raw tables
    /// it reads every commitment on those contracts.
    public static func summary(_ db: Database, filter: Filter, options: Options = Options(),
                               source: AnalysisSource = .rollups) throws -> AnalysisResult {
        try source.prepare(db)
        var q = QueryBuilder()
        // At the policy's thresholds, with no more than a year, partner and category to filter
        // by, a few cells hold every count; otherwise each contract is read.
        let cells = source == .rollups && filter.onlyYearPartnerAndCategory
            && options.consideredThresholdPence == Rollups.applicableThresholdPence
            && options.portalThresholdPence == Rollups.portalThresholdPence
        let fc = cells ? filter.cellsCTE(Rollups.contractCells.table, &q) : filter.contractsCTE(from: source, &q)
        let applicable = q.bind("considered_threshold_pence", options.consideredThresholdPence)
        let portal = q.bind("portal_threshold_pence", options.portalThresholdPence)
        let asOf = q.bind("as_of", options.asOf)
        let above = MoneyCaption.short(options.consideredThresholdPence)
        let aboveP = MoneyCaption.short(options.portalThresholdPence)
        let d1 = q.bind("considered_rule", "Over \(above): social value not considered")
        let d2 = q.bind("kpis_rule", "Over \(above): no social value KPIs")
        let d3 = q.bind("portal_rule", "Over \(aboveP): not through the Portal")
        let d4 = q.bind("lagging_rule", "Commitments behind after contract end")
        let descriptions = [d1, d2, d3, d4]
        let checks: String
        if source == .raw {
            checks = rawChecks(applicable: applicable, portal: portal, asOf: asOf, descriptions: descriptions)
        } else if cells {
            checks = cellChecks(filter.cellsCTE(named: "lag", Rollups.lagCells.table, &q), asOf: asOf, descriptions: descriptions)
        } else {
            checks = rollupChecks(applicable: applicable, portal: portal, asOf: asOf, descriptions: descriptions)
        }
        let query = q.query("""
            WITH \(fc),
            \(checks)
            SELECT rule, description, in_scope, failing,
                   round(100.0 * failing / nullif(in_scope, 0), 1) AS failing_share,
                   not_recorded, failing_value
              FROM checks
             ORDER BY ord
            """)
        var title = "Compliance with the social value policy"
        if let asOf = options.asOf { title += " (delivery as of \(asOf))" }
        return AnalysisResult(title: Titles.with(filter, title),
                              result: try query.run(on: db, columns: columns), query: query)
    }

    /// `checks(ord, rule, description, in_scope, failing, not_recorded, failing_value)` read
    /// from the raw tables: the contracts in scope of each check, and every commitment on ended ones.
    static func rawChecks(applicable: String, portal: String, asOf: String, descriptions d: [String]) -> String {
        """
        applicable AS (SELECT * FROM fc WHERE value_pence > \(applicable)),
        portal_scope AS (SELECT * FROM fc WHERE value_pence > \(portal)),
        ended AS (
            SELECT v.*, fc.end_date FROM commitment_values v JOIN fc ON fc.contract_id = v.contract_id
             WHERE fc.end_date IS NOT NULL AND fc.end_date < \(asOf)
        ),
        checks(ord, rule, description, in_scope, failing, not_recorded, failing_value) AS (
            SELECT 1, 'considered', \(d[0]), count(*), coalesce(sum(sv_considered = 0), 0),
                   coalesce(sum(sv_considered IS NULL), 0), coalesce(sum(CASE WHEN sv_considered = 0 THEN value_pence END), 0)
              FROM applicable
            UNION ALL
            SELECT 2, 'kpis', \(d[1]), count(*), coalesce(sum(sv_kpis = 0), 0),
                   coalesce(sum(sv_kpis IS NULL), 0), coalesce(sum(CASE WHEN sv_kpis = 0 THEN value_pence END), 0)
              FROM applicable
            UNION ALL
            SELECT 3, 'portal', \(d[2]), count(*), coalesce(sum(portal = 0), 0),
                   coalesce(sum(portal IS NULL), 0), coalesce(sum(CASE WHEN portal = 0 THEN value_pence END), 0)
              FROM portal_scope
            UNION ALL
            -- no delivery reported is not recorded, like an empty flag: neither behind nor on track;
            -- the value is the undelivered £ of the commitments behind
            SELECT 4, 'lagging', \(d[3]), count(*), coalesce(sum(units_delivered < units_committed), 0),
                   coalesce(sum(units_delivered IS NULL), 0),
                   coalesce(sum(CASE WHEN units_delivered < units_committed
                                     THEN committed_pence - delivered_pence END), 0)
              FROM ended
        )
        """
    }

    /// The same `checks` from the rollup, in one pass over the contracts in scope: each
    /// contract carries its commitments' lag counts and shortfall.
    static func rollupChecks(applicable: String, portal: String, asOf: String, descriptions d: [String]) -> String {
        let flags = [("considered", "sv_considered", applicable), ("kpis", "sv_kpis", applicable), ("portal", "portal", portal)]
        var sums = flags.map { rule, flag, threshold in
            """
                   coalesce(sum(value_pence > \(threshold)), 0) AS \(rule)_in_scope,
                   coalesce(sum(value_pence > \(threshold) AND \(flag) = 0), 0) AS \(rule)_failing,
                   coalesce(sum(value_pence > \(threshold) AND \(flag) IS NULL), 0) AS \(rule)_not_recorded,
                   coalesce(sum(CASE WHEN value_pence > \(threshold) AND \(flag) = 0 THEN value_pence END), 0) AS \(rule)_value
            """
        }
        // no delivery reported is not recorded (neither behind nor on track); the value is the
        // undelivered £ of the commitments behind
        let ended = "end_date IS NOT NULL AND end_date < \(asOf)"
        sums.append("""
                   coalesce(sum(CASE WHEN \(ended) THEN commitments END), 0) AS lagging_in_scope,
                   coalesce(sum(CASE WHEN \(ended) THEN lagging END), 0) AS lagging_failing,
                   coalesce(sum(CASE WHEN \(ended) THEN undelivered END), 0) AS lagging_not_recorded,
                   coalesce(sum(CASE WHEN \(ended) THEN shortfall_pence END), 0) AS lagging_value
            """)
        let lines = zip(["considered", "kpis", "portal", "lagging"], d).enumerated().map { index, rule in
            "SELECT \(index + 1), '\(rule.0)', \(rule.1), \(rule.0)_in_scope, \(rule.0)_failing, \(rule.0)_not_recorded, \(rule.0)_value FROM totals"
        }
        return """
        totals AS (
            SELECT
        \(sums.joined(separator: ",\n"))
              FROM fc
        ),
        checks(ord, rule, description, in_scope, failing, not_recorded, failing_value) AS (
            \(lines.joined(separator: "\n    UNION ALL\n    "))
        )
        """
    }

    /// The same `checks` from the cell rollups, for the policy's thresholds and a filter of no
    /// more than a year, partner and category: `fc` is then `rollup_contract_cells`' rows (see
    /// `summary`) and `lag` the lag counts per contract end date.
    static func cellChecks(_ lag: String, asOf: String, descriptions d: [String]) -> String {
        let flags = [("considered", "sv_considered", "over_applicable"), ("kpis", "sv_kpis", "over_applicable"),
                     ("portal", "portal", "over_portal")]
        let sums = flags.map { rule, flag, scope in
            """
                   coalesce(sum(CASE WHEN \(scope) = 1 THEN contracts END), 0) AS \(rule)_in_scope,
                   coalesce(sum(CASE WHEN \(scope) = 1 AND \(flag) = 0 THEN contracts END), 0) AS \(rule)_failing,
                   coalesce(sum(CASE WHEN \(scope) = 1 AND \(flag) IS NULL THEN contracts END), 0) AS \(rule)_not_recorded,
                   coalesce(sum(CASE WHEN \(scope) = 1 AND \(flag) = 0 THEN value_pence END), 0) AS \(rule)_value
            """
        }
        let lines = zip(["considered", "kpis", "portal", "lagging"], d).enumerated().map { index, rule in
            "SELECT \(index + 1), '\(rule.0)', \(rule.1), \(rule.0)_in_scope, \(rule.0)_failing, \(rule.0)_not_recorded, \(rule.0)_value FROM totals, lag_totals"
        }
        return """
        \(lag),
        totals AS (
            SELECT
        \(sums.joined(separator: ",\n"))
              FROM fc
        ),
        -- no delivery reported is not recorded; the value is the undelivered £ of those behind
        lag_totals AS (
            SELECT coalesce(sum(commitments), 0) AS lagging_in_scope, coalesce(sum(lagging), 0) AS lagging_failing,
                   coalesce(sum(undelivered), 0) AS lagging_not_recorded, coalesce(sum(shortfall_pence), 0) AS lagging_value
              FROM lag WHERE end_date < \(asOf)
        ),
        checks(ord, rule, description, in_scope, failing, not_recorded, failing_value) AS (
            \(lines.joined(separator: "\n    UNION ALL\n    "))
        )
        """
    }

    /// The contracts (or, for `lagging`, commitments) a check flags: failing first, then not recorded.
    public static func list(_ db: Database, filter: Filter, rule: Rule, options: Options = Options(),
                            limit: Int? = nil, source: AnalysisSource = .rollups) throws -> AnalysisResult {
        if rule == .lagging && source == .rollups {
            return try rollupLagging(db, filter: filter, options: options, limit: limit)
        }
        var q = QueryBuilder()
        let fc = filter.contractsCTE(&q)
        let text: String
        let title: String
        switch rule {
        case .considered, .kpis, .portal:
            let flag = rule == .considered ? "sv_considered" : rule == .kpis ? "sv_kpis" : "portal"
            let threshold = rule == .portal ? options.portalThresholdPence : options.consideredThresholdPence
            let bound = q.bind("threshold_pence", threshold)
            text = """
                WITH \(fc)
                SELECT fc.contract_id, fc.partner, fc.financial_year AS year, fc.title, s.name AS supplier,
                       fc.value_pence AS value,
                       CASE WHEN fc.\(flag) IS NULL THEN 'not recorded' ELSE 'no' END AS \(flag)
                  FROM fc JOIN suppliers s ON s.supplier_id = fc.supplier_id
                 WHERE fc.value_pence > \(bound) AND (fc.\(flag) = 0 OR fc.\(flag) IS NULL)
                 ORDER BY fc.\(flag) IS NULL, fc.value_pence DESC, fc.contract_id
                """
            title = [Rule.considered: "Contracts over \(MoneyCaption.short(threshold)) without social value considered",
                     .kpis: "Contracts over \(MoneyCaption.short(threshold)) without social value KPIs",
                     .portal: "Contracts over \(MoneyCaption.short(threshold)) not through the Portal"][rule]!
        case .lagging:
            let asOf = q.bind("as_of", options.asOf)
            text = """
                WITH \(fc)
                SELECT v.commitment_id, v.contract_id, fc.partner, fc.title, v.measure_code AS measure, fc.end_date,
                       v.units_committed, v.units_delivered,
                       round(100.0 * v.units_delivered / nullif(v.units_committed, 0), 1) AS delivered_pct,
                       CASE WHEN v.units_delivered IS NOT NULL THEN v.committed_pence - v.delivered_pence END AS shortfall
                  FROM commitment_values v JOIN fc ON fc.contract_id = v.contract_id
                 WHERE fc.end_date IS NOT NULL AND fc.end_date < \(asOf)
                   AND (v.units_delivered < v.units_committed OR v.units_delivered IS NULL)
                 ORDER BY v.units_delivered IS NULL, shortfall DESC, v.commitment_id
                """
            title = laggingTitle(options)
        }
        let capped = text + ListLimit.clause(limit, &q)
        let query = q.query(capped)
        return AnalysisResult(title: Titles.with(filter, title),
                              result: try query.run(on: db, columns: columns), query: query,
                              rowsWithoutLimit: try ListLimit.rowsWithoutLimit(db, text, limit: limit, q))
    }
}
