import Testing
import SVWDatabase
import SVWWorkspace

/// Every staleness trigger is needed: an insert, an update and a delete on each table a
/// rollup is derived from, and a change of measures edition where its figures follow the
/// edition, each mark exactly the rollups derived from it stale. Removing any trigger (or
/// forgetting one for a new rollup or source) fails here.
@Suite struct RollupStalenessTests {
    /// A row to insert into each source table, the column an update rewrites and the row's key.
    static let rows: [String: (insert: String, column: String, key: String)] = [
        "contracts": ("INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence) VALUES ('CX', 'Bury', 'x', 'S1', '2020-05-01', 100)",
                      "value_pence", "contract_id = 'CX'"),
        "commitments": ("INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed) VALUES ('KX', 'C01', 'NT1', 1)",
                        "units_committed", "commitment_id = 'KX'"),
        "measures": ("INSERT INTO measures(code, edition, theme, description, unit, proxy_pence) VALUES ('NTX', 'ill-1', 'Jobs', 'x', 'u', 1)",
                     "proxy_pence", "code = 'NTX'"),
        "suppliers": ("INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES ('SX', 'X', 'x', 'missing')",
                      "name", "supplier_id = 'SX'"),
        "postcode_districts": ("INSERT INTO postcode_districts(outward_code, authority, share) VALUES ('ZZ1', 'Bury', 0.5)",
                               "share", "outward_code = 'ZZ1'"),
        "postcode_index": ("INSERT INTO postcode_index(postcode, district_code, authority) VALUES ('ZZ1 1ZZ', 'E1', 'Bury')",
                           "authority", "postcode = 'ZZ1 1ZZ'"),
        "further_suppliers": ("INSERT INTO further_suppliers(contract_id, supplier_id) VALUES ('C03', 'S4')",
                              "supplier_id", "contract_id = 'C03' AND supplier_id = 'S4'"),
    ]

    static func stale(_ db: Database) throws -> Set<String> {
        Set(try Rollups.all.filter { try Rollups.isStale($0, db) }.map(\.table))
    }

    @Test func everyChangeToASourceMarksExactlyItsRollupsStale() throws {
        let db = try Fixture.db()
        let sources = Set(Rollups.all.flatMap(\.sources))
        #expect(sources == Set(Self.rows.keys), "a rollup source without a row to change here")
        for table in sources.sorted() {
            let row = try #require(Self.rows[table])
            let derived = Set(Rollups.all.filter { $0.sources.contains(table) }.map(\.table))
            for (event, sql) in [("insert", row.insert), ("update", "UPDATE \(table) SET \(row.column) = \(row.column) WHERE \(row.key)"),
                                 ("delete", "DELETE FROM \(table) WHERE \(row.key)")] {
                try Rollups.refreshIfStale(db)
                #expect(try Self.stale(db).isEmpty)
                try db.execute(sql)
                #expect(db.changes == 1, "\(event) on \(table) changed no row")
                #expect(try Self.stale(db) == derived, "\(event) on \(table)")
            }
        }
        try Rollups.refreshIfStale(db)
        try db.execute("UPDATE settings SET value = 'real-1' WHERE key = 'measures_edition'")
        #expect(try Self.stale(db) == Set(Rollups.all.filter(\.followsEdition).map(\.table)), "a change of measures edition")
    }
}
