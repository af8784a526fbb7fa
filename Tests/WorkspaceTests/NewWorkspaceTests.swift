import Foundation
import Testing
import TestSupport
import SVWDatabase
@testable import SVWWorkspace

/// A new workspace is made in one go from the schema the migrations leave (`Workspace.create`):
/// it must be exactly the workspace that replaying every migration builds.
@Suite struct NewWorkspaceTests {
    /// Every entry of `sqlite_schema` (SQLite's own autoindexes and FTS5's shadow tables
    /// included), in the order it holds them.
    static func schema(_ db: Database) throws -> [[SQLValue]] {
        try db.query("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid").rows
    }

    /// Every row of every ordinary table but the note of when the schema was last found whole
    /// (a schema cookie, which differs between any two files).
    static func rows(_ db: Database) throws -> [String: [[SQLValue]]] {
        let tables = try db.query("SELECT name FROM pragma_table_list WHERE type = 'table' AND schema = 'main' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
            .rows.compactMap { $0.first?.string }
        var out: [String: [[SQLValue]]] = [:]
        for table in tables {
            out[table] = try db.query("SELECT * FROM \(SQLIdentifier.quoted(table)) ORDER BY 1").rows
        }
        out["settings"] = try db.query("SELECT * FROM settings WHERE key <> 'schema_checked' ORDER BY 1").rows
        return out
    }

    @Test func aNewWorkspaceIsTheOneEveryMigrationBuilds() throws {
        let folder = try ScratchFolder()
        let path = folder.file("workspace.db").path
        do {
            // Version 1 as svw wrote it; opening migrates it through every later migration.
            let db = try Database(path: path)
            try db.execute(Schema.migrations[0])
            try db.execute("PRAGMA user_version = 1")
        }
        let migrated = try Workspace(path: path)
        let fresh = try Workspace()
        #expect(migrated.schemaVersion == Schema.currentVersion)
        #expect(fresh.schemaVersion == Schema.currentVersion)
        #expect(migrated.repairs.isEmpty && fresh.repairs.isEmpty)
        let migratedSchema = try Self.schema(migrated.db), freshSchema = try Self.schema(fresh.db)
        #expect(freshSchema.count == migratedSchema.count)
        for (new, old) in zip(freshSchema, migratedSchema) { #expect(new == old) }
        #expect(try Self.rows(fresh.db) == Self.rows(migrated.db))
        #expect(try fresh.db.scalar("PRAGMA integrity_check") == .text("ok"))
    }

    @Test func aNewFileWorkspaceIsMadeWholeAndReopensUnchanged() throws {
        let folder = try ScratchFolder()
        let path = folder.file("workspace.db").path
        let schema: [[SQLValue]]
        do {
            let ws = try Workspace(path: path)
            schema = try Self.schema(ws.db)
            #expect(try ws.db.scalar("PRAGMA journal_mode") == .text("wal"))
        }
        let again = try Workspace(path: path)
        #expect(again.repairs.isEmpty)
        #expect(try Self.schema(again.db) == schema)
        #expect(try Self.schema(again.db) == Self.schema(Workspace().db))
    }
}
