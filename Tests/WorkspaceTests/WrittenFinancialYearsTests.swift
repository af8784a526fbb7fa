import Foundation
import Testing
import TestSupport
import SVWDatabase
@testable import SVWWorkspace

/// `financial_year` is an ordinary column svw's loads write; for every other writer, triggers
/// put it back to what the date says after each statement, as the generated column did.
@Suite struct WrittenFinancialYearsTests {
    private func workspace() throws -> Workspace {
        let ws = try Workspace()
        try ws.db.execute("""
            INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES ('S1','One','one','missing');
            INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence) VALUES
              ('C1','Bury','Roads','S1','2021-03-31',1), ('C2','Bury','Bins','S1','2021-04-01',2);
            INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence, financial_year)
            VALUES ('C3','Bury','Parks','S1','1999-12-31',3, 'nonsense');
            INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed, reporting_date) VALUES
              ('K1','C1','NT1',1,'2022-03-31'), ('K2','C1','NT1',1,NULL);
            INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed, reporting_date, financial_year)
            VALUES ('K3','C1','NT1',1,NULL,'2020/21');
            """)
        return ws
    }

    private func years(_ ws: Workspace, _ table: String) throws -> [String] {
        try ws.db.query("SELECT coalesce(financial_year, '-') FROM \(table) ORDER BY 1 DESC").rows.map { $0[0].string ?? "" }
    }

    /// What the generated column's expression says for every row: the definition the triggers keep.
    private func wrong(_ ws: Workspace, _ table: String) throws -> Int64? {
        try ws.db.scalar("SELECT count(*) FROM \(table) WHERE financial_year IS NOT \(WrittenFinancialYears.year(table, row: table))").int64
    }

    @Test func anInsertGetsItsYearWhateverItSaid() throws {
        let ws = try workspace()
        #expect(try years(ws, "contracts") == ["2021/22", "2020/21", "1999/00"])
        #expect(try years(ws, "commitments") == ["2021/22", "-", "-"])
        #expect(try wrong(ws, "contracts") == 0)
        #expect(try wrong(ws, "commitments") == 0)
    }

    @Test func anUpdateOfTheDateOrTheYearIsPutRight() throws {
        let ws = try workspace()
        try ws.db.execute("""
            UPDATE contracts SET award_date = '2019-04-01' WHERE contract_id = 'C1';
            UPDATE contracts SET financial_year = '1066/67' WHERE contract_id = 'C2';
            UPDATE commitments SET reporting_date = NULL WHERE commitment_id = 'K1';
            UPDATE commitments SET reporting_date = '2020-01-01' WHERE commitment_id = 'K2';
            UPDATE commitments SET financial_year = 'x' WHERE commitment_id = 'K3';
            """)
        #expect(try years(ws, "contracts") == ["2021/22", "2019/20", "1999/00"])
        #expect(try years(ws, "commitments") == ["2019/20", "-", "-"])
        #expect(try wrong(ws, "contracts") == 0)
        #expect(try wrong(ws, "commitments") == 0)
        // An upsert's update path too.
        try ws.db.execute("""
            INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence) VALUES ('C2','Bury','Bins','S1','2030-06-01',2)
            ON CONFLICT(contract_id) DO UPDATE SET award_date = excluded.award_date
            """)
        #expect(try ws.db.scalar("SELECT financial_year FROM contracts WHERE contract_id = 'C2'") == .text("2030/31"))
    }

    /// A workspace from before keeps every row, rowid and year; only the column's kind changes.
    @Test func migratingKeepsRowsRowidsAndYears() throws {
        let folder = try ScratchFolder()
        let path = folder.file("workspace.db").path
        let target = try #require(Schema.migrations.firstIndex { $0.contains("contracts_financial_year_ai") })
        let query = """
            SELECT 'c', rowid, contract_id, financial_year FROM contracts
            UNION ALL SELECT 'k', rowid, commitment_id, financial_year FROM commitments ORDER BY 1, 2
            """
        let before: [[SQLValue]]
        do {
            let db = try Database(path: path)
            for sql in Schema.migrations.prefix(target) { try db.execute(sql) }
            try db.execute("PRAGMA user_version = \(target)")
            try db.execute("""
                INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES ('S1','One','one','missing');
                INSERT INTO contracts(rowid, contract_id, partner, title, supplier_id, award_date, value_pence) VALUES
                  (7,'C1','Bury','Roads','S1','2021-03-31',1), (3,'C2','Bury','Bins','S1','2021-04-01',2);
                INSERT INTO commitments(rowid, commitment_id, contract_id, measure_code, units_committed, reporting_date) VALUES
                  (9,'K1','C1','NT1',1,'2022-03-31'), (2,'K2','C2','NT1',1,NULL);
                """)
            #expect(try db.scalar("SELECT sql FROM sqlite_schema WHERE name = 'contracts'").string?.contains("GENERATED") == true)
            before = try db.query(query).rows
        }
        let ws = try Workspace(path: path)
        #expect(try ws.db.query(query).rows == before)
        #expect(before.map { $0[3] } == [.text("2021/22"), .text("2020/21"), .null, .text("2021/22")])
        #expect(try ws.db.scalar("PRAGMA integrity_check") == .text("ok"))
        #expect(try ws.db.query("PRAGMA foreign_key_check").rows.isEmpty)
    }

    @Test func theColumnIsPlainAndItsTriggersAreSvwsOwn() throws {
        let ws = try workspace()
        for table in ["contracts", "commitments"] {
            let sql = try ws.db.scalar("SELECT sql FROM sqlite_schema WHERE name = ?1", [table]).string ?? ""
            #expect(!sql.contains("GENERATED"), "\(table)")
            #expect(sql.contains("financial_year TEXT\n"), "\(table)")
            for name in WrittenFinancialYears.triggers(on: table) { #expect(Schema.owns(name), "\(name)") }
        }
        #expect(try ws.db.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%financial_year%'") == 4)
    }
}
