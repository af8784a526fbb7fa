import Testing
import TestSupport
import Foundation
import SVWDatabase
@testable import SVWWorkspace

/// A workspace cannot be broken by accident: SQL typed by the analyst may not drop or
/// alter svw's own objects, a workspace that lost some gets them back on opening, the
/// connection is hardened, and a second writer is told the workspace is busy.
@Suite struct WorkspaceProtectionTests {

    /// What the analyst's SQL gets back (as the SQL command runs it: prepared under the guard).
    func refusal(_ ws: Workspace, _ sql: String) -> String? {
        do {
            let statement = try ws.db.guardingSchema { try ws.db.prepare(sql) }
            while try statement.step() {}
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func everyOwnTableRefusesDropAndAlterAndSaysHowToEmptyIt() throws {
        let ws = try Workspace()
        for object in Schema.ownedObjects where object.type == "table" {
            #expect(refusal(ws, "DROP TABLE \(object.name)")
                    == "\(object.name) is part of the svw workspace's schema and cannot be dropped; to empty it, DELETE FROM \(object.name); (its rows go, the table stays)")
            if !object.isShadow && !object.sql.hasPrefix("CREATE VIRTUAL") {
                #expect(refusal(ws, "ALTER TABLE \(object.name) ADD COLUMN extra TEXT")
                        == "\(object.name) is part of the svw workspace's schema and cannot be altered; to empty it, DELETE FROM \(object.name); (its rows go, the table stays)")
            }
        }
        #expect(refusal(ws, "drop table if exists CONTRACTS")?.hasPrefix("contracts is part of the svw workspace's schema") == true)
        #expect(refusal(ws, "ALTER TABLE contracts RENAME TO old_contracts")?.contains("cannot be altered") == true)
        #expect(try SchemaQueries.tablesAndViews(ws.db).map(\.name).contains("contracts"))
    }

    @Test func indexesViewsTriggersAndTheVersionAreRefusedToo() throws {
        let ws = try Workspace()
        #expect(refusal(ws, "DROP INDEX contracts_award") == "contracts_award is part of the svw workspace's schema and cannot be dropped")
        #expect(refusal(ws, "DROP VIEW supplier_geography") == "supplier_geography is part of the svw workspace's schema and cannot be dropped")
        #expect(refusal(ws, "DROP TRIGGER contracts_search_ai") == "contracts_search_ai is part of the svw workspace's schema and cannot be dropped")
        #expect(refusal(ws, "DROP VIEW search_fts_documents") == "search_fts_documents is part of the svw workspace's schema and cannot be dropped")
        #expect(refusal(ws, "PRAGMA user_version = 0") == "PRAGMA user_version is svw's record of the workspace's schema and cannot be set from SQL")
        #expect(refusal(ws, "PRAGMA user_version") == nil)
        #expect(ws.schemaVersion == Schema.currentVersion)
    }

    @Test func deleteStillEmptiesATableAndTheAnalystsOwnTablesComeAndGo() throws {
        let ws = try Workspace()
        try ws.db.execute("INSERT INTO measures(code, edition, theme, description, unit, proxy_pence) VALUES ('NT1','e','Jobs','d','u',100)")
        #expect(refusal(ws, "DELETE FROM measures") == nil)
        #expect(try ws.db.scalar("SELECT count(*) FROM measures") == .integer(0))
        #expect(refusal(ws, "CREATE TABLE notes(x)") == nil)
        #expect(refusal(ws, "ALTER TABLE notes ADD COLUMN y") == nil)
        #expect(refusal(ws, "DROP TABLE notes") == nil)
        // svw's own code, outside the guard, still rebuilds its indexes (big loads do).
        try ws.db.execute("DROP INDEX contracts_award")
        try ws.db.execute(Schema.ownedObjects.first { $0.name == "contracts_award" }!.sql)
    }

