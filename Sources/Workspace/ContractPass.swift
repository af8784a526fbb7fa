import SVWDatabase

/// One pass over every contract and its commitments, both read in contract id order and
/// merged, that writes `rollup_contracts` and adds up `rollup_contract_cells`,
/// `rollup_lag_cells`, `rollup_measure_cells` and the contract figures of `rollup_years`
/// in memory as it goes. It gives exactly the rows their SQL (`help rollups`) gives — a test
/// holds them equal — at a fraction of the cost: SQLite has no hash aggregation, so that SQL
/// evaluates some thirty aggregate functions per commitment and sorts a million rows per
/// GROUP BY, where this reads each row once and adds into a few thousand cells.
/// SQL still works out every value per row (financial year, pence in the active edition,
/// lag flags); Swift only adds them up, with SQLite's own `sum()` rules (`SQLSum`).
/// On a workspace file the commitments are read and added up on a second thread
/// (`ContractCommitments`, through a connection of its own) while this one writes.
struct ContractPass {
    /// The rollups the pass writes in full, in place of their SQL.
    static let rollups = [Rollups.contracts, Rollups.contractCells, Rollups.lagCells, Rollups.measureCells]

    /// Codes of the values cells are keyed by (see `ValueCodes`).
    private var places = Places(), endDates = ValueCodes(), weightings = ValueCodes(), flags = ValueCodes()

    /// Per financial year and partner, and per year with partner NULL: the contract sums of
    /// `rollup_years`, in its column order (what its `cells` CTE adds up), found by the key
    /// of their year and partner codes (numbered by `yearRows`), and per place number by `yearRowsOfPlace`.
    private var yearSums: [[SQLSum]] = [], yearRows = Numbering<PackedKey>()
    /// Per place number: the rows of `yearSums` its contracts add into (its year and partner,
    /// and its year), once known.
    private var yearRowsOfPlace: [(own: Int, every: Int)?] = []
    private var contractCells: [ContractCellKey: [SQLSum]] = [:]
    /// By place number and end date code.
    private var lagCells: [PackedKey: [SQLSum]] = [:]
    /// A contract's `rollup_years` figures, refilled per contract.
    private var yearFigures: [SQLValue] = []

    /// Runs the pass: writes its rollups (marking them fresh) and keeps the year sums for `writeYears`.
    /// - Parameter twoThreads: add up the commitments on a second thread, through a connection
    ///   of its own, while this one writes: only when that connection reads what this one
    ///   does (see `Rollups.refreshIfStale`).
    static func run(_ db: Database, twoThreads: Bool) throws -> ContractPass {
        var pass = ContractPass()
        // The emptying takes the write lock, so a connection opened from here on reads
        // contracts and commitments as this one does: nobody else can change them.
        for rollup in rollups { try db.execute(rollup.emptying) }
        let contracts = try db.prepare(contractsSQL)
        let insert = try db.prepare("INSERT INTO rollup_contracts VALUES (\((1...35).map { "?\($0)" }.joined(separator: ", ")))")
        let progress = try Progress(db)
        /// Writes the contracts whose figures `batch` holds, and adds them into the cells.
        func write(_ batch: ContractFigures) throws {
            defer { progress.wrote(batch.count) }
            for i in 0..<batch.count {
                guard try contracts.step() else { throw Self.disagreement }
                for column in 0..<12 { try insert.bind(columnOf: contracts, column, at: column + 1) }
                for k in 0..<ContractFigures.width { try insert.bind(batch[i, k], at: 13 + k) }
                try insert.step()
                insert.reset()
                try pass.add(contracts, figures: batch, i)
            }
        }
        let measureRows: [[SQLValue]]
        if twoThreads, let commitments = Self.commitmentsOnAConnectionOfTheirOwn(db) {
            try BatchPipeline(batches: (0..<3).map { _ in ContractFigures() }).run(fill: commitments.fill, write: write)
            measureRows = commitments.measureRows()
        } else {
            let commitments = try ContractCommitments(db)
            let batch = ContractFigures()
            var more = true
            while more {
                batch.reset()
                more = try commitments.fill(batch)
                try write(batch)
            }
            measureRows = commitments.measureRows()
        }
        guard try !contracts.step() else { throw Self.disagreement }
        try Self.insert(measureRows, into: Rollups.measureCells.table, db)
        // In GROUP BY order, sorted by the ranks of the cells' codes rather than by their values.
        let places = pass.places.ranks(), weightings = pass.weightings.ranks(), flags = pass.flags.ranks()
        let endDates = pass.endDates.ranks()
        try Self.insert(pass.contractCells.map { key, sums in
            let flagCodes = [key.over25k, key.over50k, key.considered, key.kpis, key.portal]
            return (rank: places[Int(key.place)] + [weightings[Int(key.weighting)]] + flagCodes.map { flags[Int($0)] },
                    row: pass.places.values(of: key.place) + [pass.weightings.values[Int(key.weighting)]]
                        + flagCodes.map { pass.flags.values[Int($0)] } + sums.map(\.value))
        }.sorted { $0.rank.lexicographicallyPrecedes($1.rank) }.map(\.row), into: Rollups.contractCells.table, db)
        try Self.insert(pass.lagCells.map { key, sums in
            (rank: places[Int(key.high)] + [endDates[Int(key.low)]],
             row: pass.places.values(of: key.high) + [pass.endDates.values[Int(key.low)]] + sums.map(\.value))
        }.sorted { $0.rank.lexicographicallyPrecedes($1.rank) }.map(\.row), into: Rollups.lagCells.table, db)
        Upkeep.step("rollups: indexing contracts")
        for rollup in rollups { try db.execute(rollup.finishing) }
        return pass
    }

