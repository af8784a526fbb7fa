import Foundation
import Testing
@testable import SVWCommands
@testable import SVWImport

/// `load ocds`: the published OCDS shapes (Tests/Fixtures/ocds, see its README), loaded end
/// to end and checked with SQL written independently of the loader.
@Suite struct OCDSTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ocds")

    private func harness(_ names: String...) throws -> Harness {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load sample .") == 0)
        for name in names {
            try h.write(name, String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8))
        }
        return h
    }

    @Test func aReleasePackageLoadsTheLatestReleaseOfEachAward() throws {
        let h = try harness("release-package.json")
        #expect(h.run("load ocds release-package.json") == 0, "\(h.capture.err)")
        let err = h.capture.err
        #expect(err.contains("loaded 2 contracts from release-package.json (1 rejected, 0 replaced)"), "\(err)")
        #expect(err.contains("1 earlier release of an award superseded by a later one"))
        #expect(err.contains("several suppliers: 1 award names more than one"))
        #expect(err.contains("1 award is not active (1 pending): kept in inactive_awards"))
        #expect(err.contains("release-package.json:50:5: column \"awards[].value.currency\": award E-1: value in EUR, not GBP: give --rate EUR=R"))
        // The awardUpdate's value, the first release's contract period (it was not repeated), CPV as category.
        #expect(try h.rows("""
            SELECT contract_id, partner, title, category, award_date, value_pence, financial_year
              FROM contracts WHERE contract_id IN ('A-1', 'F-1') ORDER BY 1
            """) == [
            ["A-1", "Stockport Metropolitan Borough Council", "Highway resurfacing 2021", "NULL", "2021-01-08", "12000050", "2020/21"],
            ["F-1", "Trafford Council", "Fencing framework", "45340000: Fencing", "2021-03-01", "30000001", "2020/21"],
        ])
        // Suppliers: Companies House numbers, postcodes from the postcode field or the address, scale as SME.
        #expect(try h.rows("""
            SELECT s.name, s.company_number, s.postcode, s.postcode_source, s.sme, s.vcse, s.name_missing
              FROM award_suppliers l JOIN suppliers s USING (supplier_id) WHERE l.contract_id = 'F-1' ORDER BY s.company_number
            """) == [
            ["GB-COH-05555555", "05555555", "NULL", "NULL", "NULL", "NULL", "1"],
            ["Fence Co Limited", "07654321", "WA3 4AA", "postcode", "0", "NULL", "0"],
            ["Gate Services CIC", "09999999", "M1 1AE", "address", "1", "1", "0"],
        ])
        #expect(try h.rows("SELECT contract_id, status, value_pence FROM inactive_awards") == [["P-1", "pending", "500000"]])
        // Totals count the framework once.
        #expect(try h.scalar("SELECT sum(value_pence) FROM contracts WHERE contract_id IN ('A-1', 'F-1')") == "42000051")
        #expect(try h.scalar("SELECT sum(share_pence) FROM award_shares WHERE contract_id IN ('A-1', 'F-1')") == "42000051")
        #expect(try h.rows("SELECT kind, table_name, rows_loaded, rows_rejected FROM imports ORDER BY import_id DESC LIMIT 1")
                == [["ocds", "contracts", "2", "1"]])
    }

    @Test func aRateConvertsAndStrictRefusesRejects() throws {
        let h = try harness("release-package.json")
        #expect(h.run("load ocds release-package.json --strict") == 1)
        #expect(h.capture.err.contains("--strict: 1 row of release-package.json rejected, so nothing was loaded"))
        #expect(try h.scalar("SELECT count(*) FROM contracts") == "4")
        #expect(try h.scalar("SELECT count(*) FROM imports WHERE kind = 'ocds'") == "0")
        #expect(h.run("load ocds release-package.json --rate EUR=0.85 --strict") == 0, "\(h.capture.err)")
        #expect(h.capture.err.contains("converted 1 award value from EUR at £0.85 per EUR"))
        #expect(try h.scalar("SELECT value_pence FROM contracts WHERE contract_id = 'E-1'") == "85000")
        #expect(h.run("load ocds release-package.json --rate EUR") == 1)
        #expect(h.capture.err.contains("--rate takes CUR=RATE"))
    }

    @Test func aRecordPackageUsesCompiledReleasesAndMatchesSuppliersByCompanyNumber() throws {
        let h = try harness("release-package.json", "record-package.json")
        #expect(h.run("load ocds release-package.json") == 0)
        #expect(h.run("load ocds record-package.json") == 0, "\(h.capture.err)")
        #expect(h.capture.err.contains("matched 1 to an existing supplier (1 by company number)"), "\(h.capture.err)")
        #expect(try h.rows("""
            SELECT c.contract_id, c.category, s.supplier_id, s.name
              FROM contracts c JOIN suppliers s USING (supplier_id) WHERE s.company_number = '01234567' ORDER BY 1
            """) == [["A-1", "NULL", "S001", "Acme Construction Ltd"],          // the sample's S001: same company number
                     ["C001", "Works", "S001", "Acme Construction Ltd"],
                     ["R-1", "45221119: Bridge renewal construction work", "S001", "Acme Construction Ltd"]])
    }

    @Test func jsonLinesAndBareListsOfReleases() throws {
        let h = try harness("releases.jsonl")
        #expect(h.run("load ocds releases.jsonl") == 0, "\(h.capture.err)")
        // L-1 was cancelled by its awardUpdate; L-2 came from a bare list on the last line.
        #expect(try h.rows("SELECT contract_id FROM contracts WHERE contract_id LIKE 'L-%'") == [["L-2"]])
        #expect(try h.rows("SELECT contract_id, status FROM inactive_awards") == [["L-1", "cancelled"]])
        #expect(try h.rows("SELECT postcode_status FROM suppliers WHERE name = 'Print Ltd'") == [["outside_uk"]])
    }

    @Test func anAwardCancelledInALaterFileIsReportedAndANamelessSupplierMatchesByCompanyNumber() throws {
        let h = try harness()
        let release = { (tag: String, status: String, date: String) in """
            {"ocid": "o-1", "id": "\(tag)", "date": "\(date)", "tag": ["\(tag)"], "buyer": {"name": "Stockport"},
             "title": "Roads", "parties": [{"id": "GB-COH-01234567", "name": null,
               "identifier": {"scheme": "GB-COH", "id": "1234567"}, "roles": ["supplier"]}],
             "awards": [{"id": "X-1", "status": "\(status)", "value": {"amount": 10}, "suppliers": [{"id": "GB-COH-01234567"}]}]}
            """ }
        try h.write("first.json", release("award", "active", "2021-01-01T00:00:00Z"))
        try h.write("later.json", release("awardUpdate", "cancelled", "2021-02-01T00:00:00Z"))
        #expect(h.run("load ocds first.json") == 0, "\(h.capture.err)")
        // No name, but the Companies House number is the sample's S001.
        #expect(try h.rows("SELECT supplier_id, award_date FROM contracts WHERE contract_id = 'X-1'") == [["S001", "2021-01-01"]])
        #expect(h.run("load ocds later.json") == 0)
        #expect(h.capture.err.contains("1 award is not active (1 cancelled): kept in inactive_awards, not counted as contracts"))
        #expect(h.capture.err.contains("1 of them was loaded as active before and stays in contracts"))
        #expect(try h.rows("SELECT status FROM inactive_awards WHERE contract_id = 'X-1'") == [["cancelled"]])
    }

    @Test func malformedJSONFailsWithLineAndColumnAndWritesNothing() throws {
        let h = try harness()
        try h.write("bad.json", """
            {"releases": [
              {"ocid": "x", "awards": [{"id": "1" "status": "active"}]}
            ]}
            """)
        #expect(h.run("load ocds bad.json") == 1)
        #expect(h.capture.err == "-c:1: load: bad.json:2:39: malformed JSON: expected ',' or '}'\n")
        try h.write("cut.json", "[{\"ocid\": \"x\", \"title\": \"unterminated")
        #expect(h.run("load ocds cut.json") == 1)
        #expect(h.capture.err == "-c:1: load: cut.json:1:25: malformed JSON: a string is not closed before the end of the file\n")
        #expect(try h.scalar("SELECT count(*) FROM imports WHERE kind = 'ocds'") == "0")
    }

    @Test func theFileIsHashedAndRecorded() throws {
        let h = try harness("releases.jsonl")
        #expect(h.run("load ocds releases.jsonl") == 0)
        let expected = try Shell.output("/usr/bin/sha256sum", [h.dir.url.appendingPathComponent("releases.jsonl").path]).prefix(64)
        #expect(try h.scalar("SELECT sha256 FROM imports WHERE kind = 'ocds'") == String(expected))
    }
}
