import SVWDatabase
import SVWWorkspace

/// Tells new rows from replaced ones without a lookup per row: the table's row count
/// before and after gives the new ones, and each upsert's change count tells a
/// replaced row that differed from one that was already identical.
struct RowCounter {
    let db: Database
    let table: String
    private var before = 0
    private var unchanged = 0
    private(set) var loaded = 0

    init(db: Database, table: String) throws {
        self.db = db
        self.table = table
        before = try RowCounter.count(db, table)
    }

    static func count(_ db: Database, _ table: String) throws -> Int {
        try SchemaQueries.rowCount(of: table, in: db)
    }

    /// Call after each successful upsert.
    mutating func wrote() {
        loaded += 1
        if db.changes == 0 { unchanged += 1 }
    }

    func finish(into report: inout ImportReport) throws {
        let after = try RowCounter.count(db, table)
        report.loaded = loaded
        report.added = after - before
        report.replaced = loaded - report.added
        report.unchanged = unchanged
    }
}
