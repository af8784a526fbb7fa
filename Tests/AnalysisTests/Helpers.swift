import SVWAnalysis
import SVWDatabase

extension AnalysisResult {
    /// Rows with their columns named, for readable expectations.
    func row(_ label: String, in column: String? = nil) -> [String: SQLValue]? {
        let key = column ?? result.columns[0]
        guard let i = result.column(named: key) else { return nil }
        guard let row = result.rows.first(where: { $0[i].string == label }) else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(result.columns, row))
    }

    func values(_ column: String) -> [SQLValue] { self.column(column) }
}

/// Runs hand-written SQL — independent of the analysis under test — and returns its rows.
func independent(_ db: Database, _ sql: String, _ parameters: [SQLBindable] = []) throws -> [[SQLValue]] {
    try db.query(sql, parameters).rows
}
