import Foundation
import Testing
import SVWDatabase
import SVWWorkspace
@testable import SVWImport

/// A big load drops its table's indexes. Those that check nothing wait, held in the load's
/// transaction, until a command that reads the data builds them; a unique one is built again
/// by the load itself. Whatever happens in between, the schema that comes out must be the one
/// that went in, and every index must hold every row.
@Suite struct PendingIndexTests {
    private func schema(_ h: Harness) throws -> [[String]] {
        try h.rows("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
    }

    private func indexes(on table: String, _ h: Harness) throws -> [String] {
        try h.rows("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = '\(table)' AND sql IS NOT NULL ORDER BY name").map { $0[0] }
    }

    private func pending(_ h: Harness) throws -> [String] {
        try h.rows("SELECT key FROM settings WHERE key LIKE 'pending\\_index:%' ESCAPE '\\' ORDER BY key").map { $0[0] }
    }

    private func load(_ kind: ImportKind, _ file: String, _ h: Harness, _ options: ImportOptions? = nil) throws -> ImportReport {
        try Importer.load(kind, file: h.dir.url.appendingPathComponent(file), into: h.session.workspace, options: options ?? .bulk)
    }

    @Test func aBigLoadLeavesItsIndexesForTheFirstCommandThatReadsTheData() throws {
        let h = try Harness()
        try h.writeSample()
        let fresh = try schema(h)
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv; load suppliers suppliers.csv") == 0)
        let report = try load(.contracts, "contracts.csv", h)
        #expect(report.loaded == 4)
        #expect(try indexes(on: "contracts", h) == [])
        // Their ids ascend, so the key index waits too, guarded meanwhile (see KeyIndexes).
        #expect(try pending(h) == ["pending_index:contracts:contracts_award", "pending_index:contracts:contracts_key",
                                   "pending_index:contracts:contracts_supplier", "pending_index:contracts:contracts_year_partner"])
        // The rows read the same without them.
        #expect(try h.rows("SELECT contract_id FROM contracts WHERE supplier_id = 'S002'") == [["C002"]])

        // Commands that do not read the data leave them waiting.
        #expect(h.run("imports; help load") == 0)
        #expect(try pending(h).count == 4)

