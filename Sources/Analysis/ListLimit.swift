import SVWDatabase

/// The optional LIMIT of lists an analyst may cap, and how many rows the uncapped list has.
enum ListLimit {
    /// How many rows `text` (a list's SQL without its limit) gives, when a limit was asked
    /// for; nil otherwise. Binds what `q` holds, so it counts exactly the list that was cut.
    static func rowsWithoutLimit(_ db: Database, _ text: String, limit: Int?, _ q: QueryBuilder) throws -> Int? {
        guard limit != nil else { return nil }
        return try q.query("SELECT count(*) FROM (\n\(text)\n)").run(on: db).rows.first?.first?.int64.map(Int.init)
    }

    /// The uncapped list's row count, from `countQuery` (which gives it in one row, one
    /// column, cheaper than counting the list's own rows), when a limit was asked for.
    static func rowsWithoutLimit(_ db: Database, counting countQuery: String, limit: Int?, _ q: QueryBuilder) throws -> Int? {
        guard limit != nil else { return nil }
        return try q.query(countQuery).run(on: db).rows.first?.first?.int64.map(Int.init)
    }

    /// `\n LIMIT :limit` for lists an analyst may cap, or nothing.
    static func clause(_ limit: Int?, _ q: inout QueryBuilder) -> String {
        guard let limit else { return "" }
        return "\n LIMIT \(q.bind("limit", limit))"
    }
}