    /// How far the pass is through the contracts, told to `Upkeep` batch by batch: they are
    /// counted only when someone listens.
    private final class Progress {
        private let total: Int64
        private var written: Int64 = 0

        init(_ db: Database) throws {
            total = Upkeep.isReported ? try db.scalar("SELECT count(*) FROM contracts").int64 ?? 0 : 0
            Upkeep.step("rollups: contracts", fraction: total > 0 ? 0 : nil)
        }

        func wrote(_ count: Int) {
            guard total > 0 else { return }
            written += Int64(count)
            Upkeep.step("rollups: contracts", fraction: min(1, Double(written) / Double(total)))
        }
    }

    /// The commitments' half, reading through a read-only connection of its own to `db`'s file;
    /// nil when that connection cannot be had or cannot read (a folder the reader may not write
    /// its shared-memory file in, say): the pass then runs on one thread.
    private static func commitmentsOnAConnectionOfTheirOwn(_ db: Database) -> ContractCommitments? {
        guard let reader = try? Database(path: db.path, readOnly: true) else { return nil }
        try? reader.execute("PRAGMA cache_size = -\(Rollups.rebuildCacheKiB)")
        return try? ContractCommitments(reader)
    }

    /// The two halves read a different number of contracts: never, as the write lock keeps
    /// others from changing them, but a rollup built so would be wrong.
    private static let disagreement = SQLiteError(code: 1, message: "the rollups' rebuild read contracts twice and found them changed")

    /// Writes `rollup_years` from the pass's sums and `rollup_geography`'s winners (which
    /// must be fresh), as its SQL does, and marks it fresh.
    func writeYears(_ db: Database) throws {
        try db.execute(Rollups.years.emptying)
        var winners: [[SQLValue]: [SQLValue]] = [:]
        for row in try db.query(Rollups.winnersQuery).rows { winners[Array(row[0..<2])] = Array(row[2...]) }
        let zero = [SQLValue](repeating: .integer(0), count: 3)
        let rows = zip(yearRows.keys, yearSums).map { key, sums in
            let scope = [places.years.values[Int(key.high)], key.low == Self.allPartners ? .null : places.partners.values[Int(key.low)]]
            return scope + sums.map(\.value) + (winners[scope] ?? zero)
        }
        try Self.insert(rows.sorted(by: SQLValue.sqliteOrder), into: Rollups.years.table, db)
        try db.execute(Rollups.years.finishing)
    }

    /// The partner code of `rollup_years`' every-partner rows.
    private static let allPartners: Int32 = -1

