import SVWDatabase

/// Where the winning suppliers are: inside Greater Manchester, outside, or unknown
/// (missing or malformed postcode — never counted as outside). GM status comes from the
/// `supplier_geography` view (majority rule on the postcode district's GM share).
public enum Geography {
    public enum Breakdown: String, CaseIterable, Sendable {
        /// Inside GM / outside GM / unknown.
        case status
        /// Each GM authority, then outside and unknown.
        case authority
        /// Postcode area (the district's letters: SK, M, WA…).
        case area
        /// Per partner: suppliers and value inside GM.
        case partner
    }

    static let money: Set<String> = ["awarded", "gm_awarded"]
    static let percent: Set<String> = ["supplier_share", "value_share", "gm_supplier_share", "gm_value_share", "share_of_outside",
                                       "district_gm_share"]

    /// From the rollups, each contract's supplier is looked up in `rollup_supplier_geography`,
    /// a copy of the view's columns, instead of the view (which works out the district's
    /// geography for every supplier it is asked about).
    public static func run(_ db: Database, filter: Filter, by breakdown: Breakdown = .status,
                           source: AnalysisSource = .rollups) throws -> AnalysisResult {
        try source.prepare(db)
        var q = QueryBuilder()
        let fc = filter.contractsCTE(from: source, &q)
        let geography = source.supplierGeography
        let text: String
        switch breakdown {
        case .status: text = statusSQL(fc, geography)
        case .authority: text = authoritySQL(fc, geography)
        case .area: text = areaSQL(fc, geography)
        case .partner: text = partnerSQL(fc, geography)
        }
        let query = q.query(text)
        let title = "Winning suppliers and awarded value by " + (breakdown == .status ? "location" : breakdown.rawValue)
        return AnalysisResult(title: Titles.with(filter, title),
                              result: try query.run(on: db, money: money, percent: percent), query: query)
    }

    /// The `top` largest suppliers outside GM by value awarded, with their district's GM
    /// share, so a fringe district (WA3 at 49.8%) stands out from one far away (0%).
    public static func topOutside(_ db: Database, filter: Filter, top: Int,
                                  source: AnalysisSource = .rollups) throws -> AnalysisResult {
        try source.prepare(db)
        var q = QueryBuilder()
        let fc = filter.contractsCTE(from: source, &q)
        let limit = q.bind("top", top)
        // The top few are picked first, so only they are looked up for name and district.
        let query = q.query("""
            WITH \(fc),
            outside AS (
                SELECT fc.supplier_id, count(*) AS contracts, sum(fc.value_pence) AS awarded
                  FROM fc JOIN \(source.supplierGeography) g ON g.supplier_id = fc.supplier_id
                 WHERE g.gm_status = 'outside'
                 GROUP BY fc.supplier_id
            ),
            total AS (SELECT sum(awarded) AS awarded FROM outside),
            leaders AS (
                SELECT row_number() OVER (ORDER BY awarded DESC, supplier_id) AS rank, supplier_id, contracts, awarded
                  FROM outside ORDER BY awarded DESC, supplier_id LIMIT \(limit)
            )
            SELECT o.rank, o.supplier_id, g.name, g.postcode, g.district,
                   -- a district missing from postcode_districts has no GM postcodes at all
                   CASE WHEN g.district IS NOT NULL THEN round(100.0 * coalesce(d.gm_share, 0), 1) END AS district_gm_share,
                   o.contracts, o.awarded,
                   round(100.0 * o.awarded / t.awarded, 1) AS share_of_outside
              FROM leaders o
              JOIN supplier_geography g ON g.supplier_id = o.supplier_id
              LEFT JOIN district_geography d ON d.outward_code = g.district
             CROSS JOIN total t
             ORDER BY o.rank
            """)
        return AnalysisResult(title: Titles.with(filter, "Largest suppliers outside GM (top \(top))"),
                              result: try query.run(on: db, money: money, percent: percent), query: query)
    }

    // Each breakdown ends with a Total row; `grp` keeps the fixed lines (outside, unknown, total) last.

    static func statusSQL(_ fc: String, _ geography: String) -> String {
        """
        WITH \(fc),
        won AS (
            SELECT g.gm_status, count(DISTINCT fc.supplier_id) AS suppliers,
                   count(*) AS contracts, sum(fc.value_pence) AS awarded
              FROM fc JOIN \(geography) g ON g.supplier_id = fc.supplier_id
             GROUP BY g.gm_status
        ),
        total AS (
            SELECT coalesce(sum(suppliers), 0) AS suppliers, coalesce(sum(contracts), 0) AS contracts,
                   coalesce(sum(awarded), 0) AS awarded
              FROM won
        ),
        location(grp, gm_status, location) AS (
            VALUES (1, 'GM', 'Inside GM'), (2, 'outside', 'Outside GM'), (3, 'unknown', 'Unknown postcode')
        ),
        lines AS (
            SELECT l.grp, l.location, coalesce(w.suppliers, 0) AS suppliers, coalesce(w.contracts, 0) AS contracts,
                   coalesce(w.awarded, 0) AS awarded
              FROM location l LEFT JOIN won w ON w.gm_status = l.gm_status
            UNION ALL
            SELECT 4, 'Total', suppliers, contracts, awarded FROM total
        )
        SELECT x.location, x.suppliers,
               round(100.0 * x.suppliers / nullif(t.suppliers, 0), 1) AS supplier_share,
               x.contracts, x.awarded,
               round(100.0 * x.awarded / nullif(t.awarded, 0), 1) AS value_share
          FROM lines x CROSS JOIN total t
         ORDER BY x.grp
        """
    }