    /// A key index another program dropped, then broke by writing an id twice, cannot be put
    /// back: the workspace opens all the same, says why, and gets it back once mended.
    @Test func aKeyIndexThatCannotBeRestoredIsReportedUntilMended() throws {
        let folder = try ScratchFolder()
        let path = folder.file("workspace.db").path
        let supplier = "INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES (?1, 'Acme', 'acme', 'missing')"
        do {
            let ws = try Workspace(path: path)
            try ws.db.run(supplier, ["S1"])
        }
        do {
            // As sqlite3 would, with foreign keys off.
            let other = try Database(path: path)
            try other.execute("DROP INDEX suppliers_key")
            try other.run(supplier, ["S1"])
        }
        var ws = try Workspace(path: path)
        #expect(ws.repairs == ["this workspace had lost the index suppliers_key, and svw cannot restore it: suppliers holds supplier_id "
                               + "\"S1\" more than once, written by another program. Delete the extra rows (after PRAGMA foreign_keys = OFF: "
                               + "until then suppliers takes no writes); svw restores the index when it next opens the workspace"])
        #expect(try ws.db.scalar("SELECT count(*) FROM suppliers") == 2)
        #expect(throws: SQLiteError.self) { try ws.db.run(supplier, ["S2"]) }
        try ws.db.execute("PRAGMA foreign_keys = OFF; DELETE FROM suppliers WHERE rowid = 2; PRAGMA foreign_keys = ON")
        ws = try Workspace(path: path)
        #expect(ws.repairs == ["this workspace had lost part of svw's schema; restored: index suppliers_key"])
        #expect(throws: SQLiteError.self) { try ws.db.run(supplier, ["S1"]) }
        try ws.db.run(supplier, ["S2"])
        #expect(try Workspace(path: path).repairs.isEmpty)
    }

    @Test func openingRestoresWhatAWorkspaceLostAndSearchWorksAgain() throws {
        let folder = try ScratchFolder()
        let path = folder.file("workspace.db").path
        do {
            let ws = try Workspace(path: path)
            #expect(ws.repairs.isEmpty)
            try ws.db.execute("""
                INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES ('S1', 'Acme Gritting Ltd', 'acme gritting', 'missing');
                DROP TABLE contracts; DROP INDEX suppliers_district; DROP VIEW commitment_values;
                DROP TABLE search_fts; DROP VIEW search_fts_documents;
                """)
        }
        let ws = try Workspace(path: path)
        // Dropping contracts dropped the rollups' staleness triggers on it too.
        // (In the order the migrations create them: each migration adds its rollups' triggers.)
        let expectedTriggers = Set(Rollups.all.filter { $0.sources.contains("contracts") }.flatMap { rollup in
            ["insert", "update", "delete"].map { "\(rollup.table)_stale_contracts_\($0)" }
        })
        let ordered = Schema.ownedObjects.map(\.name).filter(expectedTriggers.contains)
        #expect(ordered.count == expectedTriggers.count)
        let rollupTriggers = ordered.map { ", trigger \($0)" }.joined()
        #expect(ws.repairs == ["this workspace had lost part of svw's schema; restored: index suppliers_district, "
                               + "table contracts (empty), index contracts_supplier, index contracts_year_partner, index contracts_award, "
                               + "view commitment_values, table search_fts, "
                               + "trigger contracts_search_ai, trigger contracts_search_au, trigger contracts_search_ad, "
                               + "trigger contracts_lead_supplier_au" + rollupTriggers + ", view search_fts_documents"
                               // Made again when the key-index migration rebuilt contracts, with the key's index last.
                               + WrittenFinancialYears.triggers(on: "contracts").map { ", trigger \($0)" }.joined()
                               + ", index contracts_key"])
        #expect(try Rollups.anyStale(ws.db), "repaired tables may hold other rows than the rollups were built from")
        let present = Set(try ws.db.query("SELECT name FROM sqlite_schema").rows.compactMap { $0.first?.string })
        for object in Schema.ownedObjects { #expect(present.contains(object.name), "\(object.name)") }
        try SearchIndex.refreshIfStale(ws.db)
        // A supplier's document id is its rowid shifted left one bit, plus 1.
        #expect(try ws.db.scalar("""
            SELECT s.supplier_id FROM search_fts f JOIN suppliers s ON f.rowid & 1 = 1 AND s.rowid = f.rowid >> 1
             WHERE search_fts MATCH 'gritting'
            """) == .text("S1"))
        #expect(try ws.db.scalar("PRAGMA integrity_check") == .text("ok"))
        #expect(try Workspace(path: path).repairs.isEmpty)
    }

    @Test func theConnectionIsHardened() throws {
        let ws = try Workspace()
        #expect(try ws.db.scalar("PRAGMA trusted_schema") == .integer(0))
        // Defensive mode: the schema table cannot be written even with writable_schema.
        try ws.db.execute("PRAGMA writable_schema = ON")
        #expect(throws: SQLiteError.self) { try ws.db.execute("UPDATE sqlite_schema SET sql = 'x' WHERE name = 'contracts'") }
        #expect(throws: SQLiteError.self) { try ws.db.execute("DELETE FROM search_fts_data") }
        #expect(throws: SQLiteError.self) { try ws.db.scalar("SELECT load_extension('/lib/x86_64-linux-gnu/libm.so.6')") }
        // A search index write from a trigger is what trusted_schema off forbids; svw's triggers only mark it stale.
        try ws.db.execute("INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES ('S1', 'Acme', 'acme', 'missing')")
        #expect(try ws.db.scalar("SELECT value FROM settings WHERE key = 'search_index_stale'") == .text("1"))
        try SearchIndex.refreshIfStale(ws.db)
        #expect(try ws.db.scalar("SELECT count(*) FROM settings WHERE key = 'search_index_stale'") == .integer(0))
    }

    @Test func aSecondConnectionReadsAlongsideAndIsToldTheWorkspaceIsBusyForWriting() throws {
        let folder = try ScratchFolder()
        let path = folder.file("workspace.db").path
        let writer = try Workspace(path: path)
        try writer.db.execute("BEGIN IMMEDIATE; INSERT INTO settings(key, value) VALUES ('held', '1')")
        let other = try Workspace(path: path)
        other.db.setBusyTimeout(milliseconds: 200)
        #expect(try other.db.scalar("SELECT count(*) FROM contracts") == .integer(0))
        do {
            try other.db.run("INSERT INTO settings(key, value) VALUES ('second', '1')")
            Issue.record("a second writer was let in")
        } catch let error as SQLiteError {
            #expect(error.message == "the workspace \(path) is busy: another process is writing to it; "
                    + "try again when that process has finished")
        }
        try writer.db.execute("COMMIT")
        try other.db.run("INSERT INTO settings(key, value) VALUES ('second', '1')")
        #expect(try other.db.scalar("SELECT count(*) FROM settings WHERE key IN ('held', 'second')") == .integer(2))
        #expect(Workspace.busyTimeoutMilliseconds == 5000)
    }
}
