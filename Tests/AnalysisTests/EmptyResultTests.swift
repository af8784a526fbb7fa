import Foundation
import Testing
import SVWAnalysis
import SVWDatabase
@testable import SVWCommands

/// A filter that matches no contract: every summary keeps its lines (or Total) with zero
/// contracts and empty means, never a bare header, and the command says why on stderr.
@Suite struct EmptyResultTests {
    /// Award dates in 2019/20 and 2020/21 only: January 2019 holds nothing.
    static let nothing = Filter(from: "2019-01-01", to: "2019-02-01")

    @Test func weightingStatisticsKeepTheirLine() throws {
        let db = try Fixture.db()
        var filter = Self.nothing
        filter.year = "2020/21"
        #expect(try Weighting.statistics(db, filter: filter).result.rows
            == [["contracts over £25k", 0, 0, 0, nil, nil, nil, nil, 0]])
        #expect(try Weighting.statistics(db, filter: filter, options: Weighting.Options(thresholdPence: nil)).result.rows
            == [["all contracts", 0, 0, 0, nil, nil, nil, nil, 0]])
        for breakdown in Weighting.Breakdown.allCases {
            #expect(try Weighting.statistics(db, filter: filter, by: breakdown).result.rows == [["Total", 0, 0, 0, nil, nil, nil, nil, 0]],
                    "\(breakdown)")
        }
        // a group with contracts but no weighting recorded still has its line, means empty:
        // Trafford's only 2020/21 contract at exactly £50k is C05, weighting not recorded
        let c05 = try Weighting.statistics(db, filter: Filter(year: "2020/21", partner: "Trafford", minValuePence: 5_000_000,
                                                              maxValuePence: 5_000_001), by: .partner)
        #expect(c05.result.rows == [["Trafford", 0, 1, 0, nil, nil, nil, nil, 0],
                                    ["Total", 0, 1, 0, nil, nil, nil, nil, 0]])
        let histogram = try Weighting.histogram(db, filter: filter)
        #expect(histogram.row("Total") == ["bin": "Total", "contracts": 0, "contracts_share": nil, "value": 0, "value_share": nil])
    }

    @Test func everySummaryHasItsTotalWithZeros() throws {
        let db = try Fixture.db()
        let f = Self.nothing
        func total(_ r: AnalysisResult, _ label: String = "Total") -> [String: SQLValue]? { r.row(label) }
        for by in Geography.Breakdown.allCases {
            let r = try Geography.run(db, filter: f, by: by)
            #expect(total(r)?["awarded"] == 0, "geography \(by)")
        }
        for by in Themes.Breakdown.allCases {
            let r = try Themes.run(db, filter: f, by: by)
            #expect(total(r)?["committed"] == 0 && total(r)?["delivered"] == 0 && total(r)?["delivery_rate"] == .null, "themes \(by)")
        }
        #expect(try Themes.uncommittedCount(db, filter: f).result.rows == [[0, 0]])
        let compliance = try Compliance.summary(db, filter: f, options: Compliance.Options(asOf: "2021-12-31"))
        #expect(compliance.values("in_scope") == [0, 0, 0, 0] && compliance.values("failing_share") == [nil, nil, nil, nil])
        let headline = try Headline.run(db, year: "2019/20", filter: f)
        #expect(headline.firstRow["contracts"] == 0 && headline.firstRow["awarded"] == 0 && headline.firstRow["mean_weighting"] == .null)
        let supplier = try SupplierProfile.contracts(db, id: "S1", filter: f)
        #expect(supplier.result.rows == [["Total", nil, 0, 0, nil]])
        #expect(try SupplierProfile.commitments(db, id: "S1", filter: f).row("Total")?["commitments"] == 0)
        // trend: the window's own financial year, with zeros (January 2019 is in 2018/19)
        let trend = try Trend.run(db, filter: f)
        #expect(trend.values("year") == ["2018/19"])
        #expect(trend.row("2018/19")?["contracts"] == 0 && trend.row("2018/19")?["awarded"] == 0)
    }

    @Test func commandsWriteTheTotalAndSayNothingMatched() throws {
        let h = try Harness(mode: .csv)
        let filter = "--from 2019-01-01 --to 2019-02-01"
        let r = h.run("weighting --stats --year 2020/21 \(filter)")
        #expect(r.failures == 0)
        #expect(r.out == """
            scope,contracts,not_recorded,value,mean,weighted_mean,median,at_or_above_target,below_target
            contracts over £25k,0,0,0.00,,,,,0

            """)
        #expect(r.err.hasPrefix("weighting: no contracts match year=2020/21 from=2019-01-01 to=2019-02-01\n"))
        for command in ["geography", "geography --by authority", "geography --by area", "geography --by partner", "themes",
                        "themes --by measure", "themes --by partner", "weighting", "weighting --by partner", "compliance",
                        "headline 2019/20", "trend", "supplier S1"] {
            let r = h.run("\(command) \(filter)")
            #expect(r.failures == 0, "\(command): \(r.err)")
            let name = command.split(separator: " ")[0]
            #expect(r.err.contains("\(name): no contracts\(name == "supplier" ? " of S1" : "") match"), "\(command): \(r.err)")
            // a header and at least one row in every table
            for block in r.out.components(separatedBy: "\n\n") where !block.isEmpty {
                #expect(block.split(separator: "\n").count >= 2, "\(command): \(block)")
            }
        }
        // lists may be empty, but are never unexplained
        for command in ["weighting --below", "compliance --list portal", "themes --uncommitted", "geography --top 3"] {
            #expect(h.run("\(command) \(filter)").err.contains("no contracts match from=2019-01-01 to=2019-02-01"), "\(command)")
        }
        // a filter that matches something says nothing
        #expect(h.run("geography --year 2020/21").err.isEmpty)
    }

    @Test func anEmptyWorkspaceSaysNothingIsLoaded() throws {
        let h = try Harness(mode: .csv, empty: true)
        let r = h.run("trend")
        #expect(r.failures == 0)
        #expect(r.err.contains("trend: no contracts are loaded yet"))
    }

    @Test func catalogLookUpsForFilterValues() throws {
        let db = try Fixture.db()
        #expect(try Catalog.has(db, .partner, "Stockport"))
        #expect(try !Catalog.has(db, .partner, "stockport"))
        #expect(try Catalog.has(db, .year, "2019/20"))
        #expect(try !Catalog.has(db, .year, "2018/19"))
        #expect(try Catalog.has(db, .category, "Grounds"))
        #expect(try Catalog.anyContract(db, filter: Filter(partner: "Trafford", from: "2019-12-01", to: "2019-12-01")))
        #expect(try !Catalog.anyContract(db, filter: Self.nothing))
        #expect(try Catalog.anyContract(db, filter: Filter(year: "2019/20"), supplierID: "S5"))
        #expect(try !Catalog.anyContract(db, filter: Filter(year: "2020/21"), supplierID: "S5"))
    }
}
