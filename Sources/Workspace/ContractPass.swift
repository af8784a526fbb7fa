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

    /// Codes of the values cells are keyed by (see `ValueCodes`).
    private var partners = ValueCodes(), categories = ValueCodes(), endDates = ValueCodes(), measures = ValueCodes()
    private var themes = ValueCodes()
    /// Per code of `themes`: the theme's index in `Schema.themes`, `ContractTotals.unknownTheme`
    /// for a text that is none of them, `ContractTotals.noTheme` for NULL.
    private var themeIndexes: [Int] = []

    /// Per financial year and partner, and per year with partner NULL: the contract sums of
    /// `rollup_years`, in its column order (what its `cells` CTE adds up).
    private var years: [YearKey: [SQLSum]] = [:]
    private var contractCells: [ContractCellKey: [SQLSum]] = [:]
    private var lagCells: [LagKey: [SQLSum]] = [:]
    private var measureSums: [MeasureKey: MeasureSums] = [:]
    /// A contract's `rollup_contracts` figures and its `rollup_years` figures, refilled per contract.
    private var figures: [SQLValue] = [], yearFigures: [SQLValue] = []

    /// Runs the pass: writes its rollups (marking them fresh) and keeps the year sums for `writeYears`.
    static func run(_ db: Database) throws -> ContractPass {
        var pass = ContractPass()
        for rollup in rollups { try db.execute(rollup.emptying) }
        let contracts = try db.prepare(contractsSQL)
        let commitments = try db.prepare(commitmentsSQL)
        let insert = try db.prepare("INSERT INTO rollup_contracts VALUES (\((1...35).map { "?\($0)" }.joined(separator: ", ")))")
        var pending = try commitments.step()
        var totals = ContractTotals()
        while try contracts.step() {
            totals.reset()
            let place = Place(year: contracts.value(0), partner: pass.partners.code(contracts, 3),
                              category: pass.categories.code(contracts, 4))
            // Commitments of contracts that do not exist (only possible with foreign keys off) join nothing.
            while pending, commitments.compareText(0, with: contracts, 2) < 0 { pending = try commitments.step() }
            while pending, commitments.compareText(0, with: contracts, 2) == 0 {
                try totals.add(commitments, theme: pass.themeIndex(commitments))
                try pass.measureSums[MeasureKey(place: place, measure: pass.measures.code(commitments, 7)), default: MeasureSums()]
                    .add(commitments)
                pending = try commitments.step()
            }
            totals.figures(into: &pass.figures)
            for column in 0..<12 { try insert.bind(columnOf: contracts, column, at: column + 1) }
            for (i, value) in pass.figures.enumerated() { try insert.bind(value, at: 13 + i) }
            try insert.step()
            insert.reset()
            try pass.add(contracts, place)
        }
        let measureRows = pass.measureSums.map { key, sums in pass.values(of: key.place) + [pass.measures.values[Int(key.measure)]] + sums.values }
        try Self.insert(measureRows.sorted(by: SQLValue.sqliteOrder), into: Rollups.measureCells.table, db)
        try Self.insert(pass.contractCells.map { key, sums in
            pass.values(of: key.place) + [key.weighting, key.over25k, key.over50k, key.considered, key.kpis, key.portal] + sums.map(\.value)
        }.sorted(by: SQLValue.sqliteOrder), into: Rollups.contractCells.table, db)
        try Self.insert(pass.lagCells.map { key, sums in
            pass.values(of: key.place) + [pass.endDates.values[Int(key.endDate)]] + sums.map(\.value)
        }.sorted(by: SQLValue.sqliteOrder), into: Rollups.lagCells.table, db)
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
        let rows = years.map { key, sums in
            let scope = [key.year, key.partner == YearKey.allPartners ? .null : partners.values[Int(key.partner)]]
            return scope + sums.map(\.value) + (winners[scope] ?? zero)
        }
        try Self.insert(rows.sorted(by: SQLValue.sqliteOrder), into: Rollups.years.table, db)
        try db.execute(Rollups.years.finishing)
    }

    /// A place's year, partner and category, as values.
    private func values(of place: Place) -> [SQLValue] {
        [place.year, partners.values[Int(place.partner)], categories.values[Int(place.category)]]
    }

    /// The theme of the commitment `row` is on, as `ContractTotals.add` takes it.
    private mutating func themeIndex(_ row: Statement) -> Int {
        let code = Int(themes.code(row, 1))
        while themeIndexes.count <= code {
            guard case .text(let theme) = themes.values[themeIndexes.count] else {
                themeIndexes.append(ContractTotals.noTheme)
                continue
            }
            themeIndexes.append(Schema.themes.firstIndex(of: theme) ?? ContractTotals.unknownTheme)
        }
        return themeIndexes[code]
    }

    /// Adds the contract `c` is on (a row of `contractsSQL`), with its commitments' figures
    /// (`figures`), into the cells it belongs to.
    private mutating func add(_ c: Statement, _ place: Place) throws {
        let value = c.value(6)
        let cell = ContractCellKey(place: place, weighting: c.value(7), over25k: c.value(12), over50k: c.value(13),
                                   considered: c.value(9), kpis: c.value(11), portal: c.value(10))
        try contractCells[cell, default: Self.sums(2)].add([.integer(1), value])
        // figures: commitments, committed, delivered, unvalued, lagging, undelivered, shortfall, themes…, max shortfall
        if !c.value(8).isNull, figures[0] != .integer(0) {
            let lag = LagKey(place: place, endDate: endDates.code(c, 8))
            try lagCells[lag, default: Self.sums(4)].add([figures[0], figures[4], figures[5], figures[6]])
        }
        let appWeighting = c.value(14)
        yearFigures.removeAll(keepingCapacity: true)
        yearFigures += [.integer(1), value, c.value(12), c.value(13), appWeighting, .integer(appWeighting.isNull ? 0 : 1),
                        c.value(15), c.value(16), figures[1], figures[2], figures[3], figures[0]]
        yearFigures += figures[7..<(7 + 3 * Schema.themes.count)]
        // A NULL partner (never, as contracts require one) falls in the every-partner cell, as the SQL's would.
        let partner = partners.values[Int(place.partner)].isNull ? YearKey.allPartners : place.partner
        for scope in [partner, YearKey.allPartners] {
            try years[YearKey(year: place.year, partner: scope), default: Self.sums(yearFigures.count)].add(yearFigures)
        }
    }

    private static func sums(_ n: Int) -> [SQLSum] { Array(repeating: SQLSum(), count: n) }

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

