import Foundation
import Testing
@testable import SVWCommands
@testable import SVWImport

/// Framework awards flattened to one row per award × supplier: the contract is loaded once,
/// each supplier linked, value counted once, and per-supplier value shared equally.
@Suite struct SeveralSuppliersTests {
    private func framework() throws -> Harness {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load sample .") == 0, "\(h.capture.err)")
        try h.write("framework.csv", """
            contract_id,partner,title,supplier_name,supplier_postcode,award_date,value
            F1,Stockport,Framework for fencing,Acme Construction Ltd,SK4 1AA,01/06/2020,"£100,000.01"
            F1,Stockport,Framework for fencing,Fence Co,WA3 6AA,01/06/2020,"£100,000.01"
            F1,Stockport,Framework for fencing,Gate Ltd,M1 1AE,01/06/2020,"£100,000.01"
            F2,Trafford,Lot 1,Fence Co,WA3 6AA,02/06/2020,"£5,000.00"
            F2,Trafford,Lot 1,Gate Ltd,M1 1AE,02/06/2020,"£6,000.00"
            F3,Trafford,Lot 2,Gate Ltd,M1 1AE,02/06/2020,"£7,000.00"
            F3,Trafford,Lot 2,Gate Ltd,M1 1AE,02/06/2020,"£7,000.00"

            """)
        return h
    }

    @Test func rowsOfOneAwardLinkItsSuppliersAndCountTheValueOnce() throws {
        let h = try framework()
        #expect(h.run("load contracts framework.csv") == 0)
        #expect(h.capture.err.contains("loaded 3 contracts from framework.csv (2 rejected, 0 replaced)"), "\(h.capture.err)")
        #expect(h.capture.err.contains("several suppliers: 2 further rows added a supplier to 1 contract"))
        #expect(h.capture.err.contains("""
            framework.csv:6:7: column "value": contract F2 has value £6,000.00 here but £5,000.00 on line 5; an award's rows must agree
            """))
        #expect(h.capture.err.contains("framework.csv:8:1: column \"contract_id\": duplicate contract_id F3 with supplier"))
        #expect(try h.rows("""
            SELECT l.contract_id, s.name FROM award_suppliers l JOIN suppliers s USING (supplier_id)
             WHERE l.contract_id LIKE 'F%' ORDER BY 1, 2
            """) == [["F1", "Acme Construction Ltd"], ["F1", "Fence Co"], ["F1", "Gate Ltd"],
                     ["F2", "Fence Co"], ["F3", "Gate Ltd"]])
        // Independent SQL: the value is held once per contract…
        #expect(try h.scalar("SELECT sum(value_pence) FROM contracts WHERE contract_id LIKE 'F%'") == "11200001")
        // …and shared equally among suppliers, the odd penny to the first by id, adding up exactly.
        #expect(try h.rows("SELECT share_pence FROM award_shares WHERE contract_id = 'F1' ORDER BY supplier_id") .map { $0[0] }
                .sorted() == ["3333333", "3333334", "3333334"])
        #expect(try h.scalar("SELECT sum(share_pence) FROM award_shares WHERE contract_id LIKE 'F%'") == "11200001")
        // Reloading the same file changes nothing: the same contract and supplier replace.
        #expect(h.run("load contracts framework.csv") == 0)
        #expect(try h.scalar("SELECT count(*) FROM award_suppliers WHERE contract_id LIKE 'F%'") == "5")
    }

    @Test func geographyCountsEachSupplierOnceAndEachAwardOnce() throws {
        let h = try framework()
        #expect(h.run("load contracts framework.csv") == 0)
        #expect(h.run("geography --format csv --no-chart") == 0)
        let lines = h.capture.out.split(separator: "\n").map(String.init)
        // Total awarded is the contracts' value, never a framework's value per supplier.
        let total = try h.scalar("SELECT printf('%.2f', sum(value_pence) / 100.0) FROM contracts")
        #expect(lines.last?.hasPrefix("Total,") == true)
        #expect(lines.last?.contains("," + total + ",") == true, "\(lines)")
        let contracts = try h.scalar("SELECT count(*) FROM contracts")
        let suppliers = try h.scalar("SELECT count(DISTINCT supplier_id) FROM award_suppliers")
        #expect(lines.last?.hasPrefix("Total,\(suppliers),100.0,\(contracts),") == true, "\(lines)")
    }

    @Test func aSupplierWithAnIdAndNoNameKeepsTheAward() throws {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load sample .") == 0)
        try h.write("nameless.csv", """
            contract_id,partner,title,supplier_id,supplier_name,supplier_address,award_date,value
            N1,Stockport,Cleaning,GB-COH-01234999,,"1 High Street, Stockport sk4 1aa",01/06/2020,£900

            """)
        #expect(h.run("load contracts nameless.csv") == 0)
        #expect(h.capture.err.contains("loaded 1 contract from nameless.csv (0 rejected, 0 replaced)"), "\(h.capture.err)")
        #expect(h.capture.err.contains("1 given by id with no name, kept under the id (name_missing = 1)"))
        #expect(h.capture.err.contains("postcodes: 1 found in the address"))
        #expect(try h.rows("SELECT name, name_missing, postcode, postcode_source FROM suppliers WHERE supplier_id = 'GB-COH-01234999'")
                == [["GB-COH-01234999", "1", "SK4 1AA", "address"]])
    }
}
