import Testing
import SVWAnalysis
import SVWDatabase

@Suite struct SearchTests {
    @Test func ranksSuppliersAndContractsAndHonoursFilters() throws {
        let db = try Fixture.db()
        let r = try Search.find(db, text: "clean", filter: Filter())
        #expect(r.result.columns == ["rank", "kind", "id", "text", "supplier", "partner", "year", "contracts", "value"])
        // "clean" is a prefix of Cleaning (S2's name, C03's title) and cleansing (C09's title)
        #expect(Set(r.values("id")) == ["S2", "C03", "C09"])
        #expect(r.values("rank") == [1, 2, 3])
        #expect(r.row("S2", in: "id")?["value"] == 10_000_000)   // C03 2,500,000 + C09 7,500,000
        // a supplier found by its name shows it once, as the text; a contract names its supplier
        #expect(r.row("S2", in: "id")?["text"] == .text("Bridgewater Cleaning"))
        #expect(r.row("S2", in: "id")?["supplier"] == .null)
        #expect(r.row("C03", in: "id")?["supplier"] == .text("Bridgewater Cleaning"))
        // under a filter, a supplier shows only with a contract that passes it, counted within it
        let year = try Search.find(db, text: "clean", filter: Filter(year: "2019/20"))
        #expect(year.result.rows.isEmpty)
        let band = try Search.find(db, text: "clean", filter: Filter(minValuePence: 5_000_000))
        #expect(Set(band.values("id")) == ["S2", "C09"])
        #expect(band.row("S2", in: "id")?["contracts"] == 1)
        // a supplier with no contracts at all is found only without a filter
        #expect(try Search.find(db, text: "widgets", filter: Filter()).values("id") == ["S8"])
        #expect(try Search.find(db, text: "widgets", filter: Filter(partner: "Trafford")).result.rows.isEmpty)
    }

    @Test func everyWordMustMatchAndOperatorsArePlainText() throws {
        let db = try Fixture.db()
        #expect(Set(try Search.find(db, text: "school", filter: Filter()).values("id")) == ["C01", "C02"])
        // "-" is not NOT and "school meals" needs both words
        #expect(try Search.find(db, text: "school -meals", filter: Filter()).values("id") == ["C02"])
        for hostile in ["NEAR(\"x", "title:school", "school OR depot", "a*b^c", "'; DROP TABLE contracts; --"] {
            _ = try Search.find(db, text: hostile, filter: Filter())
        }
        #expect(try Search.find(db, text: "school OR depot", filter: Filter()).result.rows.isEmpty)
        #expect(throws: Search.Error.self) { try Search.find(db, text: " -- ", filter: Filter()) }
        #expect(try db.scalar("SELECT count(*) FROM contracts").int64 == 9)
        #expect(Search.ftsQuery("Acme  Building-Ltd") == "\"Acme\"* \"Building\"* \"Ltd\"*")
        #expect(Search.ftsQuery("café") == "\"café\"*")
        #expect(try Search.find(db, text: "CAFE", filter: Filter()).result.rows.isEmpty)
    }

    @Test func indexFollowsInsertsUpdatesDeletesAndReplaces() throws {
        let db = try Fixture.db()
        try db.execute("UPDATE contracts SET title = 'Window cleaning' WHERE contract_id = 'C01'")
        #expect(Set(try Search.find(db, text: "window", filter: Filter()).values("id")) == ["C01"])
        #expect(Set(try Search.find(db, text: "school", filter: Filter()).values("id")) == ["C02"])
        try db.execute("DELETE FROM commitments WHERE contract_id = 'C02'; DELETE FROM contracts WHERE contract_id = 'C02'")
        #expect(try Search.find(db, text: "school", filter: Filter()).result.rows.isEmpty)
        try db.execute("INSERT OR REPLACE INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES ('S8', 'Overseas Gadgets', 'overseas gadgets', 'outside_uk')")
        #expect(try Search.find(db, text: "widgets", filter: Filter()).result.rows.isEmpty)
        #expect(try Search.find(db, text: "gadgets", filter: Filter()).values("id") == ["S8"])
        try db.execute("""
            INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES ('S9', 'Café Crème', 'cafe creme', 'missing')
                ON CONFLICT (supplier_id) DO UPDATE SET name = excluded.name
            """)
        #expect(try Search.find(db, text: "cafe creme", filter: Filter()).values("id") == ["S9"])
        // the FTS index agrees with the names and titles it reads (FTS5's own consistency check)
        try db.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
        #expect(try db.scalar("SELECT count(*) FROM search_fts_docsize").int64 == 9 + 8)   // 8 contracts + 9 suppliers
    }

    @Test func supplierLookup() throws {
        let db = try Fixture.db()
        #expect(try SupplierProfile.lookup(db, "S1") == .found(id: "S1"))
        #expect(try SupplierProfile.lookup(db, "s1") == .found(id: "S1"))
        #expect(try SupplierProfile.lookup(db, "bridgewater cleaning") == .found(id: "S2"))
        #expect(try SupplierProfile.lookup(db, "acme") == .found(id: "S1"))
        #expect(try SupplierProfile.lookup(db, "nobody at all") == .none)
        guard case .ambiguous(let candidates) = try SupplierProfile.lookup(db, "c") else {
            Issue.record("\"c\" should match Cheshire Catering and Bridgewater Cleaning")
            return
        }
        #expect(Set(candidates.map(\.id)) == ["S2", "S3"])
    }

    @Test func supplierProfile() throws {
        let db = try Fixture.db()
        let p = try SupplierProfile.profile(db, id: "S1", filter: Filter())
        #expect(p.firstRow["gm_status"] == "GM")
        #expect(p.firstRow["authority"] == "Stockport")
        #expect(p.firstRow["area"] == "SK")
        #expect(p.firstRow["district_gm_share"] == 100.0)
        #expect(p.firstRow["contracts"] == 2)
        #expect(p.firstRow["awarded"] == 13_000_000)       // C01 10,000,000 + C06 3,000,000
        #expect(p.firstRow["first_award"] == "2019-05-01")
        let wa3 = try SupplierProfile.profile(db, id: "S5", filter: Filter())
        #expect(wa3.firstRow["gm_status"] == "outside")
        #expect(wa3.firstRow["district_gm_share"] == 49.8)  // 0.4976
        let contracts = try SupplierProfile.contracts(db, id: "S1", filter: Filter())
        #expect(contracts.result.rows == [
            ["2019/20", "Stockport", 1, 3_000_000, 15.0],
            ["2020/21", "Stockport", 1, 10_000_000, 20.0],
            ["Total", nil, 2, 13_000_000, 17.5],
        ])
        let commitments = try SupplierProfile.commitments(db, id: "S1", filter: Filter())
        // K1 NT1 200,000/100,000; K2 NT14 500,000/125,000; K7 XX9 unvalued. Total 700,000 / 225,000 = 32.1%
        #expect(commitments.values("measure") == ["NT1", "NT14", "XX9", "Total"])
        #expect(commitments.row("Total")?["committed"] == 700_000)
        #expect(commitments.row("Total")?["delivery_rate"] == 32.1)
        let filtered = try SupplierProfile.contracts(db, id: "S1", filter: Filter(year: "2019/20"))
        #expect(filtered.row("Total")?["awarded"] == 3_000_000)
    }
}
