import Testing
import TestSupport
import Foundation
import SVWDatabase
@testable import SVWWorkspace

/// The derived values the schema computes in SQL: financial years, GM status, £ values.
@Suite struct SchemaTests {
    func workspace() throws -> Workspace {
        let ws = try Workspace()
        try ws.db.execute("""
            INSERT INTO postcode_districts VALUES
              ('SK4','Stockport','E08000007',1000,1.0),
              ('M16','Manchester','E08000003',469,0.4696),
              ('M16','Trafford','E08000009',530,0.5304),
              ('WA3','Wigan','E08000010',745,0.4917),
              ('WA3','Salford','E08000006',9,0.0059),
              ('BL7','Bolton','E08000001',295,0.5796),
              ('WA13','Trafford','E08000009',42,0.0857);
            INSERT INTO suppliers(supplier_id, name, name_key, postcode, district, postcode_status) VALUES
              ('A','Alpha','alpha','SK4 1AA','SK4','ok'),
              ('B','Beta','beta','M16 0RA','M16','ok'),
              ('C','Gamma','gamma','WA3 1AA','WA3','ok'),
              ('D','Delta','delta','BL7 9AA','BL7','ok'),
              ('E','Epsilon','epsilon','WA13 0AA','WA13','ok'),
              ('F','Zeta','zeta','SK9 1AA','SK9','ok'),
              ('G','Eta','eta',NULL,NULL,'missing'),
              ('H','Theta','theta',NULL,NULL,'malformed'),
              ('I','Iota','iota',NULL,NULL,'outside_uk');
            """)
        return ws
    }

    @Test func freshWorkspaceIsAtCurrentVersion() throws {
        let ws = try Workspace()
        #expect(ws.schemaVersion == Schema.currentVersion)
        #expect(try ws.db.scalar("PRAGMA foreign_keys") == .integer(1))
    }

    @Test func reopeningAFileWorkspaceKeepsDataAndVersion() throws {
        let folder = try ScratchFolder()
        let path = folder.file("workspace.db").path
        do {
            let ws = try Workspace(path: path)
            try ws.setSetting("measures_edition", "ed1")
            #expect(try ws.db.scalar("PRAGMA journal_mode") == .text("wal"))
        }
        let again = try Workspace(path: path)
        #expect(try again.measuresEdition == "ed1")
        #expect(again.schemaVersion == Schema.currentVersion)
    }

    @Test func refusesAWorkspaceFromANewerSVW() throws {
        let folder = try ScratchFolder()
        let path = folder.file("workspace.db").path
        do {
            let db = try Database(path: path)
            try db.execute("PRAGMA user_version = 99")
        }
        #expect(throws: WorkspaceError.self) { _ = try Workspace(path: path) }
    }

    @Test(arguments: [
        ("2020-04-01", "2020/21"), ("2021-03-31", "2020/21"), ("2019-12-31", "2019/20"),
        ("2000-01-15", "1999/00"), ("1999-06-01", "1999/00"), ("2099-04-01", "2099/00"),
    ])
    func financialYearOfAward(date: String, year: String) throws {
        let ws = try workspace()
        try ws.db.run("""
            INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence)
            VALUES ('C1', 'Stockport', 'Test', 'A', ?1, 100)
            """, [date])
        #expect(try ws.db.scalar("SELECT financial_year FROM contracts") == .text(year))
    }

