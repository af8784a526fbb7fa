import Testing
import SVWAnalysis
import SVWDatabase

@Suite struct ComplianceTests {
    @Test func summaryForOneYear() throws {
        let db = try Fixture.db()
        let r = try Compliance.summary(db, filter: Filter(year: "2020/21"), options: Compliance.Options(asOf: "2021-12-31"))
        #expect(r.result.columns == ["rule", "description", "in_scope", "failing", "failing_share", "not_recorded", "failing_value"])
        // Over £25k in 2020/21: C01, C02, C04, C05, C08, C09 (C03 is exactly £25k).
        // considered = 0: C04, C08 → 2 of 6, 4,000,000 + 2,500,001. KPIs = 0: C02, C08, C09 → 3 of 6, C05 not
        // recorded; 6,000,000 + 2,500,001 + 7,500,000. Over £50k: C01, C02, C09 (C05 is exactly £50k); portal = 0: C02.
        // Ended before 2021-12-31 with commitments: C01 (K1 1 of 2 FTE, K2 2,500 of 10,000) → both behind;
        // undelivered (200,000 − 100,000) + (500,000 − 125,000) = 475,000p.
        #expect(r.result.rows == [
            ["considered", "Over £25k: social value not considered", 6, 2, 33.3, 0, 6_500_001],
            ["kpis", "Over £25k: no social value KPIs", 6, 3, 50.0, 1, 16_000_001],
            ["portal", "Over £50k: not through the Portal", 3, 1, 33.3, 0, 6_000_000],
            ["lagging", "Commitments behind after contract end", 2, 2, 100.0, 0, 475_000],
        ])
    }

    /// The default as-of is kept in a rollup: a later report moves it, an earlier one does not.
    @Test func defaultAsOfFollowsTheCommitments() throws {
        let db = try Fixture.db()
        #expect(try Catalog.latestReportingDate(db) == "2021-03-31")
        try db.execute("INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed, reporting_date) VALUES ('KL', 'C01', 'NT1', 1, '2021-06-30')")
        #expect(try Catalog.latestReportingDate(db) == "2021-06-30")
        try db.execute("DELETE FROM commitments WHERE commitment_id = 'KL'")
        #expect(try Catalog.latestReportingDate(db) == "2021-03-31")
    }

    @Test func defaultAsOfIsTheLatestReport() throws {
        let db = try Fixture.db()
        let asOf = try Catalog.latestReportingDate(db)
        #expect(asOf == "2021-03-31")
        let r = try Compliance.summary(db, filter: Filter(), options: Compliance.Options(asOf: asOf))
        // Ended before 2021-03-31: C06 (K7 5 of 5, met) and C07 (K4 1 of 1 met; K8 40 of 100 behind,
        // 155,000 − 62,000 = 93,000p). C01 ends on 2021-03-31 itself, so not yet.
        #expect(r.row("lagging") == ["rule": "lagging", "description": "Commitments behind after contract end",
                                     "in_scope": 3, "failing": 1, "failing_share": 33.3, "not_recorded": 0, "failing_value": 93_000])
        #expect(r.row("portal")?["in_scope"] == 4)   // C01, C02, C07, C09
        #expect(r.row("considered")?["failing_share"] == 25.0)   // 2 of 8
    }

    @Test func thresholdsAreOptions() throws {
        let db = try Fixture.db()
        // Above £25,000.01 drops C08; above £60,000 the Portal check keeps C01, C07, C09 only (all through it).
        let options = Compliance.Options(consideredThresholdPence: 2_500_001, portalThresholdPence: 6_000_000)
        let r = try Compliance.summary(db, filter: Filter(), options: options)
        #expect(r.row("considered")?["in_scope"] == 7)
        #expect(r.row("considered")?["failing"] == 1)
        #expect(r.row("portal")?["in_scope"] == 3)
        #expect(r.row("portal")?["failing"] == 0)
        #expect(r.row("considered")?["description"] == "Over £25,000.01: social value not considered")
        #expect(r.row("portal")?["description"] == "Over £60k: not through the Portal")
    }

    @Test func listsFailingThenNotRecorded() throws {
        let db = try Fixture.db()
        let kpis = try Compliance.list(db, filter: Filter(year: "2020/21"), rule: .kpis)
        #expect(kpis.values("contract_id") == ["C09", "C02", "C08", "C05"])
        #expect(kpis.values("sv_kpis") == ["no", "no", "no", "not recorded"])
        let portal = try Compliance.list(db, filter: Filter(), rule: .portal)
        #expect(portal.values("contract_id") == ["C02"])
        let lagging = try Compliance.list(db, filter: Filter(), rule: .lagging, options: Compliance.Options(asOf: "2021-12-31"))
        #expect(lagging.values("commitment_id") == ["K2", "K1", "K8"])   // shortfall 375,000, 100,000, 93,000
        #expect(lagging.values("shortfall") == [375_000, 100_000, 93_000])
        #expect(try Compliance.list(db, filter: Filter(), rule: .lagging, options: Compliance.Options(asOf: nil)).result.rows.isEmpty)
    }

    /// A commitment with no delivery reported is not recorded, counted once: not also failing.
    @Test func aMissingDeliveryIsNotRecordedNotFailing() throws {
        let db = try Fixture.db()
        // C02 ends 2022-06-30: by 2022-12-31 its K3 (3.5 committed, none reported) is due as well.
        let options = Compliance.Options(asOf: "2022-12-31")
        let r = try Compliance.summary(db, filter: Filter(year: "2020/21"), options: options)
        // 2020/21's contracts ended by then with commitments: C01 (K1, K2 behind) and C02 (K3, none reported).
        let check = try independent(db, """
            SELECT count(*), sum(k.units_delivered < k.units_committed), sum(k.units_delivered IS NULL)
              FROM commitments k JOIN contracts c ON c.contract_id = k.contract_id
             WHERE c.financial_year = '2020/21' AND c.end_date < '2022-12-31'
            """)
        let row = try #require(r.row("lagging"))
        #expect([row["in_scope"], row["failing"], row["not_recorded"]] == check[0])
        #expect(row["not_recorded"] == 1)
        #expect(row["failing_value"] == 475_000, "K3's £ is not counted as undelivered")
        let list = try Compliance.list(db, filter: Filter(year: "2020/21"), rule: .lagging, options: options)
        #expect(list.values("commitment_id").last == "K3")
        #expect(list.row("K3", in: "commitment_id")?["units_delivered"] == .null)
        #expect(list.row("K3", in: "commitment_id")?["shortfall"] == .null)
        #expect(list.result.rows.count == Int(check[0][1].int64 ?? 0) + 1)
    }
}
