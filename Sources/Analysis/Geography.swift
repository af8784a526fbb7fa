import SVWDatabase
import SVWText
import SVWWorkspace

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

    static let columns: ColumnMeanings = [
        "location": .text("Location"), "supplier_share": .percent("Share of suppliers"),
        "gm_supplier_share": .percent("GM share of suppliers"), "unknown_suppliers": .count("Suppliers, postcode unknown"),
        "gm_awarded": .money("Awarded in GM"), "gm_value_share": .percent("GM share of value"),
        "share_of_outside": .percent("Share of value outside GM"),
    ]

    /// Under a filter of no more than a year and a partner the figures are read from
    /// `rollup_geography` (and the few awards with several suppliers from the raw tables);
    /// otherwise from every contract under the filter.
    public static func run(_ db: Database, filter: Filter, by breakdown: Breakdown = .status,
                           source requested: AnalysisSource = .rollups) throws -> AnalysisResult {
        let source = filter.onlyYearAndPartner ? requested : .raw
        try source.prepare(db)
        var q = QueryBuilder()
        let text: String
        if source == .rollups {
            text = rollupSQL(breakdown, filter, &q)
        } else {
            let fc = filter.contractsCTE(&q)
            switch breakdown {
            case .status: text = statusSQL("\(winsCTE(fc)),\n\(rawWon(group: "gm_status", as: "gm_status"))")
            case .authority: text = authoritySQL("\(winsCTE(fc)),\n\(rawWon(group: authorityLabel, as: "authority"))")
            case .area: text = areaSQL(fc)
            case .partner: text = partnerSQL(fc)
            }
        }
        let query = q.query(text)
        let title = "Winning suppliers and awarded value by " + (breakdown == .status ? "location" : breakdown.rawValue)
        return AnalysisResult(title: Titles.with(filter, title),
                              result: try query.run(on: db, columns: columns), query: query)
    }

    /// The `top` largest suppliers outside GM by value awarded, with their district's GM
    /// share, so a fringe district (WA3 at 49.8%) stands out from one far away (0%).
    public static func topOutside(_ db: Database, filter: Filter, top: Int,
                                  source requested: AnalysisSource = .rollups) throws -> AnalysisResult {
        let source = filter.onlyYearAndPartner ? requested : .raw
        try source.prepare(db)
        if source == .rollups { return try rollupTopOutside(db, filter: filter, top: top) }
        var q = QueryBuilder()
        let fc = filter.contractsCTE(&q)
        let limit = q.bind("top", top)
        let query = q.query("""
            \(winsCTE(fc)),
            outside AS (
                SELECT supplier_id, count(*) AS contracts, sum(share_pence) AS awarded
                  FROM wins
                 WHERE gm_status = 'outside'
                 GROUP BY supplier_id
            ),
            total AS (SELECT sum(awarded) AS awarded FROM outside)
            \(outsideLines(from: "outside"))
             LIMIT \(limit)
            """)
        return AnalysisResult(title: Titles.with(filter, "Largest suppliers outside GM (top \(top))"),
                              result: try query.run(on: db, columns: columns), query: query)
    }

    /// The list of suppliers outside GM from `source(supplier_id, contracts, awarded)` and
    /// `total(awarded)`, largest first, with each one's district and its GM share.
    static func outsideLines(from source: String) -> String {
        """
        SELECT row_number() OVER (ORDER BY o.awarded DESC, o.supplier_id) AS rank,
               o.supplier_id, g.name, g.postcode, g.district,
               -- a district missing from postcode_districts has no GM postcodes at all
               CASE WHEN g.district IS NOT NULL THEN round(100.0 * coalesce(d.gm_share, 0), 1) END AS district_gm_share,
               o.contracts, o.awarded,
               round(100.0 * o.awarded / t.awarded, 1) AS share_of_outside
          FROM \(source) o
          JOIN supplier_geography g ON g.supplier_id = o.supplier_id
          LEFT JOIN district_geography d ON d.outward_code = g.district
         CROSS JOIN total t
         ORDER BY o.awarded DESC, o.supplier_id
        """
    }

    /// Each contract under the filter with each of its winning suppliers, the supplier's share
    /// of the award's value and its geography; `shared_id` is the contract id again for an
    /// award with several suppliers (counted once per line with DISTINCT), NULL otherwise. Value per supplier follows `award_shares`; a
    /// contract with no `further_suppliers` has one supplier, its lead, who has the whole value.
    static func winsCTE(_ fc: String) -> String {
        """
        WITH \(fc),
        -- Per-supplier value: each award's value is shared equally among its suppliers (view award_shares),
        -- so an award with several suppliers is never counted once per supplier. GM status: view
        -- supplier_geography (a full postcode listed in postcode_index decides, else the district majority rule).
        wins AS (
            SELECT fc.contract_id, NULL AS shared_id, fc.partner, fc.supplier_id, fc.value_pence AS share_pence,
                   g.gm_status, g.authority, g.area
              FROM fc JOIN supplier_geography g ON g.supplier_id = fc.supplier_id
             WHERE NOT EXISTS (SELECT 1 FROM further_suppliers f WHERE f.contract_id = fc.contract_id)
            UNION ALL
            SELECT fc.contract_id, fc.contract_id, fc.partner, a.supplier_id, a.share_pence, g.gm_status, g.authority, g.area
              FROM (SELECT DISTINCT contract_id FROM further_suppliers) s
              JOIN fc ON fc.contract_id = s.contract_id
              JOIN award_shares a ON a.contract_id = fc.contract_id
              JOIN supplier_geography g ON g.supplier_id = a.supplier_id
        )
        """
    }

    /// Totals: a supplier once (each is in one line), a contract once (`contracts`: the count
    /// of the filtered contracts), each award's value once (its suppliers' shares add up to it).
    static func totalCTE(contracts: String = "(SELECT count(*) FROM fc)") -> String {
        """
        total AS (
            SELECT coalesce(sum(suppliers), 0) AS suppliers, \(contracts) AS contracts,
                   coalesce(sum(awarded), 0) AS awarded
              FROM won
        ),
        """
    }

    /// A location as `--by authority` names it: the GM authority, else outside or unknown.
    static let authorityLabel = "CASE gm_status WHEN 'GM' THEN authority WHEN 'outside' THEN 'Outside GM' ELSE 'Unknown postcode' END"

    /// `won(NAME, suppliers, contracts, awarded)` per `group` of the lines in `wins`: a supplier
    /// once, an award with several suppliers once however many of them the line holds.
    static func rawWon(group: String, as name: String) -> String {
        """
        won AS (
            SELECT \(group) AS \(name), count(DISTINCT supplier_id) AS suppliers,
                   count(shared_id IS NULL OR NULL) + count(DISTINCT shared_id) AS contracts, sum(share_pence) AS awarded
              FROM wins
             GROUP BY 1
        )
        """
    }

    // Each breakdown ends with a Total row; `grp` keeps the fixed lines (outside, unknown, total) last.

    /// `head`: the CTEs up to `won(gm_status, suppliers, contracts, awarded)`.
    static func statusSQL(_ head: String, contracts: String = "(SELECT count(*) FROM fc)") -> String {
        """
        \(head),
        \(totalCTE(contracts: contracts))
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

    /// `head`: the CTEs up to `won(authority, suppliers, contracts, awarded)`.
    static func authoritySQL(_ head: String, contracts: String = "(SELECT count(*) FROM fc)") -> String {
        """
        \(head),
        \(totalCTE(contracts: contracts))
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

    static func areaSQL(_ fc: String) -> String {
        """
        \(winsCTE(fc)),
        won AS (
            SELECT \(areaGroup) AS grp, \(areaLabel) AS area,
                   count(DISTINCT supplier_id) AS suppliers,
                   count(DISTINCT CASE WHEN gm_status = 'GM' THEN supplier_id END) AS gm_suppliers,
                   count(shared_id IS NULL OR NULL) + count(DISTINCT shared_id) AS contracts, sum(share_pence) AS awarded,
                   coalesce(sum(CASE WHEN gm_status = 'GM' THEN share_pence END), 0) AS gm_awarded
              FROM wins
             GROUP BY 1, 2
        ),
        total AS (
            SELECT count(DISTINCT supplier_id) AS suppliers,
                   count(DISTINCT CASE WHEN gm_status = 'GM' THEN supplier_id END) AS gm_suppliers,
                   count(shared_id IS NULL OR NULL) + count(DISTINCT shared_id) AS contracts, coalesce(sum(share_pence), 0) AS awarded,
                   coalesce(sum(CASE WHEN gm_status = 'GM' THEN share_pence END), 0) AS gm_awarded
              FROM wins
        ),
        \(areaLines)
        """
    }

    /// A line of `--by area`: postcode areas first, then outside the UK, then unknown postcodes.
    static let areaGroup = "CASE WHEN gm_status = 'unknown' THEN 3 WHEN area IS NULL THEN 2 ELSE 1 END"
    static let areaLabel = "CASE WHEN gm_status = 'unknown' THEN 'Unknown postcode' WHEN area IS NULL THEN 'Outside UK' ELSE area END"

    /// `--by area`'s lines and Total from `won(grp, area, …)` and `total`.
    static let areaLines = """
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

    static func partnerSQL(_ fc: String) -> String {
        """
        \(winsCTE(fc)),
        won AS (SELECT partner, supplier_id, share_pence AS value_pence, gm_status FROM wins),
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
        \(partnerLines)
        """
    }

    /// `--by partner`'s columns from `lines(grp, partner, suppliers, gm_suppliers, unknown_suppliers, awarded, gm_awarded)`.
    static let partnerLines = """
        SELECT partner, suppliers, gm_suppliers,
               round(100.0 * gm_suppliers / nullif(suppliers, 0), 1) AS gm_supplier_share,
               unknown_suppliers, awarded, gm_awarded,
               round(100.0 * gm_awarded / nullif(awarded, 0), 1) AS gm_value_share
          FROM lines
         ORDER BY grp, partner
        """
}

extension Geography {
    /// How the winning suppliers under a filter were placed (`supplier_geography.placed_by`),
    /// and how many awards under it have several suppliers.
    public struct Placement: Equatable, Sendable {
        public var byPostcode = 0
        public var byDistrict = 0
        /// Of `byDistrict`, full postcodes in a district touching GM that the postcode index does not
        /// list (new, terminated, or no index loaded); the rest are outward codes alone or in
        /// districts with no GM postcode.
        public var unlisted = 0
        public var unknown = 0
        public var outsideUK = 0
        public var sharedAwards = 0

        /// "Suppliers placed by full postcode: 576; by the district rule: 107 (9 of them …); unknown: 15."
        public var sentence: String {
            func n(_ count: Int) -> String { NumberText.grouped(count) }
            var text = "Suppliers placed by full postcode: \(n(byPostcode)); by the district rule: \(n(byDistrict))"
            if unlisted > 0 { text += " (\(n(unlisted)) of them in districts touching GM, their full postcode not in postcode_index)" }
            if outsideUK > 0 { text += "; outside the UK: \(n(outsideUK))" }
            return text + "; unknown: \(n(unknown))."
        }
    }

    public static func placement(_ db: Database, filter: Filter, source requested: AnalysisSource = .rollups) throws -> Placement {
        let source = filter.onlyYearAndPartner ? requested : .raw
        try source.prepare(db)
        var q = QueryBuilder()
        let fc = filter.contractsCTE(&q)
        let scope = filter.scopeConditions(&q)
        let rows = try (source == .rollups ? q.query("""
            SELECT placed_by, sum(suppliers), sum(unlisted) FROM \(Rollups.geography.table)
             WHERE \(scope) GROUP BY placed_by
            """) : q.query("""
            WITH \(fc),
            won AS (SELECT supplier_id FROM fc
                    UNION
                    SELECT f.supplier_id FROM fc JOIN further_suppliers f ON f.contract_id = fc.contract_id)
            SELECT g.placed_by, count(*), sum(g.placed_by = 'district' AND length(g.postcode) > length(g.district)
                                                   AND g.district IN (SELECT outward_code FROM postcode_districts))
              FROM won JOIN supplier_geography g ON g.supplier_id = won.supplier_id
             GROUP BY g.placed_by
            """)).run(on: db).rows
        var p = Placement()
        for row in rows {
            let n = Int(row[1].int64 ?? 0)
            switch row[0].string {
            case "postcode": p.byPostcode = n
            case "district": p.byDistrict = n; p.unlisted = Int(row[2].int64 ?? 0)
            case "outside UK": p.outsideUK = n
            default: p.unknown += n
            }
        }
        var s = QueryBuilder()
        let sfc = filter.contractsCTE(&s)
        p.sharedAwards = Int(try s.query("""
            WITH \(sfc)
            SELECT count(*) FROM (SELECT DISTINCT contract_id FROM further_suppliers) s JOIN fc ON fc.contract_id = s.contract_id
            """).run(on: db).scalar.int64 ?? 0)
        return p
    }
}
