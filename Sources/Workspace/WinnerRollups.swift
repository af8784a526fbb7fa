extension Rollups {
    /// The sources of every rollup that counts winning suppliers: who won (contracts and
    /// further suppliers) and where each supplier is (suppliers and the postcode tables).
    static let winnerSources = ["contracts", "further_suppliers", "suppliers", "postcode_districts", "postcode_index"]

    /// Per winning supplier, per financial year and partner, per year over every partner
    /// (partner NULL), per partner over every year (year_start NULL) and over everything (both
    /// NULL): the awards it won (alone or shared), those it won alone, and its share of their
    /// value by the attribution rule of the `award_shares` view, with its geography copied
    /// from `rollup_supplier_geography`. `geography --top` reads it.
    public static let supplierWins = Rollup(
        table: "rollup_supplier_wins", sources: winnerSources, followsEdition: false, query: supplierWinsQuery, indexes: [
            // The largest suppliers outside GM of a scope, in order: geography --top reads a few entries.
            ("rollup_supplier_wins_outside", """
                CREATE INDEX rollup_supplier_wins_outside ON rollup_supplier_wins(year_start, partner, awarded DESC, supplier_id, gm_status, contracts)
                 WHERE gm_status = 'outside'
                """),
        ])

    /// `rollup_supplier_wins` added up per GM status, authority, area and placing rule, for
    /// each of its four scopes: how many distinct suppliers won, the awards won alone and the
    /// value. Every supplier has one of each, so lines add up exactly.
    public static let geography = Rollup(
        table: "rollup_geography", sources: winnerSources, followsEdition: false,
        query: """
            SELECT year_start, partner, gm_status, authority, area, placed_by,
                   count(*), sum(unlisted), sum(sole_contracts), sum(awarded)
              FROM rollup_supplier_wins
             GROUP BY year_start, partner, gm_status, authority, area, placed_by
            """)

    /// The CTE `wins`: every (award, winning supplier), with the whole value when it won
    /// alone, else its share.
    static var winsCTE: String {
        """
        wins AS (   -- every (award, winning supplier): the whole value when it won alone, else its share
            SELECT c.year_start, c.partner, c.supplier_id, 1 AS sole, c.value_pence AS share_pence
              FROM rollup_contracts c
             WHERE NOT EXISTS (SELECT 1 FROM further_suppliers f WHERE f.contract_id = c.contract_id)
            UNION ALL
            SELECT \(Schema.financialYearStart(of: "c.award_date")), c.partner, a.supplier_id, 0, a.share_pence
              FROM (SELECT DISTINCT contract_id FROM further_suppliers) s
              JOIN contracts c ON c.contract_id = s.contract_id
              JOIN award_shares a ON a.contract_id = s.contract_id
        )
        """
    }

    private static var supplierWinsQuery: String {
        // A supplier's geography is one row: carried through each scope's GROUP BY supplier_id.
        let place = "gm_status, authority, area, placed_by, unlisted"
        let sums = "\(place), sum(contracts), sum(sole), sum(awarded)"
        return """
            WITH \(winsCTE),
            cells AS MATERIALIZED (
                SELECT w.supplier_id, w.year_start, w.partner, g.gm_status, g.authority, g.area, g.placed_by, g.unlisted,
                       w.contracts, w.sole, w.awarded
                  FROM (SELECT supplier_id, year_start, partner, count(*) AS contracts, sum(sole) AS sole, sum(share_pence) AS awarded
                          FROM wins GROUP BY supplier_id, year_start, partner) w
                  JOIN rollup_supplier_geography g ON g.supplier_id = w.supplier_id
            )
            SELECT year_start, partner, supplier_id, \(place), contracts, sole, awarded FROM cells
            UNION ALL
            SELECT year_start, NULL, supplier_id, \(sums) FROM cells GROUP BY supplier_id, year_start
            UNION ALL
            SELECT NULL, partner, supplier_id, \(sums) FROM cells GROUP BY supplier_id, partner
            UNION ALL
            SELECT NULL, NULL, supplier_id, \(sums) FROM cells GROUP BY supplier_id
            """
    }
}
