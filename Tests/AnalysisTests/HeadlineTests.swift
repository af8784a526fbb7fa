import Testing
import SVWAnalysis
import SVWDatabase

@Suite struct HeadlineTests {
    @Test func figuresFor2020() throws {
        let db = try Fixture.db()
        let r = try Headline.run(db, year: "2020/21", filter: Filter())
        // awarded: C01 10,000,000 + C02 6,000,000 + C03 2,500,000 + C04 4,000,000 + C05 5,000,000
        //          + C08 2,500,001 + C09 7,500,000 = 37,500,001p in 7 contracts.
        // committed K1 200,000 + K2 500,000 + K3 87,500 = 787,500 (2.1%); delivered 100,000 + 125,000 = 225,000 (0.6%).
        // suppliers S1, S2, S3, S4, S6, S7 = 6; GM S1, S2, S7 = 3 (50.0%); unknown S6 = 1 (stays in the denominator).
        // own workforce: K5 0.5 × 100,000 = 50,000 reported 2020-10-01; K6 belongs to 2019/20.
        // weighting over £25k: 20, 10, 30, 20, 20 → 20.0; value-weighted 19.3. Over £25k: 6; over £50k: 3.
        // Shares are exact: a renderer rounds them once, to one decimal (the headline to a whole percent).
        let committedShare: Double = 100.0 * 787_500 / 37_500_001
        let deliveredShare: Double = 100.0 * 225_000 / 37_500_001
        // over £25k with a weighting: C01 20, C02 10, C04 30, C08 20, C09 20 (C03 is exactly £25k, C05 has none)
        let weightedSum: Double = 20.0 * 10_000_000 + 10.0 * 6_000_000 + 30.0 * 4_000_000 + 20.0 * 2_500_001 + 20.0 * 7_500_000
        let weighted: Double = weightedSum / 30_000_001
        #expect(r.firstRow == [
            "year": "2020/21", "contracts": 7, "awarded": 37_500_001,
            "sv_committed": 787_500, "sv_committed_pct": .real(committedShare),
            "sv_delivered": 225_000, "sv_delivered_pct": .real(deliveredShare),
            "unvalued_commitments": 0, "suppliers": 6, "gm_suppliers": 3, "gm_suppliers_pct": 50.0, "unknown_suppliers": 1,
            "own_workforce_sv": 50_000, "mean_weighting": 20.0,
            "weighted_mean_weighting": .real(weighted),
            "contracts_over_25k": 6, "contracts_over_50k": 3,
        ])
        let kinds = Dictionary(uniqueKeysWithValues: zip(r.result.columns, r.result.kinds))
        #expect(kinds["awarded"] == .money && kinds["own_workforce_sv"] == .money && kinds["gm_suppliers_pct"] == .percent)
    }

    @Test func independentSQLAgrees() throws {
        let db = try Fixture.db()
        let r = try Headline.run(db, year: "2019/20", filter: Filter())
        let check = try independent(db, """
            SELECT (SELECT sum(value_pence) FROM contracts WHERE award_date BETWEEN '2019-04-01' AND '2020-03-31'),
                   (SELECT sum(CAST(round(k.units_committed * m.proxy_pence) AS INTEGER))
                      FROM commitments k JOIN contracts c USING (contract_id) JOIN measures m ON m.code = k.measure_code
                     WHERE m.edition = 'ill-1' AND c.award_date BETWEEN '2019-04-01' AND '2020-03-31'),
                   (SELECT sum(CAST(round(k.units_delivered * m.proxy_pence) AS INTEGER))
                      FROM commitments k JOIN measures m ON m.code = k.measure_code
                     WHERE m.edition = 'ill-1' AND k.contract_id IS NULL
                       AND k.reporting_date BETWEEN '2019-04-01' AND '2020-03-31')
            """)
        // 23,000,000 awarded (C06, C07); committed K4 100,000 + K8 155,000 (K7 unvalued); own K6 120 × 1,550 = 186,000
        #expect(check == [[23_000_000, 255_000, 186_000]])
        #expect([r.firstRow["awarded"], r.firstRow["sv_committed"], r.firstRow["own_workforce_sv"]] == check[0])
        #expect(r.firstRow["unvalued_commitments"] == 1)
        #expect(r.firstRow["sv_committed_pct"] == .real(100.0 * 255_000 / 23_000_000))  // 1.109, shown 1.1%
        #expect(r.firstRow["weighted_mean_weighting"] == .real((15.0 * 3_000_000 + 25.0 * 20_000_000) / 23_000_000))  // 23.7
    }

    @Test func partnerFilterLeavesOwnWorkforceBlank() throws {
        let db = try Fixture.db()
        let r = try Headline.run(db, year: "2020/21", filter: Filter(partner: "Stockport"))
        // Stockport 2020/21: C01, C02, C08 = 18,500,001p; 787,500 committed = 4.26% → 4.3; GM S1, S7 of 3 → 66.7
        #expect(r.firstRow["awarded"] == 18_500_001)
        #expect(r.firstRow["sv_committed_pct"] == .real(100.0 * 787_500 / 18_500_001))
        #expect(r.firstRow["gm_suppliers_pct"] == .real(100.0 * 2 / 3))
        #expect(r.firstRow["own_workforce_sv"] == .null)
        #expect(r.firstRow["contracts_over_50k"] == 2)
    }

    @Test func aYearWithNoContractsStillGivesARow() throws {
        let db = try Fixture.db()
        let r = try Headline.run(db, year: "2022/23", filter: Filter())
        #expect(r.firstRow["contracts"] == 0)
        #expect(r.firstRow["awarded"] == 0)
        #expect(r.firstRow["sv_committed_pct"] == .null)
        #expect(r.firstRow["own_workforce_sv"] == 0)
        #expect(try Headline.latestYear(db) == "2020/21")
    }

    @Test func trendMatchesHeadlineEachYear() throws {
        let db = try Fixture.db()
        let t = try Trend.run(db, filter: Filter())
        #expect(t.values("year") == ["2019/20", "2020/21"])
        for year in ["2019/20", "2020/21"] {
            let h = try Headline.run(db, year: year, filter: Filter()).firstRow
            let row = try #require(t.row(year))
            for metric in Trend.Metric.allCases {
                #expect(row[metric.column] == h[metric.column], "\(year) \(metric.column)")
            }
        }
        // every figure carries its change; the first year has none
        #expect(t.result.columns == ["year"] + Trend.Metric.allCases.flatMap { [$0.column, $0.changeColumn] })
        for metric in Trend.Metric.allCases { #expect(t.row("2019/20")?[metric.changeColumn] == .null, "\(metric)") }
        // 2019/20 → 2020/21, worked by hand from the fixture (money and counts in %, percentages in points):
        //   contracts 2 → 7: +250.0%; awarded 23,000,000 → 37,500,001: +63.0%;
        //   committed K4 100,000 + K8 155,000 (K7 unvalued) = 255,000 → 787,500: +208.8%; as % of awarded 1.1 → 2.1: +1.0 pts;
        //   delivered K4 100,000 + K8 62,000 = 162,000 → 225,000: +38.9%; as % 0.7 → 0.6: −0.1 pts;
        //   suppliers S1, S5 → 6: +200.0%; GM 50.0 → 50.0: 0.0 pts; own workforce K6 186,000 → K5 50,000: −73.1%;
        //   mean weighting 20.0 → 20.0: 0.0 pts; value-weighted (15 × 3,000,000 + 25 × 20,000,000) / 23,000,000 = 23.7
        //   → 19.3: −4.4 pts; over £25k 2 → 6: +200.0%; over £50k C07 → C01, C02, C09: +200.0%.
        let changes = try #require(t.row("2020/21"))
        let expected: [Trend.Metric: SQLValue] = [
            .contracts: 250.0, .awarded: 63.0, .committed: 208.8, .committedPct: 1.0, .delivered: 38.9, .deliveredPct: -0.1,
            .suppliers: 200.0, .gmPct: 0.0, .ownWorkforce: -73.1, .weighting: 0.0, .weightedWeighting: -4.4,
            .over25k: 200.0, .over50k: 200.0,
        ]
        for (metric, value) in expected { #expect(changes[metric.changeColumn] == value, "\(metric)") }
        #expect(t.row("2019/20")?["sv_committed"] == 255_000
                && t.row("2019/20")?["weighted_mean_weighting"] == .real((15.0 * 3_000_000 + 25.0 * 20_000_000) / 23_000_000))
        // money changes are % columns, percentage changes are points
        let kinds = Dictionary(uniqueKeysWithValues: zip(t.result.columns, t.result.kinds))
        #expect(kinds["awarded_change_pct"] == .percent && kinds["sv_committed_pct_change_pts"] == .plain)
        let one = try Trend.run(db, filter: Filter(partner: "Trafford"), metric: .ownWorkforce)
        #expect(one.result.columns == ["year", "own_workforce_sv", "own_workforce_sv_change_pct"])
        #expect(one.values("own_workforce_sv") == [nil, nil])   // not attributable to a partner
        let awarded = try Trend.run(db, filter: Filter(partner: "Trafford"), metric: .awarded)
        // Trafford: 2019/20 C07 20,000,000; 2020/21 19,000,000 → −5.0%
        #expect(awarded.result.rows == [["2019/20", 20_000_000, nil], ["2020/21", 19_000_000, -5.0]])
        #expect(!Trend.Metric.gmPct.usesProxyValues && Trend.Metric.ownWorkforce.usesProxyValues)
        // titles say what the figure is, not the option's spelling
        #expect(awarded.title == "Value awarded, by year — Trafford")
        #expect(try Trend.run(db, filter: Filter(), metric: .committedPct).title == "Social value committed, % of value awarded, by year")
        // the figures trend gained name themselves too, and none of them comes from proxy values
        #expect(try Trend.run(db, filter: Filter(), metric: .over25k).title == "Contracts over £25k, by year")
        #expect(Trend.Metric.allCases.filter(\.usesProxyValues) == [.committed, .committedPct, .delivered, .deliveredPct, .ownWorkforce])
    }

    @Test func trendYearsRunWithoutGapsAndFollowTheDates() throws {
        let workspace = try Fixture.workspace()
        let db = workspace.db
        // a 2017/18 contract leaves 2018/19 empty: it gets a row of zeros, and 2019/20's change is
        // from 2018/19 (nothing, so no % change), not from 2017/18
        try db.execute("""
            INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence, sv_weighting)
            VALUES ('C10', 'Stockport', 'Old works', 'S1', '2017-06-01', 1000000, 10)
            """)
        let t = try Trend.run(db, filter: Filter())
        #expect(t.values("year") == ["2017/18", "2018/19", "2019/20", "2020/21"])
        #expect(t.row("2018/19")?["contracts"] == 0 && t.row("2018/19")?["contracts_change_pct"] == -100.0)
        #expect(t.row("2019/20")?["contracts_change_pct"] == .null)
        #expect(t.row("2018/19")?["mean_weighting"] == .null && t.row("2019/20")?["mean_weighting_change_pts"] == .null)
        // --from/--to narrow the years to those they cover that hold data; a window outside the data keeps its own
        #expect(try Trend.run(db, filter: Filter(from: "2019-06-01")).values("year") == ["2019/20", "2020/21"])
        #expect(try Trend.run(db, filter: Filter(from: "2016-01-01", to: "2030-01-01")).values("year")
            == ["2017/18", "2018/19", "2019/20", "2020/21"])
        #expect(try Trend.run(db, filter: Filter(from: "2031-05-01", to: "2033-01-01")).values("year") == ["2031/32", "2032/33"])
        // a partner with no contract in a year still has that year
        #expect(try Trend.run(db, filter: Filter(partner: "Trafford")).values("contracts") == [0, 0, 1, 4])
        // the printed SQL replays in plain SQLite to the same rows
        let r = try Trend.run(db, filter: Filter(partner: "Trafford", from: "2018-01-01"))
        let statement = try db.prepare(r.query.text)
        try statement.bind(r.query.parameters.map(\.value))
        #expect(try statement.all().rows == r.result.rows)
    }

    @Test func publishedStyle() {
        #expect(MoneyCaption.published(60_012_345_67) == "£60m")
        #expect(MoneyCaption.published(214_400_000_00) == "£214m")
        #expect(MoneyCaption.published(1_000_000_00) == "£1m")
        #expect(MoneyCaption.published(980_000_00) == "£1m")
        #expect(MoneyCaption.published(1_440_000_00) == "£1.4m")
        #expect(MoneyCaption.published(250_400_00) == "£250k")
        #expect(MoneyCaption.published(512_49) == "£512")
        #expect(MoneyCaption.published(2_345_000_000_00) == "£2.3bn")
        #expect(MoneyCaption.publishedPercent(28.04) == "28%")
        #expect(MoneyCaption.publishedPercent(76.6) == "77%")
        #expect(MoneyCaption.publishedPercent(0.6) == "0.6%")
        #expect(MoneyCaption.short(2_500_000) == "£25k")
        #expect(MoneyCaption.short(2_500_001) == "£25,000.01")
        #expect(MoneyCaption.short(150_000_000) == "£1.5m")
    }
}
