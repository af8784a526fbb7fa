import SVWWorkspace

/// The board's headline figures for each financial year, as SQL shared by `headline`
/// (one year) and `trend` (every year), so the two can never disagree. Definitions
/// (domain decisions): awarded = value of contracts awarded in the year; SV committed
/// and delivered = TOMs £ of the commitments on those contracts (own workforce excluded);
/// % of winning businesses in GM = distinct GM suppliers / all distinct suppliers, each
/// supplier of an award with several counted once (unknown postcodes stay in the denominator); own-workforce SV = delivered £ of
/// commitments with no contract reported in the year; mean weighting over contracts
/// over £25k (NULLs excluded), value-weighted alongside.
enum YearMetrics {
    /// Which years get a row: every year from the data's first to its last (narrowed to the
    /// filter's dates), or the one year asked for; either way even a year with no contracts.
    enum Years {
        case span
        case single(String)
    }

    /// CTEs ending in `metrics`: one row per year with the headline columns. From the rollup,
    /// each contract's social value is read with its value in one pass; from the raw tables,
    /// every commitment is joined to its contract and valued.
    static func ctes(_ filter: Filter, years: Years, source: AnalysisSource, _ q: inout QueryBuilder) -> String {
        var contracts = filter
        var ownYear: String? = nil
        let yearsCTE: String
        // Each contract's year as a grouping key: for one year, the year itself (nothing to
        // group); across years, the integer start year from award_date, far cheaper to sort
        // on than the `2020/21` label, which is only made for the few rows of `years`.
        let key: String
        let groupBy: String
        switch years {
        case .span:
            contracts.year = nil
            yearsCTE = spanCTE(filter, &q)
            key = source == .rollups ? "year_start" : Schema.financialYearStart(of: "award_date")
            groupBy = "\n     GROUP BY 1"
        case .single(let year):
            contracts.year = year
            ownYear = year
            let bound = q.bind("year", year)
            yearsCTE = "years(key, year) AS (VALUES (\(bound), \(bound)))"
            key = bound
            groupBy = ""
        }
        let own: String
        if filter.narrowsBeyondTime {
            // Own-workforce social value belongs to no partner, category or contract value.
            own = "own(year, own_workforce) AS (SELECT NULL, NULL WHERE 0)"
        } else {
            var conditions = ["contract_id IS NULL"]
            if let ownYear { conditions.append("reporting_year = \(q.bind("year", ownYear))") }
            if let from = filter.from { conditions.append("reporting_date >= \(q.bind("from_date", from))") }
            if let to = filter.to { conditions.append("reporting_date <= \(q.bind("to_date", to))") }
            own = """
            own(year, own_workforce) AS (
                SELECT reporting_year, sum(delivered_pence) FROM commitment_values
                 WHERE \(conditions.joined(separator: " AND "))
                 GROUP BY reporting_year
            )
            """
        }
        let perYear = source == .rollups && filter.onlyYearAndPartner
            ? yearsRollupCTEs(key: key, year: contracts.year, partner: filter.partner, &q)
            : contractCTEs(contracts, key: key, groupBy: groupBy, source: source, &q)
        return """
        \(yearsCTE),
        \(perYear),
        \(own),
        -- Shares stay exact here: a renderer shows one decimal and the headline a whole
        -- percent, each rounding once (27.46% is 27%, not 27.5% and then 28%).
        metrics AS (
            SELECT y.year,
                   coalesce(a.contracts, 0) AS contracts,
                   coalesce(a.awarded, 0) AS awarded,
                   coalesce(s.committed, 0) AS sv_committed,
                   100.0 * coalesce(s.committed, 0) / nullif(a.awarded, 0) AS sv_committed_pct,
                   coalesce(s.delivered, 0) AS sv_delivered,
                   100.0 * coalesce(s.delivered, 0) / nullif(a.awarded, 0) AS sv_delivered_pct,
                   coalesce(s.unvalued, 0) AS unvalued_commitments,
                   coalesce(p.suppliers, 0) AS suppliers,
                   coalesce(p.gm_suppliers, 0) AS gm_suppliers,
                   100.0 * p.gm_suppliers / nullif(p.suppliers, 0) AS gm_suppliers_pct,
                   coalesce(p.unknown_suppliers, 0) AS unknown_suppliers,
                   \(filter.narrowsBeyondTime ? "NULL" : "coalesce(o.own_workforce, 0)") AS own_workforce_sv,
                   a.mean_weighting AS mean_weighting,
                   a.weighted_mean_weighting AS weighted_mean_weighting,
                   coalesce(a.over_applicable, 0) AS contracts_over_25k,
                   coalesce(a.over_portal, 0) AS contracts_over_50k
              FROM years y
              LEFT JOIN awarded a ON a.key = y.key
              LEFT JOIN sv s ON s.key = y.key
              LEFT JOIN winners p ON p.key = y.key
              LEFT JOIN own o ON o.year = y.year
        )
        """
    }

