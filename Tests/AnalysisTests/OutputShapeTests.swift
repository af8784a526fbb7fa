import Foundation
import Testing
import SVWAnalysis
import SVWDatabase
import SVWRendering
@testable import SVWCommands

/// What the analysis commands write: one JSON document per command, blank-line separated
/// csv blocks, "–" (never NULL) for intentionally empty cells, charts only for what is shown.
@Suite struct OutputShapeTests {
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func everyCommandWritesOneJSONDocument() throws {
        let h = try Harness(mode: .json)
        let supplier = try #require(try Self.json(h.run("supplier S1").out) as? [String: [[String: Any]]])
        #expect(Set(supplier.keys) == ["profile", "contracts", "commitments"])
        #expect(supplier["profile"]?.first?["gm_status"] as? String == "GM")
        #expect(supplier["contracts"]?.map { $0["year"] as? String } == ["2019/20", "2020/21", "Total"])
        #expect((supplier["commitments"]?.last?["committed"] as? NSNumber)?.doubleValue == 7000.00)   // K1 + K2 = 700,000p
        let weighting = try #require(try Self.json(h.run("weighting --year 2020/21").out) as? [String: [[String: Any]]])
        #expect(Set(weighting.keys) == ["histogram", "statistics"])
        #expect((weighting["statistics"]?.first?["mean"] as? NSNumber)?.doubleValue == 20.0)
        #expect(weighting["histogram"]?.count == 8)
        // a command with one table writes one array, as before
        for command in ["headline 2020/21", "trend", "geography", "themes", "compliance", "weighting --stats",
                        "weighting --show histogram", "supplier S1 --show contracts", "find clean"] {
            let out = h.run(command).out
            #expect((try? Self.json(out)) is [[String: Any]], "\(command): \(out)")
        }
    }