    static func authoritySQL(_ fc: String, _ geography: String) -> String {
        """
        WITH \(fc),
        won AS (
            SELECT CASE g.gm_status WHEN 'GM' THEN g.authority WHEN 'outside' THEN 'Outside GM'
                   ELSE 'Unknown postcode' END AS authority,
                   count(DISTINCT fc.supplier_id) AS suppliers, count(*) AS contracts, sum(fc.value_pence) AS awarded
              FROM fc JOIN \(geography) g ON g.supplier_id = fc.supplier_id
             GROUP BY 1
        ),
        total AS (
            SELECT coalesce(sum(suppliers), 0) AS suppliers, coalesce(sum(contracts), 0) AS contracts,
                   coalesce(sum(awarded), 0) AS awarded
              FROM won
        ),
        places(grp, authority) AS (
            SELECT DISTINCT 1, authority FROM postcode_districts
            UNION ALL SELECT 2, 'Outside GM'
            UNION ALL SELECT 3, 'Unknown postcode'
        ),
        lines AS (
            SELECT p.grp, p.authority, coalesce(w.suppliers, 0) AS suppliers, coalesce(w.contracts, 0) AS contracts,
                   coalesce(w.awarded, 0) AS awarded
              FROM places p LEFT JOIN won w ON w.authority = p.authority
            UNION ALL
            SELECT 4, 'Total', suppliers, contracts, awarded FROM total
        )
        SELECT x.authority, x.suppliers,
               round(100.0 * x.suppliers / nullif(t.suppliers, 0), 1) AS supplier_share,
               x.contracts, x.awarded,
               round(100.0 * x.awarded / nullif(t.awarded, 0), 1) AS value_share
          FROM lines x CROSS JOIN total t
         ORDER BY x.grp, x.awarded DESC, x.authority
        """
    }

    static func areaSQL(_ fc: String, _ geography: String) -> String {
        """
        WITH \(fc),
        won AS (
            SELECT CASE WHEN g.gm_status = 'unknown' THEN 3 WHEN g.area IS NULL THEN 2 ELSE 1 END AS grp,
                   CASE WHEN g.gm_status = 'unknown' THEN 'Unknown postcode'
                        WHEN g.area IS NULL THEN 'Outside UK' ELSE g.area END AS area,
                   count(DISTINCT fc.supplier_id) AS suppliers,
                   count(DISTINCT CASE WHEN g.gm_status = 'GM' THEN fc.supplier_id END) AS gm_suppliers,
                   count(*) AS contracts, sum(fc.value_pence) AS awarded,
                   coalesce(sum(CASE WHEN g.gm_status = 'GM' THEN fc.value_pence END), 0) AS gm_awarded
              FROM fc JOIN \(geography) g ON g.supplier_id = fc.supplier_id
             GROUP BY 1, 2
        ),
        total AS (
            SELECT coalesce(sum(suppliers), 0) AS suppliers, coalesce(sum(gm_suppliers), 0) AS gm_suppliers,
                   coalesce(sum(contracts), 0) AS contracts, coalesce(sum(awarded), 0) AS awarded,
                   coalesce(sum(gm_awarded), 0) AS gm_awarded
              FROM won
        ),
        lines AS (
            SELECT grp, area, suppliers, gm_suppliers, contracts, awarded, gm_awarded FROM won
            UNION ALL
            SELECT 4, 'Total', suppliers, gm_suppliers, contracts, awarded, gm_awarded FROM total
        )
        SELECT x.area, x.suppliers, x.gm_suppliers, x.contracts, x.awarded,
               round(100.0 * x.awarded / nullif(t.awarded, 0), 1) AS value_share,
               x.gm_awarded
          FROM lines x CROSS JOIN total t
         ORDER BY x.grp, x.awarded DESC, x.area
        """
    }

    static func partnerSQL(_ fc: String, _ geography: String) -> String {
        """
        WITH \(fc),
        won AS (
            SELECT fc.partner, fc.supplier_id, fc.value_pence, g.gm_status
              FROM fc JOIN \(geography) g ON g.supplier_id = fc.supplier_id
        ),
        lines AS (
            SELECT 1 AS grp, partner, count(DISTINCT supplier_id) AS suppliers,
                   count(DISTINCT CASE WHEN gm_status = 'GM' THEN supplier_id END) AS gm_suppliers,
                   count(DISTINCT CASE WHEN gm_status = 'unknown' THEN supplier_id END) AS unknown_suppliers,
                   sum(value_pence) AS awarded,
                   coalesce(sum(CASE WHEN gm_status = 'GM' THEN value_pence END), 0) AS gm_awarded
              FROM won GROUP BY partner
            UNION ALL
            -- distinct over all partners: a supplier winning from two partners counts once
            SELECT 2, 'Total', count(DISTINCT supplier_id),
                   count(DISTINCT CASE WHEN gm_status = 'GM' THEN supplier_id END),
                   count(DISTINCT CASE WHEN gm_status = 'unknown' THEN supplier_id END),
                   coalesce(sum(value_pence), 0),
                   coalesce(sum(CASE WHEN gm_status = 'GM' THEN value_pence END), 0)
              FROM won
        )
        SELECT partner, suppliers, gm_suppliers,
               round(100.0 * gm_suppliers / nullif(suppliers, 0), 1) AS gm_supplier_share,
               unknown_suppliers, awarded, gm_awarded,
               round(100.0 * gm_awarded / nullif(awarded, 0), 1) AS gm_value_share
          FROM lines
         ORDER BY grp, partner
        """
    }
}
