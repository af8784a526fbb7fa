import Foundation
import Testing
import SVWAnalysis
import SVWDatabase
import SVWImport
import SVWWorkspace

/// Every analysis that reads the rollup gives exactly the figures of the same analysis
/// computed straight from the raw tables — after loads, reloads, deletes and updates
/// through SQL, and changes of measures edition — under every kind of filter.
@Suite struct RollupEquivalenceTests {
    static let filters: [Filter] = [
        Filter(), Filter(year: "2020/21"), Filter(year: "2019/20", partner: "Stockport"), Filter(partner: "Nowhere"),
        Filter(partner: "Trafford"), Filter(category: "Construction"), Filter(minValuePence: 2_500_001),
        Filter(year: "2021/22", maxValuePence: 10_000_000), Filter(from: "2020-06-01", to: "2021-01-31"),
    ]

    static let listFilters: [Filter] = [Filter(), Filter(year: "2020/21"), Filter(partner: "Trafford"), Filter(minValuePence: 2_500_001)]

    /// The figures of every rollup-backed analysis, from `source`, one text per analysis.
    static func figures(_ db: Database, _ source: AnalysisSource) throws -> [String] {
        var out: [String] = []
        func add(_ label: String, _ result: AnalysisResult, readsRollups: Bool = true) {
            if source == .rollups {
                // A test of the rollup that never read it could not fail.
                #expect(result.query.text.contains("rollup_") == readsRollups, "\(label): read the rollups \(!readsRollups)")
            }
            out.append(label + "\n" + result.result.rows.map { $0.map { String(describing: $0) }.joined(separator: "|") }.joined(separator: "\n")
                       + "\nrows without limit: \(result.rowsWithoutLimit.map(String.init) ?? "-")")
        }
        let years = try db.query("SELECT DISTINCT financial_year FROM contracts ORDER BY 1").rows.compactMap { $0[0].string }
        let asOf = try db.scalar("SELECT max(reporting_date) FROM commitments").string
        for filter in filters {
            let f = filter.description
            let perYear = filter.category == nil && filter.minValuePence == nil && filter.maxValuePence == nil
                && filter.from == nil && filter.to == nil
            var yearly = try (years + ["2030/31"]).map { year in
                (label: "headline \(year) \(f)", result: try Headline.run(db, year: year, filter: filter, source: source))
            }
            yearly.append((label: "trend \(f)", result: try Trend.run(db, filter: filter, source: source)))
            for breakdown in [Themes.Breakdown.theme, .partner] {
                for theme in [nil, "Jobs", "Social"] {
                    yearly.append((label: "themes \(breakdown) \(theme ?? "") \(f)",
                                   result: try Themes.run(db, filter: filter, by: breakdown, theme: theme, source: source)))
                }
            }
            for (label, result) in yearly {
                if source == .rollups {
                    #expect(result.query.text.contains("rollup_years") == perYear, "\(label): per-year rollup used \(!perYear)")
                }
                add(label, result)
            }
            for threshold in [Int64(0), Policy.portalThresholdPence] {
                add("themes --uncommitted count \(threshold) \(f)",
                    try Themes.uncommittedCount(db, filter: filter, thresholdPence: threshold, source: source))
            }
            for options in [Weighting.Options(), Weighting.Options(thresholdPence: nil), Weighting.Options(thresholdPence: 100)] {
                let o = options.thresholdPence.map(String.init) ?? "all"
                add("weighting histogram \(o) \(f)", try Weighting.histogram(db, filter: filter, options: options, source: source))
                for breakdown in [nil] + Weighting.Breakdown.allCases {
                    add("weighting \(breakdown.map(\.rawValue) ?? "-") \(o) \(f)",
                        try Weighting.statistics(db, filter: filter, by: breakdown, options: options, source: source))
                }
            }
            for date in [asOf, "2021-01-01", nil] {
                add("compliance \(date ?? "-") \(f)",
                    try Compliance.summary(db, filter: filter, options: .init(asOf: date), source: source))
            }
            let yearAndPartner = filter.onlyYearAndPartner
            for breakdown in Geography.Breakdown.allCases {
                add("geography \(breakdown) \(f)", try Geography.run(db, filter: filter, by: breakdown, source: source),
                    readsRollups: yearAndPartner)
            }
            for top in [3] {
                add("geography --top \(top) \(f)", try Geography.topOutside(db, filter: filter, top: top, source: source),
                    readsRollups: yearAndPartner)
            }
            out.append("placement \(f): \(try Geography.placement(db, filter: filter, source: source))")
            let cells = filter.onlyYearPartnerAndCategory
            for (theme, measure) in [(nil, nil), ("Jobs", nil), (nil, "NT1"), ("Social", "NT1")] as [(String?, String?)] {
                add("themes --by measure \(theme ?? "") \(measure ?? "") \(f)",
                    try Themes.run(db, filter: filter, by: .measure, theme: theme, measure: measure, source: source),
                    readsRollups: cells)
            }
            // The lists, under a few filters: the rollup's capped paths and their counts.
            for limit in [nil, 3] as [Int?] where Self.listFilters.contains(filter) {
                for options in [Weighting.Options(), Weighting.Options(target: 35)] {
                    add("weighting --below \(limit ?? 0) \(options) \(f)",
                        try Weighting.below(db, filter: filter, options: options, limit: limit, source: source))
                }
                add("weighting --below --by partner \(limit ?? 0) \(f)",
                    try Weighting.below(db, filter: filter, limit: limit, by: .partner, source: source))
                for date in [asOf, "2021-01-01"] {
                    add("compliance --list lagging \(limit ?? 0) \(date ?? "-") \(f)",
                        try Compliance.list(db, filter: filter, rule: .lagging, options: .init(asOf: date), limit: limit, source: source))
                }
            }
            add("compliance thresholds \(f)", try Compliance.summary(
                db, filter: filter, options: .init(consideredThresholdPence: 100, portalThresholdPence: 6_000_000, asOf: asOf),
                source: source))
        }
        return out
    }

