import Testing
import SVWAnalysis
import SVWDatabase

@Suite struct WeightingTests {
    @Test func histogramOverApplicableContracts() throws {
        let db = try Fixture.db()
        let r = try Weighting.histogram(db, filter: Filter(year: "2020/21"))
        // Applicable 2020/21 (> 2,500,000p): C01 20%, C02 10%, C04 30%, C05 (none), C08 20%, C09 20%; C03 is exactly
        // £25k. Weighted: 5 contracts, 30,000,001p. 10–15: C02 6,000,000 (20.0%, 20.0%); 20–25: C01 + C08 + C09
        // = 20,000,001 (60.0%, 66.7%); ≥30: C04 4,000,000 (20.0%, 13.3%).
        #expect(r.result.rows == [
            ["0–5%", 0, 0.0, 0, 0.0],
            ["5–10%", 0, 0.0, 0, 0.0],
            ["10–15%", 1, 20.0, 6_000_000, 20.0],
            ["15–20%", 0, 0.0, 0, 0.0],
            ["20–25%", 3, 60.0, 20_000_001, 66.7],
            ["25–30%", 0, 0.0, 0, 0.0],
            ["≥30%", 1, 20.0, 4_000_000, 13.3],
            ["Total", 5, 100.0, 30_000_001, 100.0],
        ])
    }

    @Test func statisticsOverall() throws {
        let db = try Fixture.db()
        let r = try Weighting.statistics(db, filter: Filter(year: "2020/21"))
        // mean (20+10+30+20+20)/5 = 20.0; value-weighted (20×10,000,000 + 10×6,000,000 + 30×4,000,000
        // + 20×2,500,001 + 20×7,500,000) / 30,000,001 = 580,000,020 / 30,000,001 = 19.33 → 19.3;
        // median of 10,20,20,20,30 = 20; at or above 20: 4 of 5 = 80.0, below: 1. Six in scope, one (C05,
        // 5,000,000p) not recorded: contracts and value are the five with a weighting, as the histogram's Total.
        #expect(r.result.rows == [["contracts over £25k", 5, 1, 30_000_001, 20.0, 19.3, 20.0, 80.0, 1]])
        let total = try Weighting.histogram(db, filter: Filter(year: "2020/21")).row("Total")
        #expect(total?["contracts"] == r.firstRow["contracts"] && total?["value"] == r.firstRow["value"])
        let check = try independent(db, """
            SELECT round(avg(sv_weighting), 1), round(sum(sv_weighting * value_pence) / sum(value_pence), 1)
              FROM contracts WHERE financial_year = '2020/21' AND value_pence > 2500000 AND sv_weighting IS NOT NULL
            """)
        #expect(check == [[20.0, 19.3]])
    }

    @Test func allContractsAndAnEvenMedian() throws {
        let db = try Fixture.db()
        let all = Weighting.Options(thresholdPence: nil)
        let r = try Weighting.statistics(db, filter: Filter(year: "2020/21"), options: all)
        // adds C03 (5%, 2,500,000p): weights 5,10,20,20,20,30 → mean 105/6 = 17.5, median (20+20)/2 = 20.0,
        // 4 of 6 at target = 66.7, weighted 592,500,020 / 32,500,001 = 18.23 → 18.2
        #expect(r.result.rows == [["all contracts", 6, 1, 32_500_001, 17.5, 18.2, 20.0, 66.7, 2]])
        let h = try Weighting.histogram(db, filter: Filter(year: "2020/21"), options: all)
        #expect(h.row("5–10%")?["contracts"] == 1)
    }

    @Test func byPartnerWithTotal() throws {
        let db = try Fixture.db()
        let r = try Weighting.statistics(db, filter: Filter(year: "2020/21"), by: .partner)
        // Stockport: 20, 10, 20 → mean 16.7, median 20, weighted 310,000,020 / 18,500,001 = 16.76 → 16.8, 2/3 = 66.7.
        // Trafford: C04 30 (4,000,000), C05 none, C09 20 (7,500,000) → mean 25.0, median 25.0,
        // weighted 270,000,000 / 11,500,000 = 23.48 → 23.5, 2/2 = 100.0.
        #expect(r.result.rows == [
            ["Stockport", 3, 0, 18_500_001, 16.7, 16.8, 20.0, 66.7, 1],
            ["Trafford", 2, 1, 11_500_000, 25.0, 23.5, 25.0, 100.0, 0],
            ["Total", 5, 1, 30_000_001, 20.0, 19.3, 20.0, 80.0, 1],
        ])
        let years = try Weighting.statistics(db, filter: Filter(), by: .year)
        // 2019/20: C06 15 (3,000,000), C07 25 (20,000,000) → mean 20.0, median 20.0, 1 of 2 at target
        #expect(years.row("2019/20") == ["year": "2019/20", "contracts": 2, "not_recorded": 0, "value": 23_000_000,
                                         "mean": 20.0, "weighted_mean": 23.7, "median": 20.0, "at_or_above_target": 50.0,
                                         "below_target": 1])
        let categories = try Weighting.statistics(db, filter: Filter(year: "2020/21"), by: .category)
        #expect(categories.values("category") == ["Catering", "Cleaning", "Construction", "Logistics", "Total"])
    }

    @Test func belowTargetListsLargestFirst() throws {
        let db = try Fixture.db()
        #expect(try Weighting.below(db, filter: Filter(year: "2020/21")).values("contract_id") == ["C02"])
        #expect(try Weighting.below(db, filter: Filter(year: "2020/21"), options: Weighting.Options(thresholdPence: nil))
            .values("contract_id") == ["C02", "C03"])
        // a target of 25: C01, C08, C09 (20) join C02; C05 has no weighting and is not "below"
        let at25 = try Weighting.below(db, filter: Filter(year: "2020/21"), options: Weighting.Options(target: 25))
        #expect(at25.values("contract_id") == ["C01", "C09", "C02", "C08"])
        #expect(try Weighting.below(db, filter: Filter(partner: "Trafford")).result.rows.isEmpty)
    }

    /// Below the target, partner by partner: the largest first in each, --limit per partner.
    @Test func belowTargetByPartner() throws {
        let db = try Fixture.db()
        let options = Weighting.Options(target: 25)
        // 2020/21 below 25%: Stockport C01 (20, 10,000,000), C02 (10, 6,000,000), C08 (20, 2,500,001); Trafford C09 (20, 7,500,000)
        let all = try Weighting.below(db, filter: Filter(year: "2020/21"), options: options, by: .partner)
        #expect(all.result.columns == ["partner", "contract_id", "year", "title", "supplier", "value", "weighting"])
        #expect(all.values("contract_id") == ["C01", "C02", "C08", "C09"])
        #expect(all.values("partner") == ["Stockport", "Stockport", "Stockport", "Trafford"])
        #expect(all.title == "Contracts weighted below 25%, contracts over £25k, by partner — 2020/21")
        let two = try Weighting.below(db, filter: Filter(year: "2020/21"), options: options, limit: 2, by: .partner)
        #expect(two.values("contract_id") == ["C01", "C02", "C09"])
        #expect(two.title == "Contracts weighted below 25%, contracts over £25k, by partner (the 2 largest in each) — 2020/21")
        let years = try Weighting.below(db, filter: Filter(), options: options, limit: 1, by: .year)
        #expect(years.result.columns == ["year", "contract_id", "partner", "title", "supplier", "value", "weighting"])
        #expect(years.values("contract_id") == ["C06", "C01"])   // 2019/20: C06 (15); 2020/21: C01 the largest
        let categories = try Weighting.below(db, filter: Filter(year: "2020/21"), options: options, by: .category)
        #expect(categories.values("category") == ["Catering", "Cleaning", "Construction", "Construction"])
    }

    @Test func binsFromEdges() {
        #expect(Weighting.bins([0, 10, 20]).map(\.label) == ["0–10%", "10–20%", "≥20%"])
        #expect(Weighting.bins([5, 12.5]).map(\.label) == ["<5%", "5–12.5%", "≥12.5%"])
        let r = try? Weighting.histogram(Fixture.db(), filter: Filter(year: "2020/21"), options: Weighting.Options(bins: [15, 25]))
        // <15: C02 (10); 15–25: C01, C08, C09; ≥25: C04
        #expect(r?.values("contracts") == [1, 3, 1, 5])
    }
}
