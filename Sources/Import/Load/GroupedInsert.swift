import SVWDatabase

/// The writing side of a pipelined load (`BatchPipeline`): rows go in `groupRows` to an
/// INSERT statement, as SQLite's cost per statement is a good part of its cost per row. A run
/// with a refused row among them (SQLite undoes the whole statement) goes in row by row, so
/// each row is written or explained exactly as the load on one thread would.
struct GroupedInsert {
    static let groupRows = 16
    private let statement: Statement
    private let width: Int
    private var waiting: [RowBatch.Row] = []

    init(db: Database, table: String, columns: [String]) throws {
        width = columns.count
        let values = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        // The table and columns are svw's own names, not user text.
        statement = try db.prepare("INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES "
                                   + Array(repeating: values, count: Self.groupRows).joined(separator: ", "))
        waiting.reserveCapacity(Self.groupRows)
    }

    /// Adds a row to the run waiting, writing the run once it is whole.
    /// - Parameters:
    ///   - inserted: told each row a whole run wrote, with its rowid.
    ///   - one: writes (or refuses) one row on its own.
    mutating func add(_ row: RowBatch.Row, of batch: RowBatch, db: Database, inserted: (RowBatch.Row, Int64) -> Void,
                      one: (RowBatch.Row) throws -> Void) throws {
        waiting.append(row)
        if waiting.count == Self.groupRows { try flush(of: batch, db: db, inserted: inserted, one: one) }
    }

    /// Writes the rows waiting: as one statement when they are a whole run and none is
    /// refused, else one by one. Call before a row written otherwise, and at a batch's end.
    mutating func flush(of batch: RowBatch, db: Database, inserted: (RowBatch.Row, Int64) -> Void,
                        one: (RowBatch.Row) throws -> Void) throws {
        defer { waiting.removeAll(keepingCapacity: true) }
        if waiting.count == Self.groupRows {
            for (i, row) in waiting.enumerated() { try batch.bind(row, to: statement, offset: i * width) }
            do {
                try statement.step()
                statement.reset()
                // The rows of one statement take consecutive rowids.
                let last = db.lastInsertRowID
                for (i, row) in waiting.enumerated() { inserted(row, last - Int64(Self.groupRows - 1 - i)) }
                return
            } catch let error as SQLiteError where error.isConstraint {
                // SQLite undid the statement's rows: each goes in on its own, to be explained.
            }
        }
        for row in waiting { try one(row) }
    }
}