    static func expectEquivalent(_ db: Database, _ stage: String) throws {
        let raw = try figures(db, .raw)
        let rolled = try figures(db, .rollups)
        #expect(raw.count == rolled.count)
        for (r, s) in zip(raw, rolled) where r != s {
            Issue.record("after \(stage): rollup differs from the raw tables\n--- raw\n\(r)\n--- rollup\n\(s)")
        }
        #expect(try !Rollups.anyStale(db), "after \(stage): the rollup was not rebuilt")
        try expectBuiltAsDefined(db, stage)
    }

    /// Each rollup holds exactly the rows its definition (the SQL `help rollups` prints)
    /// gives, value for value and type for type: some are built by the contract pass in
    /// Swift instead, and must never drift from that SQL.
    static func expectBuiltAsDefined(_ db: Database, _ stage: String) throws {
        for rollup in Rollups.all {
            // Same columns and affinities as the rollup, so stored values compare like for like.
            try db.execute("DROP TABLE IF EXISTS temp.defined; CREATE TEMP TABLE defined AS SELECT * FROM main.\(rollup.table) WHERE 0")
            try db.execute("INSERT INTO temp.defined \(rollup.query)")
            let stored = try db.query("SELECT * FROM main.\(rollup.table)").rows
            // In GROUP BY order, as its SQL writes it (but the winners, kept in supplier order).
            if rollup.table != Rollups.supplierWins.table {
                #expect(stored == stored.sorted(by: SQLValue.sqliteOrder), "after \(stage): \(rollup.table) is out of order")
            }
            let built = stored.sorted(by: SQLValue.sqliteOrder)
            let defined = try db.query("SELECT * FROM temp.defined").rows.sorted(by: SQLValue.sqliteOrder)
            #expect(built == defined, "after \(stage): \(rollup.table) is not what its definition gives")
            if rollup.table == Rollups.contracts.table { #expect(!built.isEmpty, "after \(stage): no contracts to compare") }
        }
        try db.execute("DROP TABLE temp.defined")
    }

    /// Where a second connection reads what the first does, the contract pass adds up the
    /// commitments on a second thread through it (`ContractPass`): every rollup must hold
    /// exactly the rows, in the same order, that the pass on one thread writes.
    @Test(.enabled(if: SampleData.available, "needs SampleData/"))
    func theContractPassOnTwoThreadsWritesWhatItWritesOnOne() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("svw-\(UUID()).db").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let workspace = try Workspace(path: path)
        let db = workspace.db
        for (kind, file) in [(ImportKind.measures, "measures.csv"), (.postcodes, "postcode_districts.csv"), (.suppliers, "suppliers.csv"),
                             (.contracts, "contracts.csv"), (.commitments, "commitments.csv")] {
            _ = try Importer.load(kind, file: SampleData.folder.appendingPathComponent(file), into: workspace)
        }
        // Some commitments of contracts the table does not hold, which join nothing: both
        // threads must skip them alike (possible only with foreign keys off).
        try db.execute("""
            PRAGMA foreign_keys = OFF;
            INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed) VALUES ('X1', 'A', 'NT1', 1), ('X2', 'zzz', 'NT1', 2);
            PRAGMA foreign_keys = ON;
            """)
        #expect(try Rollups.secondConnectionReadsAlike(db))
        func rollups() throws -> [String: [[SQLValue]]] {
            var out: [String: [[SQLValue]]] = [:]
            for rollup in Rollups.all { out[rollup.table] = try db.query("SELECT * FROM \(rollup.table)").rows }
            return out
        }
        try Rollups.refreshIfStale(db)
        let twoThreads = try rollups()
        #expect(twoThreads[Rollups.contracts.table]?.count ?? 0 > 2048, "too few contracts for more than one batch")
        try Self.expectBuiltAsDefined(db, "the pass on two threads")
        try db.execute("UPDATE settings SET value = 'stale' WHERE key LIKE 'rollup:%'")
        try Rollups.refreshIfStale(db, twoThreads: false)
        let oneThread = try rollups()
        for rollup in Rollups.all {
            #expect(twoThreads[rollup.table] == oneThread[rollup.table], "\(rollup.table) differs")
        }
        // Never where the second connection would not see what this one does.
        let inTransaction = try db.transaction { try Rollups.secondConnectionReadsAlike(db) }
        #expect(!inTransaction)
        #expect(try !Rollups.secondConnectionReadsAlike(Workspace().db))
    }

