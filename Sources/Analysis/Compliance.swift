import SVWDatabase

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

    static let money: Set<String> = ["failing_value", "value", "shortfall"]
    static let percent: Set<String> = ["failing_share", "delivered_pct"]

    /// One row per check: how many are in scope, failing, not recorded, and the value at stake.
    public static func summary(_ db: Database, filter: Filter, options: Options = Options()) throws -> AnalysisResult {
        var q = QueryBuilder()
        let fc = filter.contractsCTE(&q)
        let applicable = q.bind("considered_threshold_pence", options.consideredThresholdPence)
        let portal = q.bind("portal_threshold_pence", options.portalThresholdPence)
        let asOf = q.bind("as_of", options.asOf)
        let above = MoneyCaption.short(options.consideredThresholdPence)
        let aboveP = MoneyCaption.short(options.portalThresholdPence)
        let d1 = q.bind("considered_rule", "Over \(above): social value not considered")
        let d2 = q.bind("kpis_rule", "Over \(above): no social value KPIs")
        let d3 = q.bind("portal_rule", "Over \(aboveP): not through the Portal")
        let d4 = q.bind("lagging_rule", "Commitments behind after contract end")
        let query = q.query("""
            WITH \(fc),
            applicable AS (SELECT * FROM fc WHERE value_pence > \(applicable)),
            portal_scope AS (SELECT * FROM fc WHERE value_pence > \(portal)),
            ended AS (
                SELECT v.*, fc.end_date FROM commitment_values v JOIN fc ON fc.contract_id = v.contract_id
                 WHERE fc.end_date IS NOT NULL AND fc.end_date < \(asOf)
            ),
            checks(ord, rule, description, in_scope, failing, not_recorded, failing_value) AS (
                SELECT 1, 'considered', \(d1), count(*), coalesce(sum(sv_considered = 0), 0),
                       coalesce(sum(sv_considered IS NULL), 0), coalesce(sum(CASE WHEN sv_considered = 0 THEN value_pence END), 0)
                  FROM applicable
                UNION ALL
                SELECT 2, 'kpis', \(d2), count(*), coalesce(sum(sv_kpis = 0), 0),
                       coalesce(sum(sv_kpis IS NULL), 0), coalesce(sum(CASE WHEN sv_kpis = 0 THEN value_pence END), 0)
                  FROM applicable
                UNION ALL
                SELECT 3, 'portal', \(d3), count(*), coalesce(sum(portal = 0), 0),
                       coalesce(sum(portal IS NULL), 0), coalesce(sum(CASE WHEN portal = 0 THEN value_pence END), 0)
                  FROM portal_scope
                UNION ALL
                -- no delivery reported is not recorded, like an empty flag: neither behind nor on track;
                -- the value is the undelivered £ of the commitments behind
                SELECT 4, 'lagging', \(d4), count(*), coalesce(sum(units_delivered < units_committed), 0),
                       coalesce(sum(units_delivered IS NULL), 0),
                       coalesce(sum(CASE WHEN units_delivered < units_committed
                                         THEN committed_pence - delivered_pence END), 0)
                  FROM ended
            )
            SELECT rule, description, in_scope, failing,
                   round(100.0 * failing / nullif(in_scope, 0), 1) AS failing_share,
                   not_recorded, failing_value
              FROM checks
             ORDER BY ord
            """)
        var title = "Compliance with the social value policy"
        if let asOf = options.asOf { title += " (delivery as of \(asOf))" }
        return AnalysisResult(title: Titles.with(filter, title),
                              result: try query.run(on: db, money: money, percent: percent), query: query)
    }

    /// The contracts (or, for `lagging`, commitments) a check flags: failing first, then not recorded.
    public static func list(_ db: Database, filter: Filter, rule: Rule, options: Options = Options(),
                            limit: Int? = nil) throws -> AnalysisResult {
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
            title = "Commitments behind after their contract ended" + (options.asOf.map { " (as of \($0))" } ?? "")
        }
        let capped = text + ListLimit.clause(limit, &q)
        let query = q.query(capped)
        return AnalysisResult(title: Titles.with(filter, title),
                              result: try query.run(on: db, money: money, percent: percent), query: query,
                              rowsWithoutLimit: try ListLimit.rowsWithoutLimit(db, text, limit: limit, q))
    }
}