/// A contract's financial year, partner and category: what every cell of the pass is within.
private struct Place: Hashable {
    let year: SQLValue
    let partner: Int32, category: Int32
}

/// A cell of `rollup_contract_cells`: a place, the weighting, and the value and policy flags.
private struct ContractCellKey: Hashable {
    let place: Place
    let weighting: SQLValue, over25k: SQLValue, over50k: SQLValue, considered: SQLValue, kpis: SQLValue, portal: SQLValue
}

/// A cell of `rollup_lag_cells`: a place and an end date.
private struct LagKey: Hashable {
    let place: Place
    let endDate: Int32
}

/// A cell of `rollup_measure_cells`: a place and a measure code.
private struct MeasureKey: Hashable {
    let place: Place
    let measure: Int32
}

/// A row of `rollup_years`: a year, and a partner or every partner.
private struct YearKey: Hashable {
    static let allPartners: Int32 = -1
    let year: SQLValue
    let partner: Int32
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
    /// A commitment's theme is NULL (its measure is not in the active edition): no theme counts it.
    static let noTheme = -2
    /// Its theme is a text that is none of `Schema.themes`: every theme counts it as 0.
    static let unknownTheme = -1

    var commitments: Int64 = 0
    var committed = SQLSum(), delivered = SQLSum(), lagging = SQLSum(), shortfall = SQLSum()
    var unvalued: Int64 = 0, undelivered: Int64 = 0
    var maxShortfall = SQLMax()
    /// Per theme, three sums in a row: commitments, committed and delivered pence.
    var themes = [SQLSum](repeating: SQLSum(), count: 3 * Schema.themes.count)

    /// Back to no commitments, keeping the storage.
    mutating func reset() {
        commitments = 0
        committed = SQLSum(); delivered = SQLSum(); lagging = SQLSum(); shortfall = SQLSum()
        unvalued = 0; undelivered = 0
        maxShortfall = SQLMax()
        for i in themes.indices { themes[i] = SQLSum() }
    }

    /// Adds the commitment `row` is on (a row of `ContractPass.commitmentsSQL`), of the theme
    /// numbered `theme` (an index of `Schema.themes`, `unknownTheme` or `noTheme`).
    mutating func add(_ row: Statement, theme: Int) throws {
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
        guard theme != Self.noTheme else { return }
        for t in 0..<Schema.themes.count {
            try themes[3 * t].add(Int64(t == theme ? 1 : 0))
            if t == theme {
                try themes[3 * t + 1].add(committedPence)
                try themes[3 * t + 2].add(deliveredPence)
            }
        }
    }

    /// `rollup_contracts`' columns from `commitments` on, in order, into `figures`.
    func figures(into figures: inout [SQLValue]) {
        figures.removeAll(keepingCapacity: true)
        figures += [.integer(commitments), committed.value, delivered.value, .integer(unvalued),
                    lagging.value.isNull ? .integer(0) : lagging.value, .integer(undelivered), shortfall.value]
        for sum in themes { figures.append(sum.value) }
        figures.append(maxShortfall.value)
    }
}
