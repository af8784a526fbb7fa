import SVWDatabase

/// One pre-aggregated table the analyses read instead of re-deriving it: its name, the
/// tables it is derived from, and the SQL that rebuilds it from them.
public struct Rollup: Sendable {
    /// The rollup table's name.
    public let table: String
    /// Tables whose every insert, update and delete marks it stale.
    public let sources: [String]
    /// Whether a change of measures edition marks it stale too.
    public let followsEdition: Bool
    /// The SELECT whose rows it holds.
    public let query: String
    /// Its indexes: name and the statement that creates it. A rebuild drops them and creates
    /// them again after the insert, as one sort each rather than a B-tree insert per row.
    public var indexes: [(name: String, sql: String)] = []

    /// The `settings` key holding `fresh` or `stale`.
    public var stateKey: String { "rollup:" + table }

    /// The statements that rebuild it (what `help rollups` shows).
    public var definition: String { "\(emptying)INSERT INTO \(table)\n\(query);\n\(finishing)" }

    /// The statements before its rows go in: the old rows and indexes removed.
    var emptying: String { "DELETE FROM \(table);\n" + indexes.map { "DROP INDEX \($0.name);\n" }.joined() }

    /// The statements after its rows are in: its indexes created and its state set fresh.
    var finishing: String {
        indexes.map { $0.sql + ";\n" }.joined() + "UPDATE settings SET value = 'fresh' WHERE key = '\(stateKey)';"
    }
}

/// Pre-aggregated data the analyses read instead of joining every commitment to its
/// contract and measure, and every supplier to its district's geography:
///
/// - `rollup_contracts`: one row per contract with what aggregate analyses read of it and
///   its commitments' social value (committed and delivered pence in the active measures
///   edition, in total and per TOMs theme, and what compliance's lag check counts);
/// - `rollup_supplier_geography`: the `supplier_geography` view's GM status, authority and
///   area per supplier, copied from the view — so however the view defines GM status, the
///   rollup follows it.
///
/// A rollup is derived, never edited: `rebuild` recomputes it with the SQL `help rollups`
/// shows. Triggers on every table it is derived from (and on a change of measures edition)
/// mark it stale, whoever changes them — svw or any other SQLite client — and
/// `refreshIfStale` rebuilds it before the next analysis. Loads leave it stale, so a run
/// of loads costs one rebuild, not one each.
public enum Rollups {
    /// Column name stems of the per-theme columns: `jobs_committed`, `growth_delivered`…
    public static func themeColumn(_ theme: String) -> String { theme.lowercased() }

    /// Per contract: committed and delivered pence, per theme, and lag counts.
    public static let contracts = Rollup(
        table: "rollup_contracts", sources: ["contracts", "commitments", "measures"], followsEdition: true,
        query: contractsQuery, indexes: [
            // A year's distinct winning suppliers, read in order instead of sorted.
            ("rollup_contracts_supplier", "CREATE INDEX rollup_contracts_supplier ON rollup_contracts(year_start, supplier_id)"),
            // Contracts largest first (weighting --below, and the count of contracts over a value with
            // no commitments), on -value_pence, which only those ask for: a query filtering on
            // value_pence reads the table in key order rather than look up every contract through
            // this index. value_pence itself makes the index answer those queries alone.
            ("rollup_contracts_value", """
                CREATE INDEX rollup_contracts_value ON rollup_contracts(-value_pence, contract_id, sv_weighting, value_pence, commitments)
                """),
            // Contracts by their largest shortfall (compliance --list lagging).
            ("rollup_contracts_shortfall", "CREATE INDEX rollup_contracts_shortfall ON rollup_contracts(max_shortfall_pence DESC, end_date)"),
        ])

    /// Each supplier's GM status, authority, area and the rule that placed it (`placed_by`),
    /// copied from the `supplier_geography` view, and whether it is a full postcode the
    /// postcode index does not list in a district touching GM (`unlisted`).
    public static let supplierGeography = Rollup(
        table: "rollup_supplier_geography", sources: ["suppliers", "postcode_districts", "postcode_index"], followsEdition: false,
        query: """
            SELECT supplier_id, gm_status, authority, area, placed_by,
                   placed_by = 'district' AND length(postcode) > length(district)
                     AND district IN (SELECT outward_code FROM postcode_districts)
              FROM supplier_geography ORDER BY supplier_id
            """)

