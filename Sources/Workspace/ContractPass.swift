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
struct ContractPass {
    /// The rollups the pass writes in full, in place of their SQL.
    static let rollups = [Rollups.contracts, Rollups.contractCells, Rollups.lagCells, Rollups.measureCells]

    /// Per financial year and partner, and per year with partner NULL: the contract sums of
    /// `rollup_years`, in its column order (what its `cells` CTE adds up).
    private var years: [[SQLValue]: [SQLSum]] = [:]
    private var contractCells: [[SQLValue]: [SQLSum]] = [:]
    private var lagCells: [[SQLValue]: [SQLSum]] = [:]
    /// `rollup_measure_cells`' sums by (year, partner, category) — numbered, so a commitment
    /// looks its cell up by a number and its measure code rather than by four values — and measure.
    private var measureSums: [MeasureKey: MeasureSums] = [:]
    private var measureCellKeys: [[SQLValue]] = []
    private var measureCellIndexes: [[SQLValue]: Int] = [:]

    private mutating func measureCellIndex(year: SQLValue, partner: SQLValue, category: SQLValue) -> Int {
        let key = [year, partner, category]
        if let index = measureCellIndexes[key] { return index }
        measureCellKeys.append(key)
        measureCellIndexes[key] = measureCellKeys.count - 1
        return measureCellKeys.count - 1
    }

    /// Runs the pass: writes its rollups (marking them fresh) and keeps the year sums for `writeYears`.
    static func run(_ db: Database) throws -> ContractPass {
        var pass = ContractPass()
        for rollup in rollups { try db.execute(rollup.emptying) }
        let contracts = try db.prepare(contractsSQL)
        let commitments = try db.prepare(commitmentsSQL)
        let insert = try db.prepare("INSERT INTO rollup_contracts VALUES (\((1...35).map { "?\($0)" }.joined(separator: ", ")))")
        var pending = try commitments.step()
        while try contracts.step() {
            var totals = ContractTotals()
            let contract = (0..<17).map(contracts.value)
            let cell = pass.measureCellIndex(year: contract[0], partner: contract[3], category: contract[4])
            // Commitments of contracts that do not exist (only possible with foreign keys off) join nothing.
            while pending, commitments.compareText(0, with: contracts, 2) < 0 { pending = try commitments.step() }
            while pending, commitments.compareText(0, with: contracts, 2) == 0 {
                try totals.add(commitments)
                try pass.measureSums[MeasureKey(cell: cell, measure: commitments.value(7)), default: MeasureSums()].add(commitments)
                pending = try commitments.step()
            }
            let figures = totals.figures
            for column in 0..<12 { try insert.bind(columnOf: contracts, column, at: column + 1) }
            for (i, value) in figures.enumerated() { try insert.bind(value, at: 13 + i) }
            try insert.step()
            insert.reset()
            try pass.add(contract, figures)
        }
        let measureRows = pass.measureSums.map { key, sums in pass.measureCellKeys[key.cell] + [key.measure] + sums.values }
        try Self.insert(measureRows.sorted(by: SQLValue.sqliteOrder), into: Rollups.measureCells.table, db)
        try Self.write(pass.contractCells, into: Rollups.contractCells.table, db)
        try Self.write(pass.lagCells, into: Rollups.lagCells.table, db)
        for rollup in rollups { try db.execute(rollup.finishing) }
        return pass
    }

    /// Writes `rollup_years` from the pass's sums and `rollup_geography`'s winners (which
    /// must be fresh), as its SQL does, and marks it fresh.
    func writeYears(_ db: Database) throws {
        try db.execute(Rollups.years.emptying)
        var winners: [[SQLValue]: [SQLValue]] = [:]
        for row in try db.query(Rollups.winnersQuery).rows { winners[Array(row[0..<2])] = Array(row[2...]) }
        let zero = [SQLValue](repeating: .integer(0), count: 3)
        let rows = years.map { key, sums in key + sums.map(\.value) + (winners[key] ?? zero) }
        try Self.insert(rows.sorted(by: SQLValue.sqliteOrder), into: Rollups.years.table, db)
        try db.execute(Rollups.years.finishing)
    }

