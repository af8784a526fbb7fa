import SVWDatabase
import SVWWorkspace

/// One supplier, for board questions about one firm: where it is and its GM status,
/// the contracts it won (by year and partner) and its commitments, committed vs delivered.
public enum SupplierProfile {
    public enum Lookup: Equatable, Sendable {
        case found(id: String)
        case none
        /// More than one supplier matches: (id, name), best match first.
        case ambiguous([SupplierCandidate])
    }

    public struct SupplierCandidate: Equatable, Sendable {
        public let id: String
        public let name: String
    }

    /// Finds a supplier by id, then by exact name (any case), then by words of its name.
    public static func lookup(_ db: Database, _ text: String) throws -> Lookup {
        if let id = try db.scalar("SELECT supplier_id FROM suppliers WHERE supplier_id = ?1", [text]).string {
            return .found(id: id)
        }
        let byCase = try db.query("SELECT supplier_id, name FROM suppliers WHERE supplier_id = ?1 COLLATE NOCASE OR name = ?1 COLLATE NOCASE ORDER BY supplier_id", [text])
        if byCase.rows.count == 1, let id = byCase.rows[0][0].string { return .found(id: id) }
        if byCase.rows.count > 1 { return .ambiguous(candidates(byCase)) }
        guard let match = Search.ftsQuery(text) else { return .none }
        try SearchIndex.refreshIfStale(db)
        let byWords = try db.query("""
            WITH hits AS (
            \(SearchIndex.hits(matching: "?1"))
            )
            SELECT s.supplier_id, s.name
              FROM hits h
              JOIN suppliers s ON h.kind = 'supplier' AND s.rowid = h.row
             ORDER BY h.score, s.supplier_id
             LIMIT 11
            """, [match])
        switch byWords.rows.count {
        case 0: return .none
        case 1: return .found(id: byWords.rows[0][0].string ?? "")
        default: return .ambiguous(candidates(byWords))
        }
    }

    static func candidates(_ result: ResultSet) -> [SupplierCandidate] {
        result.rows.map { SupplierCandidate(id: $0[0].string ?? "", name: $0[1].string ?? "") }
    }

    static let columns: ColumnMeanings = [
        "company_number": .text("Company number"), "postcode_status": .text("Postcode status"),
        "gm_status": .text("GM status"), "sme": .text("SME"), "vcse": .text("VCSE"), "partners": .count("Partners"),
        "first_award": .text("First award"), "last_award": .text("Last award"),
        "mean_weighting": .percent("Mean SV weighting"),
    ]

    /// One row: identity, location, GM status and what it won under the filter.
    public static func profile(_ db: Database, id: String, filter: Filter) throws -> AnalysisResult {
        var q = QueryBuilder()
        let fc = filter.contractsCTE(&q)
        let supplier = q.bind("supplier_id", id)
        let query = q.query("""
            WITH \(fc),
            -- Value per supplier: each award's value shared equally among its suppliers (view award_shares).
            mine AS (SELECT fc.*, a.share_pence FROM fc JOIN award_shares a ON a.contract_id = fc.contract_id
                      WHERE a.supplier_id = \(supplier))
            SELECT s.supplier_id, s.name, s.company_number, s.postcode, s.postcode_status, g.district, g.area,
                   g.gm_status, g.authority, round(100.0 * d.gm_share, 1) AS district_gm_share,
                   CASE s.sme WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END AS sme,
                   CASE s.vcse WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END AS vcse,
                   (SELECT count(*) FROM mine) AS contracts,
                   (SELECT coalesce(sum(share_pence), 0) FROM mine) AS awarded,
                   (SELECT count(DISTINCT partner) FROM mine) AS partners,
                   (SELECT min(award_date) FROM mine) AS first_award,
                   (SELECT max(award_date) FROM mine) AS last_award
              FROM suppliers s
              JOIN supplier_geography g ON g.supplier_id = s.supplier_id
              LEFT JOIN district_geography d ON d.outward_code = s.district
             WHERE s.supplier_id = \(supplier)
            """)
        return AnalysisResult(title: Titles.with(filter, "Supplier \(id)"),
                              result: try query.run(on: db, columns: columns), query: query)
    }

    /// Contracts won by year and partner, with a Total.
    public static func contracts(_ db: Database, id: String, filter: Filter) throws -> AnalysisResult {
        var q = QueryBuilder()
        let fc = filter.contractsCTE(&q)
        let supplier = q.bind("supplier_id", id)
        let query = q.query("""
            WITH \(fc),
            -- Value per supplier: each award's value shared equally among its suppliers (view award_shares).
            mine AS (SELECT fc.*, a.share_pence FROM fc JOIN award_shares a ON a.contract_id = fc.contract_id
                      WHERE a.supplier_id = \(supplier)),
            lines AS (
                SELECT 1 AS grp, financial_year AS year, partner, count(*) AS contracts, sum(share_pence) AS awarded,
                       avg(sv_weighting) AS mean_weighting
                  FROM mine GROUP BY financial_year, partner
                UNION ALL
                SELECT 2, 'Total', NULL, count(*), coalesce(sum(share_pence), 0), avg(sv_weighting) FROM mine
            )
            SELECT year, partner, contracts, awarded, round(mean_weighting, 1) AS mean_weighting
              FROM lines
             ORDER BY grp, year, partner
            """)
        return AnalysisResult(title: Titles.with(filter, "Contracts won by \(id), by year and partner"),
                              result: try query.run(on: db, columns: columns), query: query)
    }

    /// Commitments on its contracts by measure: committed vs delivered, with a Total.
    public static func commitments(_ db: Database, id: String, filter: Filter) throws -> AnalysisResult {
        var q = QueryBuilder()
        let fc = filter.contractsCTE(&q)
        let supplier = q.bind("supplier_id", id)
        let query = q.query("""
            WITH \(fc),
            cv AS (
                SELECT v.* FROM commitment_values v JOIN fc ON fc.contract_id = v.contract_id
                  JOIN award_suppliers l ON l.contract_id = fc.contract_id
                 WHERE l.supplier_id = \(supplier)
            ),
            lines AS (
                SELECT 1 AS grp, \(ThemeOrder.sortKey("cv.theme")) AS ord, cv.measure_code AS measure, cv.theme,
                       m.description, count(*) AS commitments,
                       round(sum(cv.units_committed), 2) AS units_committed,
                       round(sum(coalesce(cv.units_delivered, 0)), 2) AS units_delivered,
                       sum(cv.committed_pence) AS committed, sum(cv.delivered_pence) AS delivered
                  FROM cv LEFT JOIN measures m ON m.code = cv.measure_code AND m.edition = cv.edition
                 GROUP BY cv.measure_code
                UNION ALL
                SELECT 2, 0, 'Total', NULL, NULL, count(*), NULL, NULL,
                       coalesce(sum(committed_pence), 0), coalesce(sum(delivered_pence), 0)
                  FROM cv
            )
            SELECT measure, theme, description, commitments, units_committed, units_delivered, committed, delivered,
                   round(100.0 * delivered / nullif(committed, 0), 1) AS delivery_rate
              FROM lines
             ORDER BY grp, ord, \(ThemeOrder.measureOrder("measure"))
            """)
        return AnalysisResult(title: Titles.with(filter, "Social value committed and delivered by \(id)"),
                              result: try query.run(on: db, columns: columns), query: query)
    }
}
