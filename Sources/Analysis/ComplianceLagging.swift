import SVWDatabase
import SVWWorkspace

extension Compliance {
    static func laggingTitle(_ options: Options) -> String {
        "Commitments behind after their contract ended" + (options.asOf.map { " (as of \($0))" } ?? "")
    }

    /// `list(rule: .lagging)` from the rollups. Each contract in `rollup_contracts` carries the
    /// largest shortfall of its commitments behind, so a list capped at N reads the commitments
    /// of N contracts or so: every commitment among the N largest shortfalls is on a contract
    /// whose own largest is at least the N-th largest contract's (`cut`), as there are N
    /// commitments that large already. With fewer than N such contracts, every ended contract's
    /// commitments are read. The count of the whole list adds up the rollups' lag counts.
    static func rollupLagging(_ db: Database, filter: Filter, options: Options, limit: Int?) throws -> AnalysisResult {
        try AnalysisSource.rollups.prepare(db)
        var q = QueryBuilder()
        let fc = filter.rollupCTE(&q)
        let asOf = q.bind("as_of", options.asOf)
        let ended = "ended AS NOT MATERIALIZED (SELECT * FROM fc WHERE end_date IS NOT NULL AND end_date < \(asOf))"
        let kept = "contract_id, partner, end_date"
        let listed: String
        if let limit {
            let n = q.bind("limit", limit)
            listed = """
                cut AS (
                    SELECT max_shortfall_pence AS pence FROM ended WHERE max_shortfall_pence IS NOT NULL
                     ORDER BY max_shortfall_pence DESC LIMIT 1 OFFSET \(n) - 1
                ),
                listed AS (
                    SELECT \(kept) FROM ended WHERE max_shortfall_pence >= (SELECT pence FROM cut)
                    UNION ALL
                    SELECT \(kept) FROM ended WHERE NOT EXISTS (SELECT 1 FROM cut)
                )
                """
        } else {
            listed = "listed AS (SELECT \(kept) FROM ended)"
        }
        let text = """
            WITH \(fc),
            \(ended),
            \(listed)
            SELECT v.commitment_id, v.contract_id, l.partner, t.title, v.measure_code AS measure, l.end_date,
                   v.units_committed, v.units_delivered,
                   round(100.0 * v.units_delivered / nullif(v.units_committed, 0), 1) AS delivered_pct,
                   CASE WHEN v.units_delivered IS NOT NULL THEN v.committed_pence - v.delivered_pence END AS shortfall
              FROM listed l
              JOIN commitment_values v ON v.contract_id = l.contract_id
              JOIN contracts t ON t.contract_id = l.contract_id
             WHERE v.units_delivered < v.units_committed OR v.units_delivered IS NULL
             ORDER BY v.units_delivered IS NULL, shortfall DESC, v.commitment_id
            """ + ListLimit.clause(limit, &q)
        let count: String
        if filter.onlyYearPartnerAndCategory {
            count = """
                WITH \(filter.cellsCTE(named: "lag", Rollups.lagCells.table, &q))
                SELECT coalesce(sum(lagging + undelivered), 0) FROM lag WHERE end_date < \(asOf)
                """
        } else {
            count = "WITH \(fc),\n\(ended)\nSELECT coalesce(sum(lagging + undelivered), 0) FROM ended"
        }
        let query = q.query(text)
        return AnalysisResult(title: Titles.with(filter, laggingTitle(options)),
                              result: try query.run(on: db, columns: columns), query: query,
                              rowsWithoutLimit: try ListLimit.rowsWithoutLimit(db, counting: count, limit: limit, q))
    }
}