    /// Adds one contract, with its commitments' figures, into the cells it belongs to.
    private mutating func add(_ c: [SQLValue], _ figures: [SQLValue]) throws {
        let (year, partner, category) = (c[0], c[3], c[4])
        try contractCells[[year, partner, category, c[7], c[12], c[13], c[9], c[11], c[10]], default: Self.sums(2)]
            .add([.integer(1), c[6]])
        // figures: commitments, committed, delivered, unvalued, lagging, undelivered, shortfall, themes…, max shortfall
        if !c[8].isNull, figures[0] != .integer(0) {
            try lagCells[[year, partner, category, c[8]], default: Self.sums(4)].add([figures[0], figures[4], figures[5], figures[6]])
        }
        let appWeighting = c[14]
        let yearFigures = [.integer(1), c[6], c[12], c[13], appWeighting, .integer(appWeighting.isNull ? 0 : 1), c[15], c[16],
                           figures[1], figures[2], figures[3], figures[0]] + figures[7..<(7 + 3 * Schema.themes.count)]
        for scope in [partner, .null] {
            try years[[year, scope], default: Self.sums(yearFigures.count)].add(yearFigures)
        }
    }

    private static func sums(_ n: Int) -> [SQLSum] { Array(repeating: SQLSum(), count: n) }

    /// Writes cells sorted by their key, as the SQL's GROUP BY gives them.
    private static func write(_ cells: [[SQLValue]: [SQLSum]], into table: String, _ db: Database) throws {
        try insert(cells.map { $0.key + $0.value.map(\.value) }.sorted(by: SQLValue.sqliteOrder), into: table, db)
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

    /// Every commitment of a contract, in contract id order, valued in the active edition.
    static let commitmentsSQL = """
        SELECT contract_id, theme, committed_pence, delivered_pence,
               units_delivered < units_committed, units_delivered IS NULL,
               CASE WHEN units_delivered < units_committed THEN committed_pence - delivered_pence END,
               measure_code, units_committed, coalesce(units_delivered, 0)
          FROM commitment_values WHERE contract_id IS NOT NULL ORDER BY contract_id
        """
}

extension Array where Element == SQLSum {
    /// Adds one value to each sum, in order.
    mutating func add(_ values: [SQLValue]) throws {
        for (i, value) in values.enumerated() { try self[i].add(value) }
    }
}

private struct MeasureKey: Hashable {
    let cell: Int
    let measure: SQLValue
}

/// A measure cell's commitments, units committed and delivered (none reported: 0), and pence.
private struct MeasureSums {
    var commitments: Int64 = 0
    var unitsCommitted = SQLSum(), unitsDelivered = SQLSum(), committed = SQLSum(), delivered = SQLSum()

    mutating func add(_ row: Statement) throws {
        commitments += 1
        try unitsCommitted.add(row.value(8))
        try unitsDelivered.add(row.value(9))
        try committed.add(row.value(2))
        try delivered.add(row.value(3))
    }

    var values: [SQLValue] { [.integer(commitments), unitsCommitted.value, unitsDelivered.value, committed.value, delivered.value] }
}

/// One contract's commitments added up as `rollup_contracts`' subquery `k` adds them.
private struct ContractTotals {
    var commitments: Int64 = 0
    var committed = SQLSum(), delivered = SQLSum(), lagging = SQLSum(), shortfall = SQLSum()
    var unvalued: Int64 = 0, undelivered: Int64 = 0
    var maxShortfall = SQLMax()
    /// Per theme: commitments, committed and delivered pence.
    var themes = Array(repeating: [SQLSum](repeating: SQLSum(), count: 3), count: Schema.themes.count)

    /// Adds the commitment `row` is on (a row of `ContractPass.commitmentsSQL`).
    mutating func add(_ row: Statement) throws {
        let committedPence = row.value(2), deliveredPence = row.value(3)
        commitments += 1
        try committed.add(committedPence)
        try delivered.add(deliveredPence)
        if committedPence.isNull { unvalued += 1 }
        try lagging.add(row.value(4))
        if row.value(5) == .integer(1) { undelivered += 1 }
        let short = row.value(6)
        try shortfall.add(short)
        maxShortfall.add(short)
        guard case .text(let theme) = row.value(1) else { return }
        let index = Schema.themes.firstIndex(of: theme)
        for t in themes.indices {
            try themes[t][0].add(Int64(t == index ? 1 : 0))
            if t == index {
                try themes[t][1].add(committedPence)
                try themes[t][2].add(deliveredPence)
            }
        }
    }

    /// `rollup_contracts`' columns from `commitments` on, in order.
    var figures: [SQLValue] {
        func orZero(_ v: SQLValue) -> SQLValue { v.isNull ? .integer(0) : v }
        return [.integer(commitments), committed.value, delivered.value, .integer(unvalued), orZero(lagging.value),
                .integer(undelivered), shortfall.value] + themes.flatMap { $0.map(\.value) } + [maxShortfall.value]
    }
}
