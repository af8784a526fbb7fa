import SVWDatabase

/// One pass over every (award, winning supplier), in supplier id order, merged with
/// `rollup_supplier_geography`, that adds up `rollup_geography` as it goes and writes the
/// rows of suppliers outside GM to `rollup_supplier_wins`. It gives exactly the rows their
/// SQL (`help rollups`) gives — a test holds them equal — without that SQL's four GROUP BYs
/// over a million rows and the sort of some two million rows (every supplier's, in each
/// scope) to add them up per place: a supplier's wins are added up while they are in hand,
/// and its rows into a few hundred cells. Reads `rollup_contracts` and
/// `rollup_supplier_geography`, which must be fresh.
enum SupplierPass {
    /// The rollups the pass writes in full, in place of their SQL.
    static let rollups = [Rollups.supplierWins, Rollups.geography]

    static func run(_ db: Database) throws {
        for rollup in rollups { try db.execute(rollup.emptying) }
        let wins = try db.prepare("WITH \(Rollups.winsCTE) SELECT supplier_id, year_start, partner, sole, share_pence FROM wins ORDER BY supplier_id")
        let places = try db.prepare("""
            SELECT supplier_id, gm_status, authority, area, placed_by, unlisted FROM rollup_supplier_geography ORDER BY supplier_id
            """)
        let insert = try db.prepare("INSERT INTO rollup_supplier_wins VALUES (\((1...11).map { "?\($0)" }.joined(separator: ", ")))")
        var years = ScopeCodes(), partners = ScopeCodes()
        var geography = GeographyCells()
        /// A supplier's cells in each year and partner, then in the wider scopes too: a few, looked up in turn.
        var cells: [(scope: Scope, cell: Cell)] = [], scopes: [(scope: Scope, cell: Cell)] = []
        var pending = try wins.step()
        while pending, try places.step() {
            while pending, wins.compareText(0, with: places, 0) < 0 { pending = try wins.step() }   // a supplier not in suppliers joins nothing
            cells.removeAll(keepingCapacity: true)
            while pending, wins.compareText(0, with: places, 0) == 0 {
                let i = Self.index(of: Scope(year: years.code(wins, 1), partner: partners.code(wins, 2)), in: &cells)
                try cells[i].cell.add(wins)
                pending = try wins.step()
            }
            guard !cells.isEmpty else { continue }
            // The four scopes: each year and partner, each year, each partner, everything.
            scopes = cells
            for (scope, cell) in cells {
                for wider in [Scope(year: scope.year, partner: ScopeCodes.all), Scope(year: ScopeCodes.all, partner: scope.partner),
                              Scope(year: ScopeCodes.all, partner: ScopeCodes.all)] {
                    let i = Self.index(of: wider, in: &scopes)
                    try scopes[i].cell.add(cell)
                }
            }
            // In the order of the scopes' values, so the rows come out the same every time.
            scopes.sort { SQLValue.sqliteOrder([years.value($0.scope.year), partners.value($0.scope.partner)],
                                               [years.value($1.scope.year), partners.value($1.scope.partner)]) }
            let place = geography.place(of: places)
            let unlisted = places.value(5)
            let outside = places.withText(1) { $0.elementsEqual("outside".utf8) }
            for (scope, cell) in scopes {
                try geography.add(scope, place: place, unlisted: unlisted, cell)
                guard outside else { continue }
                try insert.bind(years.value(scope.year), at: 1)
                try insert.bind(partners.value(scope.partner), at: 2)
                for column in 0...5 { try insert.bind(columnOf: places, column, at: 3 + column) }
                for (i, value) in cell.values.enumerated() { try insert.bind(value, at: 9 + i) }
                try insert.step()
                insert.reset()
            }
        }
        try geography.write(db, years: years, partners: partners)
        for rollup in rollups { try db.execute(rollup.finishing) }
    }

    /// Where the cell of `scope` is among a supplier's `cells`, added if it is not there yet.
    private static func index(of scope: Scope, in cells: inout [(scope: Scope, cell: Cell)]) -> Int {
        if let i = cells.firstIndex(where: { $0.scope == scope }) { return i }
        cells.append((scope, Cell()))
        return cells.count - 1
    }
}

/// Codes of a scope's years or partners: NULL (every year, every partner) is `all`.
private struct ScopeCodes {
    static let all: Int32 = -1
    private var codes = ValueCodes()

    mutating func code(_ row: Statement, _ column: Int) -> Int32 {
        row.storageClass(column) == .null ? Self.all : codes.code(row, column)
    }

    func value(_ code: Int32) -> SQLValue { code == Self.all ? .null : codes.values[Int(code)] }
}

/// A financial year and partner, by their codes; either `ScopeCodes.all` for all of them.
private struct Scope: Hashable {
    let year: Int32
    let partner: Int32
}

/// A supplier's awards in a scope: how many, how many it won alone, and its share of their value.
private struct Cell {
    var contracts = SQLSum(), sole = SQLSum(), awarded = SQLSum()

    /// Adds one award (a row of the wins query).
    mutating func add(_ row: Statement) throws {
        try contracts.add(Int64(1))
        try sole.add(row.value(3))
        try awarded.add(row.value(4))
    }

    /// Adds a narrower scope's totals.
    mutating func add(_ other: Cell) throws {
        try contracts.add(other.contracts.value)
        try sole.add(other.sole.value)
        try awarded.add(other.awarded.value)
    }

    var values: [SQLValue] { [contracts.value, sole.value, awarded.value] }
}

/// `rollup_geography`'s sums per scope and place (GM status, authority, area, placing rule),
/// places numbered so a supplier's rows look their cell up by a number.
private struct GeographyCells {
    private var statuses = ValueCodes(), authorities = ValueCodes(), areas = ValueCodes(), rules = ValueCodes()
    private var places = Numbering<Place>()
    private var sums: [Key: [SQLSum]] = [:]

    /// Codes of a GM status, authority, area and placing rule.
    private struct Place: Hashable {
        let status: Int32, authority: Int32, area: Int32, rule: Int32
    }

    private struct Key: Hashable {
        let scope: Scope
        let place: Int32
    }

    /// The number of the place in columns 1–4 of `row` (a row of `rollup_supplier_geography`).
    mutating func place(of row: Statement) -> Int32 {
        places.number(of: Place(status: statuses.code(row, 1), authority: authorities.code(row, 2), area: areas.code(row, 3),
                                rule: rules.code(row, 4)))
    }

    /// Adds one supplier's row of a scope: its unlisted flag, its awards won alone and its value.
    mutating func add(_ scope: Scope, place: Int32, unlisted: SQLValue, _ cell: Cell) throws {
        try sums[Key(scope: scope, place: place), default: Array(repeating: SQLSum(), count: 4)]
            .add([.integer(1), unlisted, cell.sole.value, cell.awarded.value])
    }

    func write(_ db: Database, years: ScopeCodes, partners: ScopeCodes) throws {
        let rows = sums.map { key, sums in
            let place = places[key.place]
            return [years.value(key.scope.year), partners.value(key.scope.partner), statuses.values[Int(place.status)],
                    authorities.values[Int(place.authority)], areas.values[Int(place.area)], rules.values[Int(place.rule)]]
                + sums.map(\.value)
        }
        try ContractPass.insert(rows.sorted(by: SQLValue.sqliteOrder), into: Rollups.geography.table, db)
    }
}