        // SQL reads the data: they are built first, from their own SQL, and hold every row.
        #expect(h.run("SELECT count(*) FROM contracts;") == 0)
        #expect(try pending(h) == [])
        #expect(try schema(h) == fresh)
        #expect(try h.rows("SELECT contract_id FROM contracts INDEXED BY contracts_supplier WHERE supplier_id = 'S002'") == [["C002"]])
        #expect(try h.scalar("PRAGMA integrity_check") == "ok")
    }

    @Test func aFailedLoadLeavesTheIndexesAsTheyWere() throws {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv; load suppliers suppliers.csv") == 0)
        let before = try h.dump()
        try h.write("bad.csv", """
            contract_id,partner,title,supplier_id,award_date,value
            C1,Stockport,Fine,S001,01/05/2021,£1
            C2,Stockport,Bad,S001,01/05/2021,£x
            """)
        var strict = ImportOptions.bulk
        strict.strict = true
        #expect(throws: ImportError.self) { try load(.contracts, "bad.csv", h, strict) }
        #expect(try h.dump() == before)

        // And a failed load after one that left them pending leaves them pending.
        _ = try load(.contracts, "contracts.csv", h)
        let waiting = try h.dump()
        #expect(throws: ImportError.self) { try load(.contracts, "bad.csv", h, strict) }
        #expect(try h.dump() == waiting)
    }

    /// Loads in a row build each index once, after the last, over all their rows; a table
    /// read by its primary key alone keeps its indexes waiting through a load that checks
    /// against it.
    @Test func loadsInARowBuildEachIndexOnceOverAllTheirRows() throws {
        let h = try Harness()
        try h.writeSample()
        let fresh = try schema(h)
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv") == 0)
        _ = try load(.suppliers, "suppliers.csv", h)
        _ = try load(.contracts, "contracts.csv", h)
        _ = try load(.commitments, "commitments.csv", h)
        try h.write("more.csv", """
            contract_id,partner,title,category,supplier_id,award_date,value
            C005,Bolton,Park benches,Goods,S003,01/05/2022,£700

            """)
        // A small file goes in row by row, into a table whose indexes are waiting: its key, and
        // that of the suppliers SQLite checks its rows against, are built first.
        #expect(try pending(h).count == 10)
        _ = try load(.contracts, "more.csv", h, ImportOptions())
        #expect(try pending(h).count == 8)
        #expect(try !pending(h).contains("pending_index:contracts:contracts_key") && pending(h).contains("pending_index:commitments:commitments_key"))
        #expect(h.run("tables") == 0)
        #expect(try pending(h) == [])
        #expect(try schema(h) == fresh)
        #expect(try h.rows("SELECT contract_id FROM contracts INDEXED BY contracts_supplier WHERE supplier_id = 'S003' ORDER BY 1")
                == [["C003"], ["C005"]])
        #expect(try h.scalar("PRAGMA integrity_check") == "ok")
    }

    /// A contracts file that names its suppliers is matched to them by name and company number:
    /// the suppliers' waiting indexes are built before it; one that gives their ids does not need them.
    @Test func aLoadBuildsTheWaitingIndexesItSeeksBy() throws {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv") == 0)
        _ = try load(.suppliers, "suppliers.csv", h)
        _ = try load(.contracts, "contracts.csv", h, ImportOptions())
        #expect(try pending(h).allSatisfy { $0.hasPrefix("pending_index:suppliers:") } && pending(h).count == 3)
        try h.write("named.csv", """
            contract_id,partner,title,supplier_name,supplier_postcode,award_date,value
            C010,Bolton,Bins,Acme Construction Ltd,SK4 1AA,01/05/2022,£700

            """)
        _ = try load(.contracts, "named.csv", h, ImportOptions())
        #expect(try pending(h) == [])
        #expect(try h.rows("SELECT supplier_id FROM contracts WHERE contract_id = 'C010'") == [["S001"]])
    }

    /// A unique index checks the rows: the load builds it again itself, and a file that breaks
    /// it is refused whole.
    @Test func aUniqueIndexIsBuiltByTheLoadItself() throws {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv; load suppliers suppliers.csv") == 0)
        #expect(h.run("CREATE UNIQUE INDEX one_title ON contracts(title);") == 0)
        // Long enough to take the bulk path (a file of a few rows of 200 bytes or more).
        let title = "Resurfacing " + String(repeating: "and more resurfacing ", count: 12)
        try h.write("twice.csv", """
            contract_id,partner,title,supplier_id,award_date,value
            C020,Stockport,\(title),S001,01/05/2021,£1
            C021,Stockport,\(title),S001,01/05/2021,£1

            """)
        let before = try h.dump()
        #expect(throws: SQLiteError.self) { try load(.contracts, "twice.csv", h) }
        #expect(try h.dump() == before)

        _ = try load(.contracts, "contracts.csv", h)
        #expect(try indexes(on: "contracts", h) == ["one_title"])
        #expect(try pending(h).count == 4)
    }

    /// Opening a workspace with indexes waiting neither builds them nor takes them for lost.
    @Test func openingDoesNotTakeAWaitingIndexForALostOne() throws {
        let h = try Harness()
        try h.writeSample()
        let path = h.dir.url.appendingPathComponent("w.db").path
        do {
            let workspace = try Workspace(path: path)
            for (kind, file) in [(ImportKind.measures, "measures.csv"), (.postcodes, "postcode_districts.csv"), (.suppliers, "suppliers.csv")] {
                _ = try Importer.load(kind, file: h.dir.url.appendingPathComponent(file), into: workspace, options: .bulk)
            }
        }
        let reopened = try Workspace(path: path)
        #expect(reopened.repairs == [])
        #expect(try reopened.db.scalar("SELECT count(*) FROM settings WHERE key LIKE 'pending_index:suppliers:%'").int64 == 4)
        #expect(try reopened.db.scalar("SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'suppliers' AND type = 'index' AND sql IS NOT NULL").int64 == 0)
        try PendingIndexes.build(reopened.db)
        #expect(try reopened.db.scalar("SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'suppliers' AND type = 'index' AND sql IS NOT NULL").int64 == 4)
    }
}
