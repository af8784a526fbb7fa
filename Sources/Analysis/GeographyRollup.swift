import SVWDatabase
import SVWWorkspace

/// Geography from the rollups, for a filter of no more than a year and a partner: distinct
/// winning suppliers, awards and value per GM status, authority and area come added up in
/// `rollup_geography` (and per supplier in `rollup_supplier_wins`), so a breakdown reads a
/// few rows whatever the number of contracts. An award with several suppliers must count
/// once in a line however many of its suppliers the line holds, which no per-supplier sum
/// can tell: those few awards are read from the raw tables (`shared`) and counted apart.
extension Geography {
    /// `gc`: the rollup's lines for the filter's scope; `fc`: the per-year rollup's rows (the
    /// count of contracts); `sfc` and `shared`: each award with several suppliers under the
    /// filter, one line per supplier with its geography.
    static func rollupHead(_ filter: Filter, _ q: inout QueryBuilder) -> String {
        let scope = filter.scopeConditions(&q)
        let years = filter.yearsCTE(allPartners: true, &q)
        let contracts = filter.contractsCTE(named: "sfc", &q)
        return """
            WITH gc AS NOT MATERIALIZED (SELECT * FROM \(Rollups.geography.table) WHERE \(scope)),
            \(years),
            \(contracts),
            -- awards with several suppliers: a line counts each of them once, however many of its suppliers it holds
            shared AS (
                SELECT sfc.contract_id AS shared_id, g.gm_status, g.authority, g.area
                  FROM (SELECT DISTINCT contract_id FROM further_suppliers) s
                  JOIN sfc ON sfc.contract_id = s.contract_id
                  JOIN award_suppliers a ON a.contract_id = s.contract_id
                  JOIN \(Rollups.supplierGeography.table) g ON g.supplier_id = a.supplier_id
            )
            """
    }

    /// `won(NAME, suppliers, contracts, awarded)` per `group` from the rollup, with the awards
    /// of several suppliers added once per line.
    static func rollupWon(group: String, as name: String) -> String {
        """
        sole AS (
            SELECT \(group) AS grp, sum(suppliers) AS suppliers, sum(sole_contracts) AS contracts, sum(awarded) AS awarded
              FROM gc GROUP BY 1
        ),
        several AS (SELECT \(group) AS grp, count(DISTINCT shared_id) AS contracts FROM shared GROUP BY 1),
        won AS (
            SELECT s.grp AS \(name), s.suppliers, s.contracts + coalesce(v.contracts, 0) AS contracts, s.awarded
              FROM sole s LEFT JOIN several v ON v.grp IS s.grp
        )
        """
    }

    /// The breakdown's SQL over the rollups: the same lines and columns as from the raw tables.
    static func rollupSQL(_ breakdown: Breakdown, _ filter: Filter, _ q: inout QueryBuilder) -> String {
        let head = rollupHead(filter, &q)
        let contracts = "(SELECT coalesce(sum(contracts), 0) FROM fc)"
        switch breakdown {
        case .status:
            return statusSQL("\(head),\n\(rollupWon(group: "gm_status", as: "gm_status"))", contracts: contracts)
        case .authority:
            return authoritySQL("\(head),\n\(rollupWon(group: authorityLabel, as: "authority"))", contracts: contracts)
        case .area:
            return rollupAreaSQL(head)
        case .partner:
            return rollupPartnerSQL(filter, &q)
        }
    }

