import Foundation
import Testing
import TestSupport

/// Published data through the binary users run: Contracts Finder OCDS and its CSV export
/// loaded into a workspace file, then saved and replayed in a fresh process to the same output.
@Suite struct PublishedDataEndToEndTests {
    @Test func ocdsAndTheContractsFinderExportLoadSaveAndReplay() throws {
        let scratch = try ScratchFolder()
        let fixtures = SVWBinary.packageRoot.appendingPathComponent("Tests/Fixtures")
        for (from, to) in [("ocds/release-package.json", "data/notices.json"), ("presets/contracts-finder-export.csv", "data/cf.csv")] {
            try scratch.write(to, String(contentsOf: fixtures.appendingPathComponent(from), encoding: .utf8))
        }
        let question = "SELECT c.contract_id, count(*) AS suppliers, sum(a.share_pence) AS shares, c.value_pence "
            + "FROM contracts c JOIN award_shares a USING (contract_id) GROUP BY 1 ORDER BY 1"
        let first = try SVWBinary.run(["--db", "ws.db", "--format", "csv", "-c",
                                        "load ocds data/notices.json --rate EUR=0.85; load contracts data/cf.csv; \(question); save s.svw"],
                                       in: scratch.url)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.err.contains("cf.csv:4:37: column \"Supplier [Name|Address|Ref type|Ref Number|Is SME|Is VCSE]\": no supplier named"))
        #expect(first.err.contains("recognised the Contracts Finder CSV export (--preset contracts-finder)"), "\(first.err)")
        #expect(first.out == """
            contract_id,suppliers,shares,value_pence
            A-1,1,12000050,12000050
            E-1,1,85000,85000
            F-1,3,30000001,30000001
            a1b2c3d4-0001,3,150000000,150000000
            a1b2c3d4-0002,1,4800000,4800000

            """)
        let replay = try SVWBinary.run(["--format", "csv", "run", "s.svw"], in: scratch.url)
        #expect(replay.out == first.out, "\(replay.err)")
    }
}
