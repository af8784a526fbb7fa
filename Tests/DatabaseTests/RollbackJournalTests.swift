import Foundation
import Testing
@testable import SVWDatabase

/// A bulk load writes through a rollback journal when it has the workspace file to itself,
/// and the file is back in WAL mode afterwards however the load ended.
@Suite struct RollbackJournalTests {
    /// A WAL-mode database file in a fresh folder, with one table of one row.
    private func walFile() throws -> (path: String, db: Database) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svw-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("w.db").path
        let db = try Database(path: path)
        #expect(try db.scalar("PRAGMA journal_mode = WAL") == .text("wal"))
        try db.execute("PRAGMA synchronous = NORMAL")
        db.setBusyTimeout(milliseconds: 5000)
        try db.execute("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1)")
        return (path, db)
    }

    @Test func aConnectionAloneWritesThroughTheRollbackJournalThenReturnsToWAL() throws {
        let (_, db) = try walFile()
        let inside = try db.withRollbackJournal {
            try db.transaction { try db.run("INSERT INTO t VALUES (2)") }
            return [try db.scalar("PRAGMA journal_mode"), try db.scalar("PRAGMA synchronous")]
        }
        #expect(inside == [.text("delete"), .integer(2)], "the rollback journal, synced in full")
        #expect(try db.scalar("PRAGMA journal_mode") == .text("wal"))
        #expect(try db.scalar("PRAGMA synchronous") == .integer(1))
        #expect(try db.scalar("SELECT sum(x) FROM t") == .integer(3))
    }

    @Test func aFailedBodyStillLeavesWALAndNothingWritten() throws {
        let (_, db) = try walFile()
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try db.withRollbackJournal {
                try db.transaction {
                    try db.run("INSERT INTO t VALUES (2)")
                    throw Stop()
                }
            }
        }
        #expect(try db.scalar("PRAGMA journal_mode") == .text("wal"))
        #expect(try db.scalar("SELECT sum(x) FROM t") == .integer(1))
    }

    @Test func anotherConnectionOnTheFileKeepsTheWALAndIsNotKeptWaiting() throws {
        let (path, db) = try walFile()
        let reader = try Database(path: path)
        #expect(try reader.scalar("SELECT count(*) FROM t") == .integer(1))
        let began = Date()
        let inside = try db.withRollbackJournal {
            try db.transaction { try db.run("INSERT INTO t VALUES (2)") }
            return try db.scalar("PRAGMA journal_mode")
        }
        #expect(inside == .text("wal"))
        #expect(Date().timeIntervalSince(began) < 2, "the switch was tried without waiting for the reader")
        #expect(try reader.scalar("SELECT sum(x) FROM t") == .integer(3))
        #expect(try db.scalar("PRAGMA journal_mode") == .text("wal"))
    }

    @Test func anOpenTransactionOrAnInMemoryDatabaseIsLeftAsItIs() throws {
        let memory = try Database()
        #expect(try memory.withRollbackJournal { try memory.scalar("PRAGMA journal_mode") } == .text("memory"))
        let (_, db) = try walFile()
        let inTransaction = try db.transaction { try db.withRollbackJournal { try db.scalar("PRAGMA journal_mode") } }
        #expect(inTransaction == .text("wal"))
    }
}
