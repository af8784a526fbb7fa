/// Captions that say which filter produced the figures.
enum Titles {
    static func with(_ filter: Filter, _ title: String) -> String {
        filter.isEmpty ? title : "\(title) — \(filter.label)"
    }

    /// `\n LIMIT :limit` for lists an analyst may cap, or nothing.
    static func limitClause(_ limit: Int?, _ q: inout QueryBuilder) -> String {
        guard let limit else { return "" }
        return "\n LIMIT \(q.bind("limit", limit))"
    }
}