    /// `awarded`, `sv` and `winners` per year key from the contracts in scope: the rollup's
    /// rows (each contract's social value comes with its value, in the same pass) or the
    /// raw tables (every commitment joined to its contract and valued).
    static func contractCTEs(_ contracts: Filter, key: String, groupBy: String, source: AnalysisSource,
                             _ q: inout QueryBuilder) -> String {
        let fc = contracts.contractsCTE(from: source, &q)
        let applicable = q.bind("applicable_pence", Policy.applicableThresholdPence)
        let portal = q.bind("portal_pence", Policy.portalThresholdPence)
        // From the rollup, a contract's social value comes with its value in the same pass.
        let svColumns = source == .rollups
            ? ",\n           sum(committed_pence) AS committed, sum(delivered_pence) AS delivered, sum(unvalued) AS unvalued"
            : ""
        let sv = source == .rollups ? "sv AS (SELECT key, committed, delivered, unvalued FROM awarded)" : """
            sv AS (
                SELECT \(key) AS key,
                       sum(v.committed_pence) AS committed, sum(v.delivered_pence) AS delivered,
                       sum(v.committed_pence IS NULL) AS unvalued
                  FROM fc JOIN commitment_values v ON v.contract_id = fc.contract_id\(groupBy)
            )
            """
        return """
        \(fc),
        awarded AS (
            SELECT \(key) AS key, count(*) AS contracts, sum(value_pence) AS awarded,
                   sum(value_pence > \(applicable)) AS over_applicable, sum(value_pence > \(portal)) AS over_portal,
                   avg(CASE WHEN value_pence > \(applicable) THEN sv_weighting END) AS mean_weighting,
                   sum(CASE WHEN value_pence > \(applicable) THEN sv_weighting * value_pence END)
                     / sum(CASE WHEN value_pence > \(applicable) AND sv_weighting IS NOT NULL THEN value_pence END)
                     AS weighted_mean_weighting\(svColumns)
              FROM fc\(groupBy)
        ),
        \(sv),
        winners AS (
            SELECT w.key, count(*) AS suppliers, sum(g.gm_status = 'GM') AS gm_suppliers,
                   sum(g.gm_status = 'unknown') AS unknown_suppliers
              FROM (SELECT DISTINCT key, supplier_id FROM (
                      SELECT \(key) AS key, supplier_id FROM fc
                      UNION ALL   -- further suppliers of awards with several
                      SELECT \(key) AS key, f.supplier_id FROM fc JOIN further_suppliers f ON f.contract_id = fc.contract_id)) w
              JOIN \(source.supplierGeography) g ON g.supplier_id = w.supplier_id\(groupBy)
        )
        """
    }

    /// The same `awarded`, `sv` and `winners` read from `rollup_years`: a few rows, for a
    /// filter of at most a year and a partner (the rollup holds no other breakdown).
    static func yearsRollupCTEs(key: String, year: String?, partner: String?, _ q: inout QueryBuilder) -> String {
        var conditions = ["partner IS \(q.bind("partner", partner))"]
        if let year { conditions.append("year_start = CAST(substr(\(q.bind("year", year)), 1, 4) AS INTEGER)") }
        let rows = "FROM rollup_years WHERE " + conditions.joined(separator: " AND ")
        return """
        awarded AS (
            SELECT \(key) AS key, contracts, awarded, over_applicable, over_portal,
                   weighting_sum / weighted_n AS mean_weighting, weighting_value_sum / weighted_value AS weighted_mean_weighting,
                   committed_pence AS committed, delivered_pence AS delivered, unvalued
              \(rows)
        ),
        sv AS (SELECT key, committed, delivered, unvalued FROM awarded),
        winners AS (SELECT \(key) AS key, suppliers, gm_suppliers, unknown_suppliers \(rows))
        """
    }

    /// `years(year)`: each financial year from the first to the last award in the workspace,
    /// narrowed to --from/--to; a date window outside the data keeps the years it names, so a
    /// filter that matches nothing still gives rows (of zeros). Gap years are kept, so the
    /// change from "the year before" is from the year before, not the last year with contracts.
    static func spanCTE(_ filter: Filter, _ q: inout QueryBuilder) -> String {
        let from = q.bind("from_date", filter.from)
        let to = q.bind("to_date", filter.to)
        func start(_ date: String) -> String { Schema.financialYearStart(of: date) }
        return """
        span(first, last) AS (
            SELECT CASE WHEN lo <= hi THEN lo ELSE coalesce(\(from), \(to)) END,
                   CASE WHEN lo <= hi THEN hi ELSE coalesce(\(to), \(from)) END
              FROM (SELECT max(coalesce(\(from), min(award_date)), min(award_date)) AS lo,
                           min(coalesce(\(to), max(award_date)), max(award_date)) AS hi
                      FROM contracts)
        ),
        year_starts(start) AS (
            SELECT \(start("first")) FROM span WHERE first IS NOT NULL
            UNION ALL
            SELECT y.start + 1 FROM year_starts y, span WHERE y.start + 1 <= \(start("span.last"))
        ),
        years(key, year) AS (SELECT start, \(Schema.financialYearLabel(start: "start")) FROM year_starts)
        """
    }

    /// The headline's figures; the exact table and the trend read them by these headings.
    static let columns: ColumnMeanings = [
        "contracts": .count("Contracts awarded"), "awarded": .money("Total awarded"),
        "sv_committed": .money("Social value committed"), "sv_committed_pct": .percent("Committed, % of awarded"),
        "sv_delivered": .money("Social value delivered"), "sv_delivered_pct": .percent("Delivered, % of awarded"),
        "unvalued_commitments": .count("Commitments with no £ value (measure not in edition)"),
        "suppliers": .count("Winning suppliers"), "gm_suppliers": .count("… of which GM businesses"),
        "gm_suppliers_pct": .percent("Winning businesses in GM, %"), "unknown_suppliers": .count("… with an unknown postcode"),
        "own_workforce_sv": .money("Own-workforce social value (delivered)"),
        "mean_weighting": .percent("Mean SV weighting (over £25k)"),
        "weighted_mean_weighting": .percent("Value-weighted mean SV weighting"),
        "contracts_over_25k": .count("Contracts over £25,000"), "contracts_over_50k": .count("Contracts over £50,000"),
    ]
}
