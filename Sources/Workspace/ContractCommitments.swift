import SVWDatabase

/// The commitments' half of the contract pass (`ContractPass`): every contract's
/// commitments added up, contract by contract in contract id order, into the figures
/// `rollup_contracts` holds of them, and every commitment into `rollup_measure_cells`.
/// It reads through a connection of its own when the pass runs it on a second thread.
final class ContractCommitments {
    private let contracts: Statement, commitments: Statement
    private var pending: Bool
    private var places = Places(), measures = ValueCodes(), themes = ValueCodes()
    /// Per code of `themes`: the theme's index in `Schema.themes`, `ContractTotals.unknownTheme`
    /// for a text that is none of them, `ContractTotals.noTheme` for NULL.
    private var themeIndexes: [Int] = []
    /// By place number and measure code.
    private var measureSums: [PackedKey: MeasureSums] = [:]
    private var totals = ContractTotals()
    private var figures: [SQLValue] = []

    init(_ db: Database) throws {
        contracts = try db.prepare("""
            SELECT contract_id, \(Schema.financialYearStart(of: "award_date")), partner, category FROM contracts ORDER BY contract_id
            """)
        commitments = try db.prepare(Self.commitmentsSQL)
        pending = try commitments.step()
    }

    /// Adds up the commitments of the next contracts, a row of figures each, until `batch` is
    /// full (true) or there are no more contracts (false).
    func fill(_ batch: ContractFigures) throws -> Bool {
        while !batch.isFull {
            guard try contracts.step() else { return false }
            totals.reset()
            let place = places.number(contracts, year: 1, partner: 2, category: 3)
            // Commitments of contracts that do not exist (only possible with foreign keys off) join nothing.
            while pending, commitments.compareText(0, with: contracts, 0) < 0 { pending = try commitments.step() }
            while pending, commitments.compareText(0, with: contracts, 0) == 0 {
                try totals.add(commitments, theme: themeIndex(commitments))
                try measureSums[PackedKey(place, measures.code(commitments, 7)), default: MeasureSums()].add(commitments)
                pending = try commitments.step()
            }
            totals.figures(into: &figures)
            batch.append(figures)
        }
        return true
    }

    /// The rows of `rollup_measure_cells`, in its GROUP BY's order.
    func measureRows() -> [[SQLValue]] {
        let placeRanks = places.ranks(), measureRanks = measures.ranks()
        return measureSums.map { key, sums in
            (rank: placeRanks[Int(key.high)] + [measureRanks[Int(key.low)]],
             row: places.values(of: key.high) + [measures.values[Int(key.low)]] + sums.values)
        }.sorted { $0.rank.lexicographicallyPrecedes($1.rank) }.map(\.row)
    }

    /// The theme of the commitment `row` is on, as `ContractTotals.add` takes it.
    private func themeIndex(_ row: Statement) -> Int {
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

    /// Every commitment of a contract, in contract id order, valued in the active edition.
    static let commitmentsSQL = """
        SELECT contract_id, theme, committed_pence, delivered_pence,
               units_delivered < units_committed, units_delivered IS NULL,
               CASE WHEN units_delivered < units_committed THEN committed_pence - delivered_pence END,
               measure_code, units_committed, coalesce(units_delivered, 0)
          FROM commitment_values WHERE contract_id IS NOT NULL ORDER BY contract_id
        """
}

/// Contracts' figures (`ContractTotals.figures`), a row of `width` values each, in contract
/// id order: what the commitments' half of the contract pass hands the half that writes.
final class ContractFigures: PipelineBatch {
    /// Values per contract: `rollup_contracts`' columns from `commitments` on.
    static let width = 7 + 3 * Schema.themes.count + 1
    private static let capacity = 2048
    private(set) var values: [SQLValue] = []

    init() { values.reserveCapacity(Self.capacity * Self.width) }

    var count: Int { values.count / Self.width }
    var isFull: Bool { count == Self.capacity }

    func append(_ figures: [SQLValue]) { values += figures }

    func reset() { values.removeAll(keepingCapacity: true) }

    /// Figure `k` of contract `i` of the batch.
    subscript(i: Int, k: Int) -> SQLValue { values[i * Self.width + k] }
}

/// A measure cell's commitments, units committed and delivered (none reported: 0), and pence.
private struct MeasureSums {
    var commitments: Int64 = 0
    var unitsCommitted = SQLSum(), unitsDelivered = SQLSum(), committed = SQLSum(), delivered = SQLSum()

    mutating func add(_ row: Statement) throws {
        commitments += 1
        try unitsCommitted.add(row, 8)
        try unitsDelivered.add(row, 9)
        try committed.add(row, 2)
        try delivered.add(row, 3)
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
    /// Whether any commitment had a theme (then each theme's count is a number, else NULL).
    var themed = false
    /// Per theme: its commitments, and two sums in a row: committed and delivered pence.
    var themeCounts = [Int64](repeating: 0, count: Schema.themes.count)
    var themeSums = [SQLSum](repeating: SQLSum(), count: 2 * Schema.themes.count)

    /// Back to no commitments, keeping the storage.
    mutating func reset() {
        commitments = 0
        committed = SQLSum(); delivered = SQLSum(); lagging = SQLSum(); shortfall = SQLSum()
        unvalued = 0; undelivered = 0
        maxShortfall = SQLMax()
        themed = false
        for i in themeCounts.indices { themeCounts[i] = 0 }
        for i in themeSums.indices { themeSums[i] = SQLSum() }
    }

    /// Adds the commitment `row` is on (a row of `ContractPass.commitmentsSQL`), of the theme
    /// numbered `theme` (an index of `Schema.themes`, `unknownTheme` or `noTheme`).
    mutating func add(_ row: Statement, theme: Int) throws {
        commitments += 1
        try committed.add(row, 2)
        try delivered.add(row, 3)
        if row.storageClass(2) == .null { unvalued += 1 }
        try lagging.add(row, 4)
        if row.storageClass(5) == .integer, row.int64(5) == 1 { undelivered += 1 }
        try shortfall.add(row, 6)
        if row.storageClass(6) != .null { maxShortfall.add(row.value(6)) }
        // `sum(v.theme = 'Jobs')`: NULL for a NULL theme, else 1 for its own theme and 0 for the others.
        guard theme != Self.noTheme else { return }
        themed = true
        guard theme != Self.unknownTheme else { return }
        themeCounts[theme] += 1
        try themeSums[2 * theme].add(row, 2)
        try themeSums[2 * theme + 1].add(row, 3)
    }

    /// `rollup_contracts`' columns from `commitments` on, in order, into `figures`.
    func figures(into figures: inout [SQLValue]) {
        figures.removeAll(keepingCapacity: true)
        figures += [.integer(commitments), committed.value, delivered.value, .integer(unvalued),
                    lagging.value.isNull ? .integer(0) : lagging.value, .integer(undelivered), shortfall.value]
        for t in themeCounts.indices {
            figures += [themed ? .integer(themeCounts[t]) : .null, themeSums[2 * t].value, themeSums[2 * t + 1].value]
        }
        figures.append(maxShortfall.value)
    }
}
