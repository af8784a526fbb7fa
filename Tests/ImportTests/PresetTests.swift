import Foundation
import Testing
@testable import SVWCommands
@testable import SVWImport

/// Published layouts (Tests/Fixtures/presets, sources in its README): recognised from the
/// header, loaded end to end, and checked with independent SQL.
@Suite struct PresetTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/presets")

    private func harness(_ name: String) throws -> Harness {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load sample .") == 0)
        try h.write(name, String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8))
        return h
    }

    @Test func theContractsFinderExportIsRecognisedAndItsPackedSuppliersLinked() throws {
        let h = try harness("contracts-finder-export.csv")
        #expect(h.run("load contracts contracts-finder-export.csv") == 0, "\(h.capture.err)")
        let err = h.capture.err
        #expect(err.contains("loaded 2 contracts from contracts-finder-export.csv (1 rejected, 0 replaced)"), "\(err)")
        #expect(err.contains("recognised the Contracts Finder CSV export (--preset contracts-finder)"))
        #expect(err.contains("several suppliers: added a supplier to 1 contract"))
        #expect(err.contains("contracts-finder-export.csv:4:37: column \"Supplier [Name|Address|Ref type|Ref Number|Is SME|Is VCSE]\": no supplier named"))
        #expect(try h.rows("""
            SELECT contract_id, partner, category, award_date, start_date, end_date, value_pence FROM contracts
             WHERE contract_id LIKE 'a1b2c3d4%' ORDER BY 1
            """) == [
            ["a1b2c3d4-0001", "Stockport Metropolitan Borough Council", "45233000", "2021-02-15", "2021-04-01", "2025-03-31", "150000000"],
            ["a1b2c3d4-0002", "Trafford Council", "77314000", "2021-03-01", "2021-04-01", "2022-03-31", "4800000"],
        ])
        // The suppliers, from the packed column; the notice's own Postcode (SK1 3XE) is nobody's.
        #expect(try h.rows("""
            SELECT l.contract_id, s.name, coalesce(s.company_number, '-'), s.postcode, s.sme, s.vcse
              FROM award_suppliers l JOIN suppliers s USING (supplier_id)
             WHERE l.contract_id LIKE 'a1b2c3d4%' ORDER BY 1, 2
            """) == [
            ["a1b2c3d4-0001", "Acme Construction Ltd", "01234567", "SK4 1AA", "1", "0"],
            ["a1b2c3d4-0001", "Fence Co Limited", "07654321", "WA3 4AA", "0", "0"],
            ["a1b2c3d4-0001", "Northern Care CIC", "-", "M1 1AE", "1", "1"],
            ["a1b2c3d4-0002", "Green Spaces Ltd", "11112222", "M33 7ZZ", "1", "0"],
        ])
        #expect(try h.scalar("SELECT count(*) FROM suppliers WHERE postcode = 'SK1 3XE'") == "0")
    }

    @Test func aTransparencyCodeRegisterIsRecognisedAndItsFlattenedFrameworkJoined() throws {
        let h = try harness("lgtc-contract-register.csv")
        #expect(h.run("load contracts lgtc-contract-register.csv") == 0, "\(h.capture.err)")
        let err = h.capture.err
        #expect(err.contains("loaded 3 contracts from lgtc-contract-register.csv (1 rejected, 0 replaced)"), "\(err)")
        #expect(err.contains("recognised a Local Government Transparency Code contract register (--preset lgtc-register)"))
        #expect(err.contains("award dates read from the contract start date"))
        #expect(err.contains("lgtc-contract-register.csv:6:9: column \"Contract value\": contract RBC-0002 has value £310,000.00 here but £300,000.00 on line 3; an award's rows must agree"))
        #expect(try h.rows("""
            SELECT c.contract_id, c.award_date, c.value_pence, count(l.supplier_id), sum(s.sme)
              FROM contracts c JOIN award_suppliers l USING (contract_id) JOIN suppliers s ON s.supplier_id = l.supplier_id
             WHERE c.contract_id LIKE 'RBC-%' GROUP BY 1 ORDER BY 1
            """) == [["RBC-0001", "2020-04-01", "245000000", "1", "0"],
                     ["RBC-0002", "2020-06-01", "30000000", "2", "2"],
                     ["RBC-0003", "2020-09-01", "9000000", "1", "1"]])
    }

    @Test func aPresetCanBeChosenAndAnUnknownOneIsRefused() throws {
        let h = try harness("lgtc-contract-register.csv")
        #expect(h.run("load contracts lgtc-contract-register.csv --preset lgtc-register") == 0)
        #expect(h.capture.err.contains("read as a Local Government Transparency Code contract register (--preset lgtc-register)"))
        #expect(h.run("load contracts lgtc-contract-register.csv --preset nonsense") == 1)
        #expect(h.capture.err == "-c:1: load: --preset nonsense: no such layout for contracts (presets: contracts-finder, lgtc-register)\n")
    }
}
