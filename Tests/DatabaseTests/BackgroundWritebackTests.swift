import Foundation
import Testing
@testable import SVWDatabase

/// A big load has the kernel start writing the file while it goes on, through the descriptor
/// SQLite holds: opening (and so closing) one of its own would drop every POSIX lock the
/// process holds on the file, SQLite's included.
@Suite struct BackgroundWritebackTests {
    /// The process's descriptors open on `file` (other tests open and close their own meanwhile).
    private static func descriptors(of file: String) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")) == file
        }.count
    }

    @Test func itUsesSQLitesOwnDescriptorAndOpensNone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svw-writeback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.db").path
        let db = try Database(path: path)
        try db.execute("CREATE TABLE t(x INTEGER)")

        let fd = try #require(db.fileDescriptor())
        let file = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)") == file)
        #expect(try Self.descriptors(of: file) == 1)
        let rows = try db.withBackgroundWriteback {
            try db.transaction {
                for i in 0..<20_000 { try db.run("INSERT INTO t VALUES (?1)", [Int64(i)]) }
            }
            Thread.sleep(forTimeInterval: 0.25)
            #expect(try Self.descriptors(of: file) == 1, "no descriptor of its own while it runs")
            return try db.scalar("SELECT count(*) FROM t")
        }
        #expect(rows == .integer(20_000))
        #expect(try Self.descriptors(of: file) == 1)
        #expect(try db.scalar("PRAGMA integrity_check") == .text("ok"))
    }

    @Test func anInMemoryDatabaseJustRunsTheBody() throws {
        let db = try Database()
        #expect(db.fileDescriptor() == nil)
        #expect(try db.withBackgroundWriteback { 7 } == 7)
    }
}