    @Test func thePerYearRollupCountsByThePolicyThresholds() {
        #expect(Rollups.applicableThresholdPence == Policy.applicableThresholdPence)
        #expect(Rollups.portalThresholdPence == Policy.portalThresholdPence)
    }

    @Test func theFixtureThroughSQLChangesAndEditions() throws {
        let db = try Fixture.db()
        try Self.expectEquivalent(db, "inserts through SQL")
        let changes = [
            ("a commitment deleted", "DELETE FROM commitments WHERE commitment_id = 'K1'"),
            ("a delivery updated", "UPDATE commitments SET units_delivered = 3 WHERE commitment_id = 'K3'"),
            ("a contract updated", "UPDATE contracts SET value_pence = 90000000, partner = 'Rochdale' WHERE contract_id = 'C02'"),
            ("a change of measures edition", "UPDATE settings SET value = 'real-1' WHERE key = 'measures_edition'"),
            ("a proxy value changed", "UPDATE measures SET proxy_pence = 7 WHERE code = 'NT1' AND edition = 'real-1'"),
            ("a contract and its commitments deleted",
             "DELETE FROM commitments WHERE contract_id = 'C07'; DELETE FROM contracts WHERE contract_id = 'C07'"),
            ("a supplier's postcode removed",
             "UPDATE suppliers SET postcode_status = 'missing', postcode = NULL, district = NULL WHERE supplier_id = 'S1'"),
            ("a postcode district removed", "DELETE FROM postcode_districts WHERE outward_code = 'M16'"),
            ("awards with several suppliers", "INSERT INTO further_suppliers(contract_id, supplier_id) VALUES ('C01', 'S4'), ('C02', 'S7')"),
            ("a further supplier removed", "DELETE FROM further_suppliers WHERE contract_id = 'C02'"),
        ]
        for (stage, sql) in changes {
            try db.execute(sql)
            try Self.expectEquivalent(db, stage)
        }
    }

    /// `bulk`: every load takes the bulk path (indexes and staleness triggers suspended
    /// and recreated at its end), as a big file's does.
    @Test(.enabled(if: SampleData.available, "needs SampleData/"), arguments: [false, true])
    func theSampleThroughLoadsReloadsDeletesAndEditions(bulk: Bool) throws {
        let workspace = try Workspace()
        let db = workspace.db
        let triggers = "SELECT group_concat(name || sql, ';') FROM (SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name)"
        let freshTriggers = try db.scalar(triggers).string
        func load(_ kind: ImportKind, _ file: String, edition: String? = nil) throws {
            var options = ImportOptions()
            options.edition = edition
            if bulk { options.bulkIndexThreshold = 0 }
            _ = try Importer.load(kind, file: SampleData.folder.appendingPathComponent(file), into: workspace, options: options)
            // Loads leave the rollups stale (if they changed anything) for the next analysis to rebuild once.
        }
        try load(.measures, "measures.csv")
        try load(.postcodes, "postcode_districts.csv")
        try load(.suppliers, "suppliers.csv")
        try load(.contracts, "contracts.csv")
        try load(.commitments, "commitments.csv")
        #expect(try Rollups.anyStale(db), "loads did not mark the rollups stale")
        try Self.expectEquivalent(db, "loading the sample")
        #expect(try db.scalar("SELECT count(*) FROM rollup_contracts").int64 == 4000)
        try load(.contracts, "contracts.csv")
        try Self.expectEquivalent(db, "reloading the contracts")
        try db.execute("""
            DELETE FROM commitments WHERE contract_id IN (SELECT contract_id FROM contracts WHERE partner = 'Tameside');
            DELETE FROM contracts WHERE partner = 'Tameside';
            DELETE FROM commitments WHERE substr(commitment_id, -1) IN ('3', '6', '9');
            """)
        try Self.expectEquivalent(db, "deletes through SQL")
        try load(.measures, "measures.csv", edition: "alt-2022")
        try db.execute("UPDATE measures SET proxy_pence = proxy_pence * 3 WHERE edition = 'alt-2022' AND theme = 'Jobs'")
        try Self.expectEquivalent(db, "a new measures edition with other proxy values")
        try db.execute("UPDATE settings SET value = 'svw-illustrative-2020' WHERE key = 'measures_edition'")
        try Self.expectEquivalent(db, "switching back to the first edition")
        try load(.commitments, "commitments.csv")
        try Self.expectEquivalent(db, "reloading the commitments")
        try db.execute("UPDATE postcode_districts SET share = 1 WHERE outward_code LIKE 'WA%'")
        try Self.expectEquivalent(db, "postcode district shares changed through SQL")
        try load(.postcodes, "postcode_districts.csv")
        try Self.expectEquivalent(db, "reloading the postcode districts")
        #expect(try db.scalar(triggers).string == freshTriggers, "a load left the triggers other than it found them")
    }
}
