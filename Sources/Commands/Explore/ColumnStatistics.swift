import SVWDatabase

/// The exact figures `profile` gives a column: non-null count, minimum, maximum, how many
/// values are numbers, and their mean. SQLite orders every number before any text or blob,
/// so the minimum and maximum already tell a column of numbers (its maximum is a number) from
/// one with none (its minimum is not): a first pass counts and takes the range of every
/// column, and a second reads only the columns that have numbers, for their mean (and, in a
/// column mixing numbers and text, for how many numbers there are).
struct ColumnStatistics {
    var nonNull = 0
    var minimum = SQLValue.null
    var maximum = SQLValue.null
    var numbers = 0
    var mean = SQLValue.null

    /// The table's row count and each column's statistics, in the order given.
    /// `columns` are quoted identifiers; `source` a quoted table or view name.
    static func of(_ columns: [String], in source: String, db: Database) throws -> (rows: Int, columns: [ColumnStatistics]) {
        let range = columns.map { "count(\($0)), min(\($0)), max(\($0))" }
        let first = try db.query("SELECT count(*)" + range.map { ", " + $0 }.joined() + " FROM " + source).rows.first ?? []
        let rows = Int(first.first?.int64 ?? 0)
        var statistics = columns.indices.map { i in
            ColumnStatistics(nonNull: Int(first[1 + 3 * i].int64 ?? 0), minimum: first[2 + 3 * i], maximum: first[3 + 3 * i])
        }
        // What the second pass asks of each column that holds numbers: all of them numbers,
        // their mean; numbers and text, how many numbers (`x < ''` is true for exactly those,
        // far cheaper than typeof) and their mean.
        var asked: [(index: Int, mixed: Bool)] = []
        var expressions: [String] = []
        for (i, column) in columns.enumerated() where statistics[i].nonNull > 0 && isNumber(statistics[i].minimum) {
            let mixed = !isNumber(statistics[i].maximum)
            asked.append((i, mixed))
            expressions += mixed ? ["sum(\(column) < '')", "avg(CASE WHEN \(column) < '' THEN \(column) END)"] : ["avg(\(column))"]
        }
        guard !asked.isEmpty else { return (rows, statistics) }
        let second = try db.query("SELECT " + expressions.joined(separator: ", ") + " FROM " + source).rows.first ?? []
        var next = 0
        for (index, mixed) in asked {
            if mixed {
                statistics[index].numbers = Int(second[next].int64 ?? 0)
                statistics[index].mean = second[next + 1]
                next += 2
            } else {
                statistics[index].numbers = statistics[index].nonNull
                statistics[index].mean = second[next]
                next += 1
            }
        }
        return (rows, statistics)
    }

    private static func isNumber(_ value: SQLValue) -> Bool {
        switch value {
        case .integer, .real: return true
        case .null, .text, .blob: return false
        }
    }
}