    /// Adds the contract `c` is on (a row of `contractsSQL`), with its commitments' figures
    /// (contract `i` of `batch`), into the cells it belongs to.
    private mutating func add(_ c: Statement, figures batch: ContractFigures, _ i: Int) throws {
        let place = places.number(c, year: 0, partner: 3, category: 4)
        let value = c.value(6)
        let cell = ContractCellKey(place: place, weighting: weightings.code(c, 7), over25k: flags.code(c, 12), over50k: flags.code(c, 13),
                                   considered: flags.code(c, 9), kpis: flags.code(c, 11), portal: flags.code(c, 10))
        try Self.add(into: &contractCells[cell, default: Self.sums(2)], .integer(1), value)
        // figures: commitments, committed, delivered, unvalued, lagging, undelivered, shortfall, themes…, max shortfall
        let commitments = batch[i, 0]
        if c.storageClass(8) != .null, commitments != .integer(0) {
            try Self.add(into: &lagCells[PackedKey(place, endDates.code(c, 8)), default: Self.sums(4)],
                         commitments, batch[i, 4], batch[i, 5], batch[i, 6])
        }
        let appWeighting = c.value(14)
        yearFigures.removeAll(keepingCapacity: true)
        yearFigures += [.integer(1), value, c.value(12), c.value(13), appWeighting, .integer(appWeighting.isNull ? 0 : 1),
                        c.value(15), c.value(16), batch[i, 1], batch[i, 2], batch[i, 3], commitments]
        for k in 7..<(7 + 3 * Schema.themes.count) { yearFigures.append(batch[i, k]) }
        let rows = yearRows(of: place)
        try yearSums[rows.own].add(yearFigures)
        try yearSums[rows.every].add(yearFigures)
    }

    /// The rows of `yearSums` the contracts of the place numbered `place` add into.
    private mutating func yearRows(of place: Int32) -> (own: Int, every: Int) {
        if Int(place) < yearRowsOfPlace.count, let rows = yearRowsOfPlace[Int(place)] { return rows }
        // A NULL partner (never, as contracts require one) falls in the every-partner cell, as the SQL's would.
        let at = places[place]
        let partner = places.partners.values[Int(at.partner)].isNull ? Self.allPartners : at.partner
        let rows = (own: yearRow(PackedKey(at.year, partner)), every: yearRow(PackedKey(at.year, Self.allPartners)))
        while yearRowsOfPlace.count <= Int(place) { yearRowsOfPlace.append(nil) }
        yearRowsOfPlace[Int(place)] = rows
        return rows
    }

    private mutating func yearRow(_ key: PackedKey) -> Int {
        let row = Int(yearRows.number(of: key))
        if row == yearSums.count { yearSums.append(Self.sums(12 + 3 * Schema.themes.count)) }
        return row
    }

    private static func sums(_ n: Int) -> [SQLSum] { Array(repeating: SQLSum(), count: n) }

    /// Adds one value to each of the first sums, in order, without an array of them.
    private static func add(into sums: inout [SQLSum], _ a: SQLValue, _ b: SQLValue) throws {
        try sums[0].add(a)
        try sums[1].add(b)
    }

    private static func add(into sums: inout [SQLSum], _ a: SQLValue, _ b: SQLValue, _ c: SQLValue, _ d: SQLValue) throws {
        try sums[0].add(a)
        try sums[1].add(b)
        try sums[2].add(c)
        try sums[3].add(d)
    }

    /// Inserts rows, each a value per column of `table`.
    static func insert(_ rows: [[SQLValue]], into table: String, _ db: Database) throws {
        guard let width = rows.first?.count else { return }
        let insert = try db.prepare("INSERT INTO \(table) VALUES (\((1...width).map { "?\($0)" }.joined(separator: ", ")))")
        for row in rows {
            try insert.bind(row)
            try insert.step()
            insert.reset()
        }
    }

    /// Every contract, in id order, with what the rollups copy of it (columns 0–11, in
    /// `rollup_contracts`' order) and work out from it per row (12–16: over £25k, over
    /// £50k, and the weighting, weighting × value and value counted over £25k).
    static var contractsSQL: String {
        let app = Rollups.applicableThresholdPence
        return """
            SELECT \(Schema.financialYearStart(of: "award_date")), award_date, contract_id, partner, category,
                   supplier_id, value_pence, sv_weighting, end_date, sv_considered, portal, sv_kpis,
                   value_pence > \(app), value_pence > \(Rollups.portalThresholdPence),
                   CASE WHEN value_pence > \(app) THEN sv_weighting END,
                   CASE WHEN value_pence > \(app) THEN sv_weighting * value_pence END,
                   CASE WHEN value_pence > \(app) AND sv_weighting IS NOT NULL THEN value_pence END
              FROM contracts ORDER BY contract_id
            """
    }
}

/// A cell of `rollup_contract_cells`: a place number, and the codes of the weighting and of
/// the value and policy flags.
private struct ContractCellKey: Hashable {
    let place: Int32
    let weighting: Int32, over25k: Int32, over50k: Int32, considered: Int32, kpis: Int32, portal: Int32
}
