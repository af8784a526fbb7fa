import Testing
@testable import SVWAnalysis
import SVWDatabase

@Suite struct ThemesTests {
    @Test func byThemeForOneYear() throws {
        let db = try Fixture.db()
        let r = try Themes.run(db, filter: Filter(year: "2020/21"))
        #expect(r.result.columns == ["theme", "commitments", "committed", "delivered", "delivery_rate",
                                     "committed_pct_awarded", "delivered_pct_awarded"])
        // 2020/21 commitments: K1 (NT1 2 × 100,000 = 200,000; 1 × 100,000 delivered), K2 (NT14 10,000 × 50 = 500,000;
        // 2,500 × 50 = 125,000), K3 (NT31 3.5 × 25,000 = 87,500; none delivered). Awarded 37,500,001p.
        // Jobs: 200,000/37,500,001 = 0.53% → 0.5, delivered 0.27 → 0.3; Growth 1.33 → 1.3, 0.33 → 0.3;
        // Environment 0.23 → 0.2. Total 787,500 (2.1%), 225,000 (0.6%), rate 225,000/787,500 = 28.57 → 28.6.
        #expect(r.result.rows == [
            ["Jobs", 1, 200_000, 100_000, 50.0, 0.5, 0.3],
            ["Growth", 1, 500_000, 125_000, 25.0, 1.3, 0.3],
            ["Social", 0, 0, 0, nil, 0.0, 0.0],
            ["Environment", 1, 87_500, 0, 0.0, 0.2, 0.0],
            ["Innovation", 0, 0, 0, nil, 0.0, 0.0],
            ["Total", 3, 787_500, 225_000, 28.6, 2.1, 0.6],
        ])
    }

    @Test func unvaluedCommitmentsGetTheirOwnLine() throws {
        let db = try Fixture.db()
        let r = try Themes.run(db, filter: Filter())
        // All years: Jobs K1 + K4 = 300,000 / 200,000; Social K8 100 × 1,550 = 155,000 / 40 × 1,550 = 62,000;
        // K7 (XX9) has no measure in the edition: counted, not valued. Total 1,042,500 / 387,000 → 37.1%.
        #expect(r.row("Jobs")?["committed"] == 300_000)
        #expect(r.row("Social")?["delivered"] == 62_000)
        #expect(r.row("Measure not in edition")?["commitments"] == 1)
        #expect(r.row("Measure not in edition")?["committed"] == .null)
        #expect(r.row("Total")?["commitments"] == 6)
        #expect(r.row("Total")?["committed"] == 1_042_500)
        #expect(r.row("Total")?["delivered"] == 387_000)
        #expect(r.row("Total")?["delivery_rate"] == 37.1)
        // cross-check the total against the raw tables, not the view
        let check = try independent(db, """
            SELECT sum(CAST(round(k.units_committed * m.proxy_pence) AS INTEGER)),
                   sum(CAST(round(coalesce(k.units_delivered, 0) * m.proxy_pence) AS INTEGER))
              FROM commitments k JOIN measures m ON m.code = k.measure_code AND m.edition = 'ill-1'
             WHERE k.contract_id IS NOT NULL
            """)
        #expect(check == [[1_042_500, 387_000]])
    }

    @Test func byMeasureAndByPartner() throws {
        let db = try Fixture.db()
        let measures = try Themes.run(db, filter: Filter(), by: .measure)
        #expect(measures.values("measure") == ["NT1", "NT14", "NT28", "NT31", "XX9", "Total"])
        #expect(measures.row("NT1")?["units_committed"] == 3.0)   // K1 2 + K4 1
        #expect(measures.row("NT1")?["proxy"] == 100_000)
        #expect(measures.row("NT1")?["delivery_rate"] == 66.7)    // 200,000 / 300,000
        let partners = try Themes.run(db, filter: Filter(year: "2020/21"), by: .partner)
        // Stockport: C01, C02, C08 = 18,500,001p awarded; 787,500 committed (4.26% → 4.3), 225,000 delivered (1.2%).
        // Trafford: four contracts, 19,000,000p, no commitments.
        #expect(partners.result.rows == [
            ["Stockport", 3, 18_500_001, 3, 787_500, 225_000, 28.6, 4.3, 1.2],
            ["Trafford", 4, 19_000_000, 0, 0, 0, nil, 0.0, 0.0],
            ["Total", 7, 37_500_001, 3, 787_500, 225_000, 28.6, 2.1, 0.6],
        ])
    }

    @Test func themeAndMeasureNarrowTheCommitments() throws {
        let db = try Fixture.db()
        let jobs = try Themes.run(db, filter: Filter(), theme: "Jobs")
        #expect(jobs.values("theme") == ["Jobs", "Total"])
        #expect(jobs.row("Total")?["committed"] == 300_000)
        let nt28 = try Themes.run(db, filter: Filter(partner: "Trafford"), by: .partner, measure: "NT28")
        #expect(nt28.row("Trafford")?["committed"] == 155_000)
    }

    @Test func switchingEditionRevaluesCommitments() throws {
        let workspace = try Fixture.workspace()
        try workspace.setSetting("measures_edition", "real-1")
        let r = try Themes.run(workspace.db, filter: Filter(year: "2020/21"))
        // real-1 only has NT1 at 200,000p: K1 is 2 × 200,000 = 400,000; K2 and K3 are unvalued.
        #expect(r.row("Jobs")?["committed"] == 400_000)
        #expect(r.row("Measure not in edition")?["commitments"] == 2)
        #expect(try Catalog.measuresEdition(workspace.db).illustrative == false)
    }

    @Test func contractsOverFiftyThousandWithNoCommitments() throws {
        let db = try Fixture.db()
        // Over 5,000,000p: C01, C02, C07 have commitments; C09 (7,500,000) has none; C05 is exactly 5,000,000.
        let list = try Themes.uncommitted(db, filter: Filter())
        #expect(list.values("contract_id") == ["C09"])
        #expect(try Themes.uncommittedCount(db, filter: Filter()).result.rows == [[1, 7_500_000]])
        #expect(try Themes.uncommittedCount(db, filter: Filter(year: "2019/20")).result.rows == [[0, 0]])
        // a lower threshold takes in C05 (5,000,000, no commitments) too
        let lower = try Themes.uncommitted(db, filter: Filter(), thresholdPence: 2_500_000)
        #expect(lower.values("contract_id") == ["C09", "C05", "C04", "C08"])
        // the Portal flag reads as the compliance lists write it, not as 1/0
        #expect(lower.values("portal") == ["yes", "no", "not recorded", "no"])
    }

    /// Measure codes sort by letters then number (NT3 before NT10), as the framework lists them.
    @Test func measureCodesInNaturalOrder() throws {
        let db = try Fixture.db()
        let codes = try independent(db, """
            SELECT column1 AS measure FROM (VALUES ('NT10'), ('NT3'), ('RE14'), ('FM1'), ('NT1'), ('RE1'), ('NT12'), ('X'))
             ORDER BY \(ThemeOrder.measureOrder("measure"))
            """).map { $0[0] }
        #expect(codes == ["FM1", "NT1", "NT3", "NT10", "NT12", "RE1", "RE14", "X"])
        try db.execute("""
            INSERT INTO measures(code, edition, theme, outcome, description, unit, proxy_pence, illustrative) VALUES
                ('NT10', 'ill-1', 'Jobs', 'o', 'Apprenticeships', 'weeks', 100, 1),
                ('NT3', 'ill-1', 'Jobs', 'o', 'Long-term unemployed hired', 'FTE', 100, 1);
            INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed, units_delivered, reporting_date)
                VALUES ('K9', 'C01', 'NT10', 4, 1, '2021-03-31'), ('K10', 'C01', 'NT3', 1, 0, '2021-03-31');
            """)
        let r = try Themes.run(db, filter: Filter(), by: .measure)
        #expect(r.values("measure") == ["NT1", "NT3", "NT10", "NT14", "NT28", "NT31", "XX9", "Total"])
    }
}