    /// Per financial year, per partner and for all partners together (partner NULL): the
    /// headline's figures, so headline and trend with no filter but year and partner read a
    /// few rows. Built from the two rollups above, after them.
    public static let years = Rollup(
        table: "rollup_years",
        sources: ["contracts", "commitments", "measures", "suppliers", "postcode_districts", "postcode_index", "further_suppliers"],
        followsEdition: true, query: yearsQuery)

    /// Contracts and value per financial year, partner, category, weighting, policy flags and
    /// whether the contract is worth more than £25k and £50k: the few rows the weighting
    /// analyses and compliance's flag checks add up.
    public static let contractCells = Rollup(
        table: "rollup_contract_cells", sources: ["contracts"], followsEdition: false,
        query: """
            SELECT year_start, partner, category, sv_weighting, value_pence > \(applicableThresholdPence),
                   value_pence > \(portalThresholdPence), sv_considered, sv_kpis, portal, count(*), sum(value_pence)
              FROM rollup_contracts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
            """)

    /// Per financial year, partner, category and end date, the lag counts of the contracts'
    /// commitments: what compliance's lag check adds up for the contracts ended by a date.
    public static let lagCells = Rollup(
        table: "rollup_lag_cells", sources: ["contracts", "commitments", "measures"], followsEdition: true,
        query: """
            SELECT year_start, partner, category, end_date, sum(commitments), sum(lagging), sum(undelivered), sum(shortfall_pence)
              FROM rollup_contracts WHERE end_date IS NOT NULL AND commitments > 0 GROUP BY 1, 2, 3, 4
            """)

    /// Per financial year, partner, category and measure code: commitments, units and their
    /// value in the active edition (the commitments' own pence, added up), for `themes --by measure`.
    public static let measureCells = Rollup(
        table: "rollup_measure_cells", sources: ["contracts", "commitments", "measures"], followsEdition: true,
        query: """
            SELECT \(Schema.financialYearStart(of: "c.award_date")), c.partner, c.category, v.measure_code,
                   count(*), sum(v.units_committed), sum(coalesce(v.units_delivered, 0)),
                   sum(v.committed_pence), sum(v.delivered_pence)
              FROM contracts c JOIN commitment_values v ON v.contract_id = c.contract_id
             GROUP BY 1, 2, 3, 4
            """)

    /// The latest reporting date of any commitment: compliance's default "as of". A rollup
    /// rather than an index on `commitments(reporting_date)`, which nothing else read: building
    /// that index took ~0.9 s of every 1M-contract commitments load, where this reads the
    /// table once per rebuild (~0.2 s).
    public static let reporting = Rollup(
        table: "rollup_reporting", sources: ["commitments"], followsEdition: false,
        query: "SELECT max(reporting_date) FROM commitments")

    /// In build order: a rollup may read those before it.
    public static let all = [contracts, supplierGeography, supplierWins, geography, years, contractCells, lagCells, measureCells,
                             reporting]

    /// The rollups the first rollups migration created (its triggers and state rows are
    /// generated from this list, so it never changes); later ones are `added`.
    static let first = [contracts, supplierGeography, years, contractCells, lagCells]
    /// The rollups the second rollups migration created.
    static let added = [supplierWins, geography, measureCells]

    /// The thresholds `rollup_years` counts and weights by: the policy's (Analysis's
    /// `Policy`, which a test holds equal), as the headline uses no others.
    public static let applicableThresholdPence: Int64 = 25_000_00
    /// The contract value above which the Portal should be used, as `rollup_years` counts it.
    public static let portalThresholdPence: Int64 = 50_000_00

    /// Every rollup's definition, in order (what `help rollups` prints).
    public static var definition: String { all.map(\.definition).joined(separator: "\n") }

