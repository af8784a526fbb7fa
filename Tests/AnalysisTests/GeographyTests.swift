import Testing
import SVWAnalysis
import SVWDatabase

@Suite struct GeographyTests {
    @Test func statusSplitOverAllYears() throws {
        let db = try Fixture.db()
        let r = try Geography.run(db, filter: Filter())
        #expect(r.result.columns == ["location", "suppliers", "supplier_share", "contracts", "awarded", "value_share"])
        #expect(r.result.kinds == [.plain, .count, .percent, .count, .money, .percent])
        #expect(r.result.headings == ["Location", "Suppliers", "Share of suppliers", "Contracts", "Awarded", "Share of value"])
        // GM: S1 (C01 10,000,000 + C06 3,000,000), S2 (C03 2,500,000 + C09 7,500,000), S7 (C08 2,500,001)
        //     = 3 suppliers, 5 contracts, 25,500,001p. Outside: S3 6,000,000 + S4 5,000,000 + S5 20,000,000
        //     = 3, 3, 31,000,000p. Unknown: S6 4,000,000p. Total 7 suppliers, 9 contracts, 60,500,001p.
        // Supplier shares 3/7 = 42.857 → 42.9, 1/7 = 14.29 → 14.3; value shares 25,500,001/60,500,001 = 42.15 → 42.1,
        // 31,000,000/60,500,001 = 51.24 → 51.2, 4,000,000/60,500,001 = 6.61 → 6.6.
        #expect(r.result.rows == [
            ["Inside GM", 3, 42.9, 5, 25_500_001, 42.1],
            ["Outside GM", 3, 42.9, 3, 31_000_000, 51.2],
            ["Unknown postcode", 1, 14.3, 1, 4_000_000, 6.6],
            ["Total", 7, 100.0, 9, 60_500_001, 100.0],
        ])
    }

    @Test func fringeDistrictsFollowTheMajorityRule() throws {
        let db = try Fixture.db()
        let status = try independent(db, "SELECT supplier_id, gm_status, authority FROM supplier_geography ORDER BY supplier_id")
        #expect(status == [
            ["S1", "GM", "Stockport"],
            ["S2", "GM", "Trafford"],      // M16: Trafford 0.5304 holds most of it
            ["S3", "outside", nil],        // SK9: not in the table
            ["S4", "outside", nil],        // WA13: 0.0857
            ["S5", "outside", nil],        // WA3: 0.4917 + 0.0059 = 0.4976, not a majority
            ["S6", "unknown", nil],        // malformed postcode: unknown, never outside
            ["S7", "GM", "Manchester"],
            ["S8", "outside", nil],        // BFPO/overseas: outside GM
        ])
    }

    @Test func yearFilterAndIndependentCrossCheck() throws {
        let db = try Fixture.db()
        let r = try Geography.run(db, filter: Filter(year: "2020/21"))
        // 2020/21 is C01–C05, C08, C09. GM: S1 10,000,000; S2 2,500,000 + 7,500,000; S7 2,500,001 = 22,500,001p
        // in 4 contracts; outside S3 + S4 = 11,000,000p; unknown S6 4,000,000p; total 37,500,001p.
        // Shares: 3/6 = 50.0, 2/6 = 33.3, 1/6 = 16.7; value 60.0, 29.3, 10.7.
        #expect(r.result.rows == [
            ["Inside GM", 3, 50.0, 4, 22_500_001, 60.0],
            ["Outside GM", 2, 33.3, 2, 11_000_000, 29.3],
            ["Unknown postcode", 1, 16.7, 1, 4_000_000, 10.7],
            ["Total", 6, 100.0, 7, 37_500_001, 100.0],
        ])
        let check = try independent(db, """
            SELECT g.gm_status, count(DISTINCT c.supplier_id), count(*), sum(c.value_pence)
              FROM contracts c JOIN supplier_geography g USING (supplier_id)
             WHERE c.award_date BETWEEN '2020-04-01' AND '2021-03-31'
             GROUP BY g.gm_status ORDER BY g.gm_status
            """)
        #expect(check == [["GM", 3, 4, 22_500_001], ["outside", 2, 2, 11_000_000], ["unknown", 1, 1, 4_000_000]])
    }

    @Test func byAuthorityListsEveryAuthorityThenOutsideAndUnknown() throws {
        let db = try Fixture.db()
        let r = try Geography.run(db, filter: Filter(year: "2020/21"), by: .authority)
        // Stockport and Trafford tie at 10,000,000p (alphabetical), Manchester 2,500,001p, then the
        // authorities with nothing (Salford, Wigan), outside, unknown, total.
        #expect(r.result.rows == [
            ["Stockport", 1, 16.7, 1, 10_000_000, 26.7],
            ["Trafford", 1, 16.7, 2, 10_000_000, 26.7],
            ["Manchester", 1, 16.7, 1, 2_500_001, 6.7],
            ["Salford", 0, 0.0, 0, 0, 0.0],
            ["Wigan", 0, 0.0, 0, 0, 0.0],
            ["Outside GM", 2, 33.3, 2, 11_000_000, 29.3],
            ["Unknown postcode", 1, 16.7, 1, 4_000_000, 10.7],
            ["Total", 6, 100.0, 7, 37_500_001, 100.0],
        ])
    }

    @Test func byAreaUsesTheDistrictLetters() throws {
        let db = try Fixture.db()
        let r = try Geography.run(db, filter: Filter(year: "2020/21"), by: .area)
        #expect(r.result.columns == ["area", "suppliers", "gm_suppliers", "contracts", "awarded", "value_share", "gm_awarded"])
        // SK: S1 (GM, 10,000,000) + S3 (SK9, outside, 6,000,000); M: S2 (10,000,000) + S7 (2,500,001);
        // WA: S4 (WA13) 5,000,000; unknown S6 4,000,000.
        #expect(r.result.rows == [
            ["SK", 2, 1, 2, 16_000_000, 42.7, 10_000_000],
            ["M", 2, 2, 3, 12_500_001, 33.3, 12_500_001],
            ["WA", 1, 0, 1, 5_000_000, 13.3, 0],
            ["Unknown postcode", 1, 0, 1, 4_000_000, 10.7, 0],
            ["Total", 6, 3, 7, 37_500_001, 100.0, 22_500_001],
        ])
    }

    @Test func byPartnerCountsASupplierOnceInTheTotal() throws {
        let db = try Fixture.db()
        let r = try Geography.run(db, filter: Filter(year: "2020/21"), by: .partner)
        // Stockport: S1, S3, S7 (GM: S1, S7), 18,500,001p of which GM 12,500,001p → 66.7%, 67.6%.
        // Trafford: S2 (twice), S4, S6 → 3 suppliers, 1 GM, 1 unknown; 19,000,000p, GM 10,000,000p → 33.3%, 52.6%.
        #expect(r.result.rows == [
            ["Stockport", 3, 2, 66.7, 0, 18_500_001, 12_500_001, 67.6],
            ["Trafford", 3, 1, 33.3, 1, 19_000_000, 10_000_000, 52.6],
            ["Total", 6, 3, 50.0, 1, 37_500_001, 22_500_001, 60.0],
        ])
    }

    @Test func topOutsideSuppliers() throws {
        let db = try Fixture.db()
        let r = try Geography.topOutside(db, filter: Filter(), top: 2)
        // Outside total 31,000,000p: S5 20,000,000 (64.5%), S3 6,000,000 (19.4%); S4 is third and cut.
        #expect(r.result.rows == [
            [1, "S5", "Golborne Grounds", "WA3 3AA", "WA3", 49.8, 1, 20_000_000, 64.5],   // WA3 0.4976 GM
            [2, "S3", "Cheshire Catering", "SK9 1AA", "SK9", 0.0, 1, 6_000_000, 19.4],    // SK9 not in the table
        ])
        let partner = try Geography.topOutside(db, filter: Filter(partner: "Trafford"), top: 5)
        // Trafford outside: S5 20,000,000 and S4 5,000,000 of 25,000,000 → 80.0, 20.0
        #expect(partner.values("supplier_id") == ["S5", "S4"])
        #expect(partner.values("share_of_outside") == [80.0, 20.0])
    }

    @Test func emptyFilterResultKeepsTheLinesWithZeros() throws {
        let db = try Fixture.db()
        let r = try Geography.run(db, filter: Filter(minValuePence: 1_000_000_000))
        #expect(r.result.rows == [
            ["Inside GM", 0, nil, 0, 0, nil],
            ["Outside GM", 0, nil, 0, 0, nil],
            ["Unknown postcode", 0, nil, 0, 0, nil],
            ["Total", 0, nil, 0, 0, nil],
        ])
        #expect(try Geography.topOutside(db, filter: Filter(year: "2019/20", partner: "Stockport"), top: 3).result.rows.isEmpty)
    }

    @Test func valueBandAndDatesCombine() throws {
        let db = try Fixture.db()
        // min inclusive, max exclusive: 2,500,001 ≤ v < 7,500,000 → C02 6,000,000, C04 4,000,000, C05 5,000,000,
        // C06 3,000,000, C08 2,500,001; awarded from 2020-06-01 drops C06 (2019) → C02, C04, C05, C08.
        let filter = Filter(minValuePence: 2_500_001, maxValuePence: 7_500_000, from: "2020-06-01", to: "2021-03-31")
        let r = try Geography.run(db, filter: filter)
        #expect(r.row("Total")?["contracts"] == 4)
        #expect(r.row("Total")?["awarded"] == 17_500_001)   // 6,000,000 + 4,000,000 + 5,000,000 + 2,500,001
        #expect(r.row("Inside GM")?["awarded"] == 2_500_001) // C08 only
        let bound = Dictionary(uniqueKeysWithValues: r.query.parameters.map { ($0.name, $0.value) })
        #expect(bound == ["min_value_pence": 2_500_001, "max_value_pence": 7_500_000, "from_date": "2020-06-01", "to_date": "2021-03-31"])
    }
}
