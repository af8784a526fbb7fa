import Testing
@testable import SVWDatabase

@Suite struct DatabaseTests {
    @Test func bindsAndReadsEveryStorageClass() throws {
        let db = try Database()
        let r = try db.query("SELECT ?1, ?2, ?3, ?4, ?5", [SQLValue.null, Int64(42), 2.5, "£1 ünïcode", SQLValue.blob([0, 255])])
        #expect(r.rows == [[.null, .integer(42), .real(2.5), .text("£1 ünïcode"), .blob([0, 255])]])
        #expect(r.columns == ["?1", "?2", "?3", "?4", "?5"])
    }

    @Test func userTextIsNeverSQL() throws {
        let db = try Database()
        try db.execute("CREATE TABLE t(x TEXT)")
        let hostile = "x'); DROP TABLE t; --"
        try db.run("INSERT INTO t VALUES (?1)", [hostile])
        #expect(try db.scalar("SELECT x FROM t") == .text(hostile))
        #expect(try db.tableExists("t"))
    }

    @Test func failedTransactionLeavesNothing() throws {
        let db = try Database()
        try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)")
        try db.run("INSERT INTO t VALUES (1)")
        #expect(throws: SQLiteError.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (2)")
                try db.run("INSERT INTO t VALUES (1)")   // primary key clash
            }
        }
        #expect(try db.query("SELECT id FROM t").rows == [[.integer(1)]])
        #expect(db.isAutocommit)
    }

    @Test func nestedTransactionRollsBackOnlyItsOwnWork() throws {
        let db = try Database()
        try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)")
        try db.transaction {
            try db.run("INSERT INTO t VALUES (1)")
            _ = try? db.transaction {
                try db.run("INSERT INTO t VALUES (2)")
                throw SQLiteError(code: 1, message: "inner failure")
            }
        }
        #expect(try db.query("SELECT id FROM t").rows == [[.integer(1)]])
    }

    @Test func errorCarriesMessageAndCaret() throws {
        let db = try Database()
        let error = try #require(throws: SQLiteError.self) { _ = try db.prepare("SELECT * FORM t") }
        #expect(error.message == "near \"FORM\": syntax error")
        #expect(error.pointer == "SELECT * FORM t\n         ^")
    }

    @Test func interruptCancelsARunningStatement() async throws {
        let db = try Database()
        let handle = db.interruptHandle
        let stmt = try db.prepare("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT count(*) FROM c")
        let canceller = Task.detached {
            try await Task.sleep(nanoseconds: 50_000_000)
            handle.interrupt()
        }
        let error = try #require(throws: SQLiteError.self) { try stmt.step() }
        #expect(error.isInterrupt)
        _ = try await canceller.value
        // The connection stays usable.
        #expect(try db.scalar("SELECT 7") == .integer(7))
    }

    @Test func bindsTextFromBytesWithoutAString() throws {
        let db = try Database()
        let stmt = try db.prepare("SELECT ?1")
        let bytes: [UInt8] = Array("M16 0RA".utf8)
        try bytes.withUnsafeBytes { try stmt.bindText(bytes: $0, at: 1) }
        #expect(try stmt.step())
        #expect(stmt.value(0) == .text("M16 0RA"))
    }

    @Test func completenessFollowsSQLite() {
        #expect(Database.isComplete("SELECT 1;"))
        #expect(!Database.isComplete("SELECT ';"))
        #expect(!Database.isComplete("SELECT 1"))
    }

    /// A setting changed for a load or a rebuild comes back as it was, however the work ends.
    @Test func aPragmaSetForSomeWorkComesBackAfterIt() throws {
        let db = try Database()
        try db.execute("PRAGMA cache_size = -2000")
        let inside = try db.with(pragma: "cache_size", -4096) { try db.scalar("PRAGMA cache_size").int64 }
        #expect(inside == -4096)
        #expect(try db.scalar("PRAGMA cache_size").int64 == -2000)
        struct Failure: Error {}
        #expect(throws: Failure.self) { try db.with(pragma: "cache_size", -8192) { throw Failure() } }
        #expect(try db.scalar("PRAGMA cache_size").int64 == -2000)
    }

    /// A statement that outlives every other reference to its connection still steps and
    /// reports its errors through it (an `unowned` reference trapped here).
    @Test func aStatementKeepsItsConnection() throws {
        var db: Database? = try Database()
        try db?.execute("CREATE TABLE t(x INTEGER CHECK (x > 0))")
        let insert = try #require(try db?.prepare("INSERT INTO t VALUES (?1)"))
        weak let connection = db
        db = nil
        #expect(connection != nil)
        try insert.bind([Int64(1)])
        try insert.step()
        insert.reset()
        try insert.bind([Int64(-1)])
        #expect { try insert.step() } throws: { ($0 as? SQLiteError)?.message.contains("CHECK constraint failed") == true }
    }
}