    private static var contractsQuery: String {
        let themeSums = Schema.themes.map { theme -> String in
            let c = themeColumn(theme)
            return """
                           sum(v.theme = '\(theme)') AS \(c)_commitments,
                           sum(CASE WHEN v.theme = '\(theme)' THEN v.committed_pence END) AS \(c)_committed,
                           sum(CASE WHEN v.theme = '\(theme)' THEN v.delivered_pence END) AS \(c)_delivered
            """
        }.joined(separator: ",\n")
        return """
            SELECT \(Schema.financialYearStart(of: "c.award_date")), c.award_date, c.contract_id, c.partner, c.category,
                   c.supplier_id, c.value_pence, c.sv_weighting, c.end_date, c.sv_considered, c.portal, c.sv_kpis,
                   coalesce(k.commitments, 0), k.committed_pence, k.delivered_pence, coalesce(k.unvalued, 0),
                   coalesce(k.lagging, 0), coalesce(k.undelivered, 0), k.shortfall_pence,
                   \(themeColumnNames.map { "k." + $0 }.joined(separator: ", ")), k.max_shortfall_pence
              FROM contracts c
              LEFT JOIN (
                SELECT v.contract_id, count(*) AS commitments,
                       sum(v.committed_pence) AS committed_pence, sum(v.delivered_pence) AS delivered_pence,
                       sum(v.committed_pence IS NULL) AS unvalued,
                       sum(v.units_delivered < v.units_committed) AS lagging,
                       sum(v.units_delivered IS NULL) AS undelivered,
                       sum(CASE WHEN v.units_delivered < v.units_committed
                                THEN v.committed_pence - v.delivered_pence END) AS shortfall_pence,
                       max(CASE WHEN v.units_delivered < v.units_committed
                                THEN v.committed_pence - v.delivered_pence END) AS max_shortfall_pence,
            \(themeSums)
                  FROM commitment_values v
                 WHERE v.contract_id IS NOT NULL
                 GROUP BY v.contract_id
              ) k ON k.contract_id = c.contract_id
             ORDER BY c.contract_id
            """
    }

    /// The per-theme columns both `rollup_contracts` and `rollup_years` carry, in order.
    static var themeColumnNames: [String] {
        Schema.themes.map(themeColumn).flatMap { ["\($0)_commitments", "\($0)_committed", "\($0)_delivered"] }
    }

    /// Per financial year and partner (partner NULL: every partner), the distinct winning
    /// suppliers (lead or further), those in GM and those of unknown GM status, from `rollup_geography`.
    static let winnersQuery = """
        SELECT year_start, partner, sum(suppliers) AS suppliers,
                   sum(CASE WHEN gm_status = 'GM' THEN suppliers ELSE 0 END) AS gm_suppliers,
                   sum(CASE WHEN gm_status = 'unknown' THEN suppliers ELSE 0 END) AS unknown_suppliers
              FROM rollup_geography WHERE year_start IS NOT NULL GROUP BY year_start, partner
        """

    private static var yearsQuery: String {
        let app = applicableThresholdPence
        let sums = """
            count(*), sum(value_pence), sum(value_pence > \(app)), sum(value_pence > \(portalThresholdPence)),
                   sum(CASE WHEN value_pence > \(app) THEN sv_weighting END),
                   count(CASE WHEN value_pence > \(app) THEN sv_weighting END),
                   sum(CASE WHEN value_pence > \(app) THEN sv_weighting * value_pence END),
                   sum(CASE WHEN value_pence > \(app) AND sv_weighting IS NOT NULL THEN value_pence END),
                   sum(committed_pence), sum(delivered_pence), sum(unvalued), sum(commitments),
                   \(themeColumnNames.map { "sum(\($0))" }.joined(separator: ", "))
            """
        return """
            WITH cells AS (
                SELECT year_start, partner, \(sums) FROM rollup_contracts GROUP BY year_start, partner
                UNION ALL
                SELECT year_start, NULL, \(sums) FROM rollup_contracts GROUP BY year_start
            ),
            -- distinct winning suppliers (lead or further) per year and partner and per year, from rollup_geography
            winners AS (
                \(winnersQuery)
            )
            SELECT c.*, coalesce(w.suppliers, 0), coalesce(w.gm_suppliers, 0), coalesce(w.unknown_suppliers, 0)
              FROM cells c LEFT JOIN winners w ON w.year_start = c.year_start AND w.partner IS c.partner
             ORDER BY 1, 2
            """
    }

    /// Marks every rollup stale, so each is rebuilt before it is next read.
    static func markAllStale(_ db: Database) throws {
        for rollup in all {
            try db.run("INSERT INTO settings(key, value) VALUES (?1, 'stale') ON CONFLICT(key) DO UPDATE SET value = 'stale'",
                       [rollup.stateKey])
        }
    }

    /// Marks stale every rollup derived from `table`, as its triggers would on a change: a
    /// bulk load does it once, up front, and suspends those triggers (see `stalenessTriggers`).
    public static func markStale(derivedFrom table: String, _ db: Database) throws {
        for rollup in all where rollup.sources.contains(table) {
            try db.run("UPDATE settings SET value = 'stale' WHERE key = ?1", [rollup.stateKey])
        }
    }

