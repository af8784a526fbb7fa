import Foundation
import Testing
@testable import SVWCommands
@testable import SVWImport

/// svw's own csv export of each core table loads back to the same rows. Money columns are
/// headed in pence there (`value_pence`, `proxy_pence`) and used to be read as pounds, so a
/// reload came back 100 times too big, silently.
@Suite struct ExportRoundTripTests {
    static let coreTables = ["measures", "postcode_districts", "suppliers", "contracts", "commitments"]
    static let loadKinds = ["measures", "postcodes", "suppliers", "contracts", "commitments"]

    static var sampleData: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SampleData")
    }

    /// Every row of the core tables, every column (generated ones included), in key order.
    static func dump(_ h: Harness) throws -> String {
        var out = ""
        for table in coreTables {
            out += "== \(table)\n"
            for row in try h.rows("SELECT * FROM \(table) ORDER BY 1, 2") { out += row.joined(separator: "|") + "\n" }
        }
        return out
    }

    /// Loads `folder`'s five files into `h`, exports each table to csv, reloads the exports
    /// into a fresh workspace and compares the two dumps.
    func roundTrip(from folder: URL) throws {
        let original = try Harness()
        let loads = zip(Self.loadKinds, Self.coreTables).map { kind, table in
            "load \(kind) '\(folder.appendingPathComponent(table == "postcode_districts" ? "postcode_districts.csv" : "\(table).csv").path)'"
        }
        #expect(original.run(loads.joined(separator: "\n")) == 0, "\(original.capture.err)")
        #expect(try original.scalar("SELECT count(*) FROM commitments") != "0")

        for table in Self.coreTables {
            #expect(original.run("mode csv\nonce \(table).export.csv\nSELECT * FROM \(table);") == 0, "\(original.capture.err)")
        }
        let reloaded = try Harness()
        let reloads = zip(Self.loadKinds, Self.coreTables).map { kind, table in
            "load \(kind) '\(original.dir.url.appendingPathComponent("\(table).export.csv").path)' --strict"
        }
        #expect(reloaded.run(reloads.joined(separator: "\n")) == 0, "\(reloaded.capture.err)")
        let before = try Self.dump(original), after = try Self.dump(reloaded)
        #expect(before == after)
        if before != after {
            let a = before.split(separator: "\n"), b = after.split(separator: "\n")
            for (x, y) in zip(a, b) where x != y { Issue.record("first difference:\n\(x)\n\(y)"); break }
        }
        #expect(try reloaded.scalar("SELECT sum(value_pence) FROM contracts") == original.scalar("SELECT sum(value_pence) FROM contracts"))
    }

    @Test func theFixtureRoundTrips() throws {
        let h = try Harness()
        try h.writeSample()
        try roundTrip(from: h.dir.url)
    }

    @Test func theBundledSampleDataRoundTrips() throws {
        try roundTrip(from: Self.sampleData)
    }

    @Test func aColumnHeadedInPenceIsWholePence() throws {
        let h = try Harness()
        try h.write("suppliers.csv", "supplier_id,name\nS1,Acme\n")
        try h.write("contracts.csv", """
            contract_id,partner,title,supplier_id,award_date,Value pence
            C1,Stockport,Roads,S1,2020-05-01,125000
            C2,Stockport,Parks,S1,2020-05-01,"1,250,000"
            C3,Stockport,Bins,S1,2020-05-01,12.5
            C4,Stockport,Care,S1,2020-05-01,£12

            """)
        #expect(h.run("load suppliers suppliers.csv\nload contracts contracts.csv") == 0, "\(h.capture.err)")
        #expect(try h.rows("SELECT contract_id, value_pence FROM contracts ORDER BY 1") == [["C1", "125000"], ["C2", "1250000"]])
        #expect(h.capture.err.contains("contracts.csv:4:6: column \"Value pence\": \"12.5\" has fractions of a penny (the column is headed in pence)"))
        #expect(h.capture.err.contains("contracts.csv:5:6: column \"Value pence\": not a whole number of pence: \"£12\""))

        // The same through --map, and a measures file headed proxy_pence.
        try h.write("c2.csv", "contract_id,partner,title,supplier_id,award_date,Amount in pence\nC9,Bury,IT,S1,2021-01-01,4200\n")
        #expect(h.run("load contracts c2.csv --map value=\"Amount in pence\"") == 0, "\(h.capture.err)")
        #expect(try h.scalar("SELECT value_pence FROM contracts WHERE contract_id = 'C9'") == "4200")
        try h.write("m.csv", "code,theme,description,unit,proxy_pence,edition\nNT1,Jobs,Staff,FTE,2400000,2023\n")
        #expect(h.run("load measures m.csv") == 0, "\(h.capture.err)")
        #expect(try h.scalar("SELECT proxy_pence FROM measures WHERE code = 'NT1'") == "2400000")

        // Pounds stay pounds.
        try h.write("c3.csv", "contract_id,partner,title,supplier_id,award_date,Value (£)\nC10,Bury,IT,S1,2021-01-01,12.5\n")
        #expect(h.run("load contracts c3.csv") == 0)
        #expect(try h.scalar("SELECT value_pence FROM contracts WHERE contract_id = 'C10'") == "1250")
    }
}