    static func rollupAreaSQL(_ head: String) -> String {
        let (grp, area) = (areaGroup, areaLabel)
        return """
        \(head),
        sole AS (
            SELECT \(grp) AS grp, \(area) AS area, sum(suppliers) AS suppliers,
                   sum(CASE WHEN gm_status = 'GM' THEN suppliers ELSE 0 END) AS gm_suppliers,
                   sum(sole_contracts) AS contracts, sum(awarded) AS awarded,
                   coalesce(sum(CASE WHEN gm_status = 'GM' THEN awarded END), 0) AS gm_awarded
              FROM gc GROUP BY 1, 2
        ),
        several AS (SELECT \(grp) AS grp, \(area) AS area, count(DISTINCT shared_id) AS contracts FROM shared GROUP BY 1, 2),
        won AS (
            SELECT s.grp, s.area, s.suppliers, s.gm_suppliers, s.contracts + coalesce(v.contracts, 0) AS contracts,
                   s.awarded, s.gm_awarded
              FROM sole s LEFT JOIN several v ON v.grp = s.grp AND v.area = s.area
        ),
        total AS (
            SELECT coalesce(sum(suppliers), 0) AS suppliers, coalesce(sum(gm_suppliers), 0) AS gm_suppliers,
                   coalesce(sum(contracts), 0) + (SELECT count(DISTINCT shared_id) FROM shared) AS contracts,
                   coalesce(sum(awarded), 0) AS awarded, coalesce(sum(gm_awarded), 0) AS gm_awarded
              FROM sole
        ),
        \(areaLines)
        """
    }

    /// Per partner from the rollup's lines of each partner; the Total from its lines across
    /// partners (a supplier winning from two partners counts once), or the one partner's.
    static func rollupPartnerSQL(_ filter: Filter, _ q: inout QueryBuilder) -> String {
        let year = filter.year.map { "CAST(substr(\(q.bind("year", $0)), 1, 4) AS INTEGER)" } ?? "NULL"
        let partner = filter.partner.map { "= " + q.bind("partner", $0) } ?? "IS NOT NULL"
        let totalPartner = filter.partner.map { "= " + q.bind("partner", $0) } ?? "IS NULL"
        let sums = """
            sum(suppliers), sum(CASE WHEN gm_status = 'GM' THEN suppliers ELSE 0 END),
                   sum(CASE WHEN gm_status = 'unknown' THEN suppliers ELSE 0 END), sum(awarded),
                   coalesce(sum(CASE WHEN gm_status = 'GM' THEN awarded END), 0)
            """
        return """
        WITH lines(grp, partner, suppliers, gm_suppliers, unknown_suppliers, awarded, gm_awarded) AS (
            SELECT 1, partner, \(sums)
              FROM \(Rollups.geography.table) WHERE year_start IS \(year) AND partner \(partner) GROUP BY partner
            UNION ALL
            SELECT 2, 'Total', coalesce(sum(suppliers), 0), coalesce(sum(CASE WHEN gm_status = 'GM' THEN suppliers END), 0),
                   coalesce(sum(CASE WHEN gm_status = 'unknown' THEN suppliers END), 0), coalesce(sum(awarded), 0),
                   coalesce(sum(CASE WHEN gm_status = 'GM' THEN awarded END), 0)
              FROM \(Rollups.geography.table) WHERE year_start IS \(year) AND partner \(totalPartner)
        )
        \(partnerLines)
        """
    }

    /// `topOutside` from `rollup_supplier_wins`: its index holds each scope's suppliers outside
    /// GM largest first, so the list reads `top` entries and the total one range.
    static func rollupTopOutside(_ db: Database, filter: Filter, top: Int) throws -> AnalysisResult {
        var q = QueryBuilder()
        let scope = filter.scopeConditions(&q)
        let limit = q.bind("top", top)
        let query = q.query("""
            WITH outside AS NOT MATERIALIZED (
                SELECT supplier_id, contracts, awarded FROM \(Rollups.supplierWins.table)
                 WHERE \(scope) AND gm_status = 'outside'
            ),
            total AS (SELECT sum(awarded) AS awarded FROM outside),
            largest AS (SELECT * FROM outside ORDER BY awarded DESC, supplier_id LIMIT \(limit))
            \(outsideLines(from: "largest"))
            """)
        return AnalysisResult(title: Titles.with(filter, "Largest suppliers outside GM (top \(top))"),
                              result: try query.run(on: db, columns: columns), query: query)
    }
}