    @Test func csvSectionsAreSeparatedByABlankLineAndShowPicksOne() throws {
        let h = try Harness(mode: .csv)
        let blocks = h.run("supplier S1").out.components(separatedBy: "\n\n")
        #expect(blocks.count == 3)
        #expect(blocks[0].hasPrefix("supplier_id,name,"))
        #expect(blocks[1] == "year,partner,contracts,awarded,mean_weighting\n2019/20,Stockport,1,30000.00,15.0\n2020/21,Stockport,1,100000.00,20.0\nTotal,,2,130000.00,17.5")
        #expect(blocks[2].hasPrefix("measure,theme,description,"))
        let weighting = h.run("weighting --year 2020/21").out.components(separatedBy: "\n\n")
        #expect(weighting.count == 2 && weighting[1].hasPrefix("scope,contracts,not_recorded"))
        #expect(!h.run("weighting --year 2020/21 --show histogram").out.contains("\n\n"))
        #expect(h.run("weighting --year 2020/21 --show statistics").out
            == "scope,contracts,not_recorded,value,mean,weighted_mean,median,at_or_above_target,below_target\ncontracts over £25k,5,1,300000.01,20.0,19.3,20.0,80.0,1\n")
        #expect(h.run("weighting --stats --show histogram").err.contains("does not combine"))
    }

    @Test func intentionallyEmptyCellsReadAsADash() throws {
        let h = try Harness(mode: .table)
        for command in ["supplier S1 --no-chart", "themes --year 2020/21 --no-chart", "geography --min-value 1bn --no-chart",
                        "trend --partner Trafford --no-chart", "compliance --from 2019-01-01 --to 2019-02-01 --no-chart"] {
            let out = h.run(command).out
            #expect(!out.contains("NULL"), "\(command):\n\(out)")
            #expect(out.contains("–"), "\(command):\n\(out)")
        }
        // the Total line of a supplier's contracts has no partner; Social had nothing committed in 2020/21
        #expect(h.run("supplier S1 --show contracts").out.contains("Total    –                  2  £130,000.00"))
        #expect(h.run("themes --year 2020/21 --no-chart").out.contains("Social                 0      £0.00      £0.00              –"))
        // plain SQL keeps NULL visibly NULL, and csv/json keep it empty/null
        #expect(h.run("SELECT NULL AS absent;").out.contains("NULL"))
        #expect(h.run("supplier S1 --show contracts --format csv").out.contains("\nTotal,,2,"))
        #expect(h.run("supplier S1 --show contracts --format json").out.contains("\"partner\":null"))
    }

    @Test func supplierDrawsOnlyWhatItShows() throws {
        let h = try Harness(mode: .table)
        var r = h.run("supplier S1 --show profile")
        #expect(!r.out.contains("█") && !r.out.contains("Value awarded to S1"))
        #expect(h.session.lastChart == nil)
        r = h.run("supplier S1 --show commitments")
        #expect(!r.out.contains("█") && h.session.lastChart == nil)
        r = h.run("supplier S1 --show contracts")
        #expect(r.out.contains("Value awarded to S1 by year and partner\n"))
        #expect(h.session.lastChart?.labels == ["2019/20 Stockport", "2020/21 Stockport"])
        r = h.run("supplier S1")
        #expect(r.out.contains("█"))
    }

    @Test func anAmbiguousSupplierListsTheCandidates() throws {
        let h = try Harness(mode: .table)
        let r = h.run("supplier c")
        #expect(r.failures == 1)
        #expect(r.err == """
            test:1: supplier: "c" matches 2 suppliers; give the id of one:
              S3  Cheshire Catering
              S2  Bridgewater Cleaning

            """)
        #expect(!r.err.contains("…."))
        // more than ten: the first ten and where to find the rest
        let many = (1...12).map { "('X\($0)', 'Common Name', 'common name', 'ok')" }.joined(separator: ", ")
        try h.session.db.execute("INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES \(many)")
        let lines = h.run("supplier common name").err.split(separator: "\n").map(String.init)
        #expect(lines.first == "test:1: supplier: \"common name\" matches more than 10 suppliers; give the id of one:")
        #expect(lines.count == 12)
        #expect(lines[1] == "  X1   Common Name")
        #expect(lines.last == "  … and more: find common name lists every match")
    }

    @Test func trendOnScreenHasAColumnPerYearAndTheChangeForEveryFigure() throws {
        let h = try Harness(mode: .table)
        h.session.renderOptions.width = 120
        let out = h.run("trend --no-chart").out
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Headline figures by year")
        func cells(_ line: String) -> [String] {
            line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        #expect(cells(lines[1]) == ["figure", "2019/20", "2020/21", "change"])
        // a row for every headline figure, each with its change (worked by hand in HeadlineTests)
        let table = lines[3..<(3 + Trend.Metric.allCases.count)]
        #expect(table.allSatisfy { DisplayWidth.of($0) <= 120 })
        let rows = Dictionary(uniqueKeysWithValues: table.map { line in (cells(line)[0], Array(cells(line).dropFirst())) })
        #expect(rows.keys.sorted() == Trend.Metric.allCases.map(TrendCommand.label).sorted())
        #expect(rows["Contracts awarded"] == ["2", "7", "+250.0%"])
        #expect(rows["Total awarded"] == ["£230,000.00", "£375,000.01", "+63.0%"])
        #expect(rows["Committed, % of awarded"] == ["1.1%", "2.1%", "+1.0 pts"])
        #expect(rows["Delivered, % of awarded"] == ["0.7%", "0.6%", "-0.1 pts"])
        #expect(rows["Own-workforce social value (delivered)"] == ["£1,860.00", "£500.00", "-73.1%"])
        #expect(rows["Winning businesses in GM, %"] == ["50.0%", "50.0%", "0.0 pts"])
        #expect(rows["Value-weighted mean SV weighting"] == ["23.7%", "19.3%", "-4.4 pts"])
        #expect(out.contains("change: from the year before, in % for money and counts, in percentage points (pts) for percentages."))
        // csv is one row per year, every figure followed by its change
        let csv = h.run("trend --format csv").out.split(separator: "\n")
        #expect(csv.count == 3)
        #expect(csv[0].hasPrefix("year,contracts,contracts_change_pct,awarded,awarded_change_pct,sv_committed,sv_committed_change_pct,"))
        #expect(csv[2].hasPrefix("2020/21,7,250.0,375000.01,63.0,7875.00,208.8,2.1,1.0,"))
    }

    @Test func trendLeavesOutTheOldestYearsWhenTheTerminalIsTooNarrow() throws {
        let h = try Harness(mode: .table)
        try h.session.db.execute("""
            INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence)
            VALUES ('C10', 'Stockport', 'Old works', 'S1', '2017-06-01', 1000000)
            """)
        func cells(_ line: Substring) -> [String] {
            line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        h.session.renderOptions.width = 200
        #expect(cells(h.run("trend --no-chart").out.split(separator: "\n")[1])
            == ["figure", "2017/18", "2018/19", "change", "2019/20", "change", "2020/21", "change"])
        h.session.renderOptions.width = 90
        let narrow = h.run("trend --no-chart").out
        let lines = narrow.split(separator: "\n")
        #expect(cells(lines[1]) == ["figure", "2019/20", "change", "2020/21", "change"])
        #expect(lines[1...15].allSatisfy { DisplayWidth.of(String($0)) <= 90 })
        // Footers wrap at word boundaries to the terminal too.
        #expect(narrow.replacingOccurrences(of: "\n", with: " ").contains("Left out to fit the terminal: 2017/18–2018/19 (a wider terminal, --format line or csv shows every year)."))
        // never fewer than the last two years; a file gets every year whatever the terminal
        h.session.renderOptions.width = 20
        #expect(h.run("trend --no-chart").out.replacingOccurrences(of: "\n", with: " ").contains("Left out to fit the terminal: 2017/18–2018/19"))
        #expect(!h.run("trend --format csv").out.contains("Left out"))
    }
}