    @Test func gmStatusFollowsTheMajorityRule() throws {
        let ws = try workspace()
        let rows = try ws.db.query("SELECT supplier_id, gm_status, authority, area FROM supplier_geography ORDER BY supplier_id").rows
        #expect(rows == [
            ["A", "GM", "Stockport", "SK"],
            ["B", "GM", "Trafford", "M"],        // split district: the authority holding most of it
            ["C", "outside", nil, "WA"],         // WA3 is 49.8% GM: not a majority
            ["D", "GM", "Bolton", "BL"],         // BL7 is 58% GM
            ["E", "outside", nil, "WA"],         // WA13 is 8.6% GM
            ["F", "outside", nil, "SK"],         // SK9 has no GM postcode at all
            ["G", "unknown", nil, nil],          // missing postcode is unknown, never outside
            ["H", "unknown", nil, nil],
            ["I", "outside", nil, nil],          // overseas / BFPO
        ])
    }

    @Test func aListedFullPostcodeDecidesExactlyAndTheDistrictRuleIsTheFallback() throws {
        let ws = try workspace()
        try ws.db.execute("""
            INSERT INTO postcode_index VALUES
              ('WA3 2AA','E08000010','Wigan'),      -- the GM half of WA3
              ('WA3 6BB','E06000007',NULL),         -- Warrington
              ('M16 0RA','E08000003','Manchester'), -- M16 is mostly Trafford
              ('SK4 9ZZ',NULL,NULL);                -- no district code: decides nothing
            INSERT INTO suppliers(supplier_id, name, name_key, postcode, district, postcode_status) VALUES
              ('J','J','j','WA3 2AA','WA3','ok'),
              ('K','K','k','WA3 6BB','WA3','ok'),
              ('L','L','l','M16 9ZZ','M16','ok'),
              ('M','M','m','M16','M16','ok'),
              ('N','N','n','SK4 9ZZ','SK4','ok');
            """)
        let rows = try ws.db.query("""
            SELECT supplier_id, gm_status, authority, placed_by FROM supplier_geography
             WHERE supplier_id IN ('B','C','J','K','L','M','N','G','I') ORDER BY supplier_id
            """).rows
        #expect(rows == [
            ["B", "GM", "Manchester", "postcode"],   // listed: Manchester, though the district rule says Trafford
            ["C", "outside", nil, "district"],       // WA3 1AA is not listed: the district rule (WA3 is 49.8% GM)
            ["G", "unknown", nil, "unknown"],
            ["I", "outside", nil, "outside UK"],
            ["J", "GM", "Wigan", "postcode"],        // a WA3 postcode in Wigan: GM, though WA3 is 49.8% GM
            ["K", "outside", nil, "postcode"],       // a WA3 postcode in Warrington
            ["L", "GM", "Trafford", "district"],     // not listed (new or terminated): the district rule
            ["M", "GM", "Trafford", "district"],     // an outward code alone: the district rule
            ["N", "GM", "Stockport", "district"],    // listed without a district code: the district rule
        ])
    }

    @Test func migratingAVersion1WorkspaceKeepsItsContractsAndLinksTheirSuppliers() throws {
        let folder = try ScratchFolder()
        let path = folder.file("workspace.db").path
        do {
            let db = try Database(path: path)
            try db.execute(Schema.migrations[0])
            try db.execute("PRAGMA user_version = 1")
            // A version-1 workspace as svw wrote it then: its search triggers write to the FTS table.
            try db.execute("PRAGMA trusted_schema = ON")
            try db.execute("""
                INSERT INTO suppliers(supplier_id, name, name_key, postcode, district, postcode_status)
                VALUES ('S1','One','one','SK4 1AA','SK4','ok');
                INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence)
                VALUES ('C1','Stockport','Roads','S1','2020-06-01',1000);
                """)
        }
        var told: [String] = []
        let ws = try Workspace(path: path, announce: { told.append($0) })
        #expect(ws.schemaVersion == Schema.currentVersion)
        #expect(try ws.db.query("SELECT contract_id, supplier_id, share_pence FROM award_shares").rows == [["C1", "S1", .integer(1000)]])
        #expect(try ws.db.scalar("SELECT postcode_source FROM suppliers") == .text("postcode"))
        // Told before the upgrade began, once, with what it carries over.
        #expect(told == ["upgrading workspace \(path) from schema version 1 to \(Schema.currentVersion), once: "
                         + "2 rows to carry over, which takes a while on a large workspace"])
        // Opened again, or new, there is nothing to tell.
        var toldAgain: [String] = []
        _ = try Workspace(path: path, announce: { toldAgain.append($0) })
        _ = try Workspace(announce: { toldAgain.append($0) })
        #expect(toldAgain.isEmpty)
    }

    /// A workspace whose `rollup_supplier_wins` holds every winner's rows (as svw wrote it
    /// before it kept only those outside GM) keeps only the outside ones. The upgrade is
    /// announced as a long one: a later migration rewrites the keyed tables (`KeyIndexes`).
    @Test func upgradingKeepsOnlyTheWinnersOutsideGM() throws {
        let folder = try ScratchFolder()
        let path = folder.file("workspace.db").path
        let version = try #require(Schema.migrations.firstIndex(of: Rollups.outsideWinnersOnlyMigration))
        do {
            // The workspace as the migrations up to that version left it.
            let db = try Database(path: path)
            try db.execute("PRAGMA foreign_keys = OFF")
            for sql in Schema.migrations.prefix(version) { try db.execute(sql) }
            try db.execute("""
                INSERT INTO suppliers(supplier_id, name, name_key, postcode, district, postcode_status)
                VALUES ('S1','One','one','SK4 1AA','SK4','ok');
                INSERT INTO rollup_supplier_wins VALUES
                    (2020, 'Bury', 'S1', 'GM', 'Stockport', 'SK', 'postcode', 0, 1, 1, 100),
                    (2020, 'Bury', 'S2', 'outside', NULL, 'LS', 'district', 0, 2, 1, 300),
                    (NULL, NULL, 'S3', 'unknown', NULL, NULL, 'unknown', 0, 1, 1, 50);
                PRAGMA user_version = \(version);
                """)
        }
        var told: [String] = []
        let ws = try Workspace(path: path, announce: { told.append($0) })
        #expect(ws.schemaVersion == Schema.currentVersion)
        #expect(try ws.db.query("SELECT supplier_id FROM rollup_supplier_wins").rows == [["S2"]])
        #expect(told.count == 1 && told[0].contains("to \(Schema.currentVersion), once"), "\(told)")
    }

    /// A workspace from before integer row keys keeps every row, column, index, trigger and
    /// view of its own and of the analyst's, and its keys still refuse NULLs and unknown parents.
    @Test func migratingToRowidTablesKeepsEveryRowAndTheAnalystsOwnObjects() throws {
        let folder = try ScratchFolder()
        let path = folder.file("workspace.db").path
        let target = try #require(Schema.migrations.firstIndex(of: Schema.rowidKeys))
        let tables = ["suppliers", "contracts", "commitments", "further_suppliers"]
        var before: [String: [[SQLValue]]] = [:]
        do {
            let db = try Database(path: path)
            for sql in Schema.migrations.prefix(target) { try db.execute(sql) }
            try db.execute("PRAGMA user_version = \(target)")
            try db.execute("""
                INSERT INTO suppliers(supplier_id, name, name_key, postcode, district, postcode_status, postcode_source)
                VALUES ('S2','Two','two',NULL,NULL,'missing',NULL), ('S1','One','one','SK4 1AA','SK4','ok','postcode');
                INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence)
                VALUES ('C2','Bury','Roads','S1','2021-03-31',250), ('C1','Stockport','Meals','S2','2020-06-01',1000);
                INSERT INTO further_suppliers(contract_id, supplier_id) VALUES ('C1','S1');
                INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed, reporting_date)
                VALUES ('K1','C1','NT1',2.5,'2021-03-31'), ('K2',NULL,'NT1',1,NULL);
                CREATE TABLE audit (contract_id TEXT);
                CREATE INDEX my_titles ON contracts(title);
                CREATE TRIGGER my_audit AFTER INSERT ON contracts BEGIN INSERT INTO audit VALUES (new.contract_id); END;
                CREATE VIEW my_view AS SELECT c.contract_id, s.name FROM contracts c JOIN suppliers s USING (supplier_id);
                """)
            for table in tables { before[table] = try db.query("SELECT * FROM \(table) ORDER BY 1, 2").rows }
        }
        let ws = try Workspace(path: path)
        #expect(ws.schemaVersion == Schema.currentVersion)
        for table in tables { #expect(try ws.db.query("SELECT * FROM \(table) ORDER BY 1, 2").rows == before[table], "\(table)") }
        for table in ["suppliers", "contracts", "commitments"] {
            let sql = try ws.db.scalar("SELECT sql FROM sqlite_schema WHERE name = ?1", [table]).string ?? ""
            #expect(!sql.contains("WITHOUT ROWID"), "\(table)")
        }
        #expect(try ws.db.query("SELECT contract_id, name FROM my_view ORDER BY 1").rows == [["C1", "Two"], ["C2", "One"]])
        #expect(try ws.db.scalar("SELECT count(*) FROM sqlite_schema WHERE name IN ('my_titles', 'my_audit')") == 2)
        try ws.db.execute("INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence) VALUES ('C3','Bury','Bins','S1','2021-04-01',5)")
        #expect(try ws.db.query("SELECT contract_id FROM audit").rows == [["C3"]])
        #expect(try ws.db.scalar("SELECT financial_year FROM contracts WHERE contract_id = 'C3'") == .text("2021/22"))
        #expect(throws: SQLiteError.self) {
            try ws.db.execute("INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence) VALUES (NULL,'Bury','Bins','S1','2021-04-01',5)")
        }
        #expect(throws: SQLiteError.self) {
            try ws.db.execute("INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed) VALUES ('K9','NOPE','NT1',1)")
        }
        #expect(throws: SQLiteError.self) { try ws.db.execute("DELETE FROM suppliers WHERE supplier_id = 'S1'") }
        // The ids are keys still (a unique index each now: see KeyIndexes).
        #expect(throws: SQLiteError.self) {
            try ws.db.execute("INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence) VALUES ('C1','Bury','Bins','S1','2021-04-01',5)")
        }
        #expect(throws: SQLiteError.self) { try ws.db.execute("UPDATE commitments SET commitment_id = 'K1' WHERE commitment_id = 'K2'") }
        #expect(throws: SQLiteError.self) { try ws.db.execute("INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES ('S1','x','x','missing')") }
        #expect(try ws.db.query("PRAGMA foreign_key_check").rows.isEmpty)
        #expect(try ws.db.scalar("PRAGMA integrity_check") == .text("ok"))
        // The migrated schema is the one svw knows as its own (and restores from), statement for statement.
        for object in Schema.ownedObjects where !object.isShadow {
            #expect(try ws.db.scalar("SELECT sql FROM sqlite_schema WHERE name = ?1", [object.name]) == .text(object.sql), "\(object.name)")
        }
        let fresh = try Workspace()
        for object in Schema.ownedObjects where !object.isShadow {
            #expect(try fresh.db.scalar("SELECT sql FROM sqlite_schema WHERE name = ?1", [object.name]) == .text(object.sql), "\(object.name)")
        }
    }

    @Test func commitmentValueUsesTheActiveEdition() throws {
        let ws = try workspace()
        try ws.db.execute("""
            INSERT INTO measures(code, edition, theme, description, unit, proxy_pence) VALUES
              ('NT1','e1','Jobs','Local employment','FTE',3000000),
              ('NT1','e2','Jobs','Local employment','FTE',3100050);
            INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence)
              VALUES ('C1','Stockport','Test','A','2020-05-01',100);
            INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed, units_delivered, reporting_date)
              VALUES ('K1','C1','NT1',2.5,1.0,'2021-03-31'), ('K2',NULL,'NT1',0.333,NULL,'2020-04-01');
            """)
        try ws.setSetting("measures_edition", "e1")
        var rows = try ws.db.query("SELECT commitment_id, committed_pence, delivered_pence, reporting_year FROM commitment_values ORDER BY 1").rows
        #expect(rows == [["K1", 7_500_000, 3_000_000, "2020/21"], ["K2", 999_000, 0, "2020/21"]])
        try ws.setSetting("measures_edition", "e2")
        rows = try ws.db.query("SELECT committed_pence FROM commitment_values ORDER BY commitment_id").rows
        // 2.5 x 3,100,050 = 7,750,125; 0.333 x 3,100,050 = 1,032,316.65 -> 1,032,317
        #expect(rows == [[7_750_125], [1_032_317]])
    }

    @Test func foreignKeysAreEnforced() throws {
        let ws = try workspace()
        #expect(throws: SQLiteError.self) {
            try ws.db.run("""
                INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence)
                VALUES ('C9','Stockport','Test','NOPE','2020-05-01',100)
                """)
        }
    }
}
