import Foundation
import SVWDatabase
import SVWWorkspace

/// Full-text search (FTS5, index `search_fts`, brought up to date first) over supplier
/// names and contract titles, ranked by bm25, honouring the filter: contracts must
/// pass it, and under a filter a supplier must have won a contract that does.
public enum Search {
    public struct Error: Swift.Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    static let columns: ColumnMeanings = ["kind": .text("Kind"), "id": .text("ID"), "text": .text("Match")]

    public static func find(_ db: Database, text: String, filter: Filter, limit: Int = 50) throws -> AnalysisResult {
        guard let match = ftsQuery(text) else {
            throw Error(description: "nothing to search for in \"\(text)\": give at least one word or number")
        }
        try SearchIndex.refreshIfStale(db)
        var q = QueryBuilder()
        let fc = filter.contractsCTE(&q)
        let matchParam = q.bind("match", match)
        let limitParam = q.bind("limit", limit)
        let query = q.query("""
            WITH \(fc),
            hits AS (
            \(SearchIndex.hits(matching: matchParam))
            ),
            found AS (
                SELECT h.score, 'contract' AS kind, fc.contract_id AS id, fc.title AS text, fc.supplier_id,
                       fc.partner, fc.financial_year AS year, 1 AS contracts, fc.value_pence AS value
                  FROM hits h
                  JOIN contracts c ON h.kind = 'contract' AND c.rowid = h.row
                  JOIN fc ON fc.contract_id = c.contract_id
                UNION ALL
                -- the supplier's name is the found text: not repeated as its supplier
                SELECT h.score, 'supplier', s.supplier_id, s.name, NULL, NULL, NULL,
                       count(fc.contract_id), coalesce(sum(fc.value_pence), 0)
                  FROM hits h
                  JOIN suppliers s ON h.kind = 'supplier' AND s.rowid = h.row
                  LEFT JOIN fc ON fc.supplier_id = s.supplier_id
                 GROUP BY s.supplier_id, h.score, s.name
                \(filter.isEmpty ? "" : "HAVING count(fc.contract_id) > 0")
            ),
            -- the best first: numbered after the cut, so only those are sorted in full
            best AS (SELECT * FROM found ORDER BY score, kind DESC, id LIMIT \(limitParam))
            SELECT row_number() OVER (ORDER BY b.score, b.kind DESC, b.id) AS rank,
                   b.kind, b.id, b.text, s.name AS supplier, b.partner, b.year, b.contracts, b.value
              FROM best b LEFT JOIN suppliers s ON s.supplier_id = b.supplier_id
             ORDER BY b.score, b.kind DESC, b.id
            """)
        return AnalysisResult(title: Titles.with(filter, "Suppliers and contracts matching \"\(text)\""),
                              result: try query.run(on: db, columns: columns), query: query)
    }

    /// The user's words as a safe FTS5 query: each run of letters or digits becomes a
    /// quoted prefix term (`"acme"* "build"*`), all of which must match. Quoting makes
    /// FTS5 operators (AND, OR, NEAR, column:, ^, -) plain words. nil when no word is left.
    public static func ftsQuery(_ text: String) -> String? {
        var terms: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                terms.append(current)
                current = ""
            }
        }
        if !current.isEmpty { terms.append(current) }
        guard !terms.isEmpty else { return nil }
        // Letters and digits only, so no term can hold a double quote; the quoting is still done properly.
        return terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }.joined(separator: " ")
    }
}