    /// The names of the triggers by which a change to `table` marks rollups stale.
    public static func stalenessTriggers(on table: String) -> [String] {
        all.filter { $0.sources.contains(table) }.flatMap { rollup in
            ["insert", "update", "delete"].map { "\(rollup.table)_stale_\(table)_\($0)" }
        }
    }

    /// Whether a change has made `rollup` out of date.
    public static func isStale(_ rollup: Rollup, _ db: Database) throws -> Bool {
        try db.scalar("SELECT value FROM settings WHERE key = ?1", [rollup.stateKey]).string != "fresh"
    }

    /// Whether any rollup is out of date.
    public static func anyStale(_ db: Database) throws -> Bool {
        try all.contains { try isStale($0, db) }
    }

    /// Whether a second connection to `db`'s file reads the tables as `db` does, so the
    /// contract pass can read commitments through it on a second thread: a file (an in-memory
    /// database has no second connection), in WAL mode (where it reads while this one
    /// writes), with no transaction open here (whose changes it would not see).
    public static func secondConnectionReadsAlike(_ db: Database) throws -> Bool {
        try !db.isInMemory && db.isAutocommit && db.scalar("PRAGMA journal_mode").string?.lowercased() == "wal"
    }

    /// The page cache a rebuild works with, in KiB.
    static let rebuildCacheKiB = 8192

    /// Recomputes every stale rollup from the core tables, all or nothing (inside a load's
    /// transaction it is undone with the load).
    /// - Parameter twoThreads: let the contract pass add up commitments on a second thread
    ///   where it can (`secondConnectionReadsAlike`); tests turn it off to compare the two ways.
    /// - Parameter rollups: those to bring up to date, when a command reads no others.
    public static func refreshIfStale(_ db: Database, twoThreads: Bool = true, only rollups: [Rollup] = all) throws {
        let stale = try rollups.filter { try isStale($0, db) }
        guard !stale.isEmpty else { return }
        // The contract pass reads each contract's commitments through their index.
        try PendingIndexes.build(db)
        let pipelined = try twoThreads && secondConnectionReadsAlike(db)
        // An 8 MB page cache for the rebuild, as for a load: the passes read each table once in
        // order, and the sorts spill to temporary files instead of holding the workspace's 64 MB
        // cache and as much again of sorter memory (1M contracts: 240 → 136 MB peak, same time).
        // SQLite's sorter may take the machine's other core for the index builds and the
        // supplier pass's sort, which have that core to themselves.
        try Upkeep.reporting(Upkeep.Step("rollups")) {
            try db.with(pragma: "cache_size", -Int64(rebuildCacheKiB)) {
                try db.with(pragma: "threads", Int64(PendingIndexes.sortThreads)) {
                    try db.transaction {
                        try rebuild(stale, db, twoThreads: pipelined)
                        // The commit, and the checkpoint after it copying the WAL into the file, take ~1.3 s on 1M contracts.
                        Upkeep.step("rollups: saving")
                    }
                }
            }
        }
    }

    /// Rebuilds the `stale` rollups, in one transaction the caller opened.
    private static func rebuild(_ stale: [Rollup], _ db: Database, twoThreads: Bool) throws {
        // Each pass rebuilds its rollups together (in Swift; see ContractPass and SupplierPass).
        // The contract pass goes first, as the others read rollup_contracts, and adds up
        // rollup_years' contract figures, written once rollup_geography is fresh.
        let contractPassRollups = Set(ContractPass.rollups.map(\.table))
        let contractPass = stale.contains { contractPassRollups.contains($0.table) } ? try ContractPass.run(db, twoThreads: twoThreads) : nil
        var done = contractPass == nil ? [] : contractPassRollups
        for rollup in stale where !done.contains(rollup.table) {
            if let contractPass, rollup.table == years.table {
                try contractPass.writeYears(db)
            } else if rollup.table == supplierWins.table {
                Upkeep.step("rollups: suppliers")
                try SupplierPass.run(db)
                done.formUnion(SupplierPass.rollups.map(\.table))
            } else {
                Upkeep.step("rollups: " + rollup.table.split(separator: "_").dropFirst().joined(separator: " "))
                try db.execute(rollup.definition)
            }
        }
    }
}

