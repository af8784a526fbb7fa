extension Rollups {
    /// The sources of every rollup that counts winning suppliers: who won (contracts and
    /// further suppliers) and where each supplier is (suppliers and the postcode tables).
    static let winnerSources = ["contracts", "further_suppliers", "suppliers", "postcode_districts", "postcode_index"]

    /// Per winning supplier outside GM, per financial year and partner, per year over every
    /// partner (partner NULL), per partner over every year (year_start NULL) and over
    /// everything (both NULL): the awards it won (alone or shared), those it won alone, and
    /// its share of their value by the attribution rule of the `award_shares` view, with its
    /// geography copied from `rollup_supplier_geography`. `geography --top` reads it, and only
    /// for suppliers outside GM: holding every supplier's rows (4.6 times as many on the
    /// benchmark set) cost two of the five seconds of the supplier pass, for rows nothing read.
    public static let supplierWins = Rollup(
        table: "rollup_supplier_wins", sources: winnerSources, followsEdition: false, query: supplierWinsQuery, indexes: [
            // The largest suppliers outside GM of a scope, in order: geography --top reads a few entries.
            ("rollup_supplier_wins_outside", """
                CREATE INDEX rollup_supplier_wins_outside ON rollup_supplier_wins(year_start, partner, awarded DESC, supplier_id, gm_status, contracts)
                 WHERE gm_status = 'outside'
                """),
        ])

    /// The migration that leaves in `rollup_supplier_wins` only the rows of suppliers outside
    /// GM, all its definition now holds; `rollup_geography` keeps every supplier's sums.
    static let outsideWinnersOnlyMigration = "DELETE FROM rollup_supplier_wins WHERE gm_status IS NOT 'outside';"

    /// Every winning supplier's `scopes` row (what `rollup_supplier_wins` holds of those
    /// outside GM) added up per GM status, authority, area and placing rule, for each of the
    /// four scopes: how many distinct suppliers won, the awards won alone and the value.
    /// Every supplier has one of each, so lines add up exactly.
    public static let geography = Rollup(
        table: "rollup_geography", sources: winnerSources, followsEdition: false,
        query: """
            WITH \(scopesCTEs)
            SELECT year_start, partner, gm_status, authority, area, placed_by,
                   count(*), sum(unlisted), sum(sole), sum(awarded)
              FROM scopes
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
        "WITH \(scopesCTEs)\nSELECT * FROM scopes WHERE gm_status = 'outside'"
    }

    /// The CTEs `wins`, `cells` and `scopes`: per winning supplier and each of the four
    /// scopes, its geography, the awards it won, those it won alone and its share of their value.
    static var scopesCTEs: String {
        // A supplier's geography is one row: carried through each scope's GROUP BY supplier_id.
        let place = "gm_status, authority, area, placed_by, unlisted"
        let sums = "\(place), sum(contracts), sum(sole), sum(awarded)"
        return """
            \(winsCTE),
            cells AS MATERIALIZED (
                SELECT w.supplier_id, w.year_start, w.partner, g.gm_status, g.authority, g.area, g.placed_by, g.unlisted,
                       w.contracts, w.sole, w.awarded
                  FROM (SELECT supplier_id, year_start, partner, count(*) AS contracts, sum(sole) AS sole, sum(share_pence) AS awarded
                          FROM wins GROUP BY supplier_id, year_start, partner) w
                  JOIN rollup_supplier_geography g ON g.supplier_id = w.supplier_id
            ),
            scopes AS (
                SELECT year_start, partner, supplier_id, \(place), contracts, sole, awarded FROM cells
                UNION ALL
                SELECT year_start, NULL, supplier_id, \(sums) FROM cells GROUP BY supplier_id, year_start
                UNION ALL
                SELECT NULL, partner, supplier_id, \(sums) FROM cells GROUP BY supplier_id, partner
                UNION ALL
                SELECT NULL, NULL, supplier_id, \(sums) FROM cells GROUP BY supplier_id
            )
            """
    }
}
