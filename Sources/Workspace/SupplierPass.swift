import SVWDatabase

/// One pass over every (award, winning supplier), in supplier id order, merged with
/// `rollup_supplier_geography`, that writes `rollup_supplier_wins` and adds up
/// `rollup_geography` as it goes. It gives exactly the rows their SQL (`help rollups`)
/// gives — a test holds them equal — without that SQL's four GROUP BYs over a million
/// rows and the sort of all two million rows of `rollup_supplier_wins` to add them up per
/// place: a supplier's wins are added up while they are in hand, and its rows into a few
/// hundred cells. Reads `rollup_contracts` and `rollup_supplier_geography`, which must be fresh.
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
        var geography = GeographyCells()
        var pending = try wins.step()
        while pending, try places.step() {
            while pending, wins.compareText(0, with: places, 0) < 0 { pending = try wins.step() }   // a supplier not in suppliers joins nothing
            var cells: [Scope: Cell] = [:]
            while pending, wins.compareText(0, with: places, 0) == 0 {
                try cells[Scope(year: wins.value(1), partner: wins.value(2)), default: Cell()].add(wins)
                pending = try wins.step()
            }
            guard !cells.isEmpty else { continue }
            // The four scopes: each year and partner, each year, each partner, everything.
            var scopes = cells
            for (scope, cell) in cells {
                for wider in [Scope(year: scope.year, partner: .null), Scope(year: .null, partner: scope.partner), Scope(year: .null, partner: .null)] {
                    try scopes[wider, default: Cell()].add(cell)
                }
            }
            let place = geography.placeIndex((1...4).map(places.value))
            let unlisted = places.value(5)
            for (scope, cell) in scopes {
                try insert.bind(scope.year, at: 1)
                try insert.bind(scope.partner, at: 2)
                for column in 0...5 { try insert.bind(columnOf: places, column, at: 3 + column) }
                for (i, value) in cell.values.enumerated() { try insert.bind(value, at: 9 + i) }
                try insert.step()
                insert.reset()
                try geography.add(scope, place: place, unlisted: unlisted, cell)
            }
        }
        try geography.write(db)
        for rollup in rollups { try db.execute(rollup.finishing) }
    }
}

/// A financial year and partner, either NULL for all of them.
private struct Scope: Hashable {
    let year: SQLValue
    let partner: SQLValue
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
    private var places: [[SQLValue]] = []
    private var placeIndexes: [[SQLValue]: Int] = [:]
    private var sums: [Key: [SQLSum]] = [:]

    private struct Key: Hashable {
        let scope: Scope
        let place: Int
    }

    mutating func placeIndex(_ place: [SQLValue]) -> Int {
        if let index = placeIndexes[place] { return index }
        places.append(place)
        placeIndexes[place] = places.count - 1
        return places.count - 1
    }

    /// Adds one row of `rollup_supplier_wins`: a supplier, its unlisted flag, its awards won alone and its value.
    mutating func add(_ scope: Scope, place: Int, unlisted: SQLValue, _ cell: Cell) throws {
        try sums[Key(scope: scope, place: place), default: Array(repeating: SQLSum(), count: 4)]
            .add([.integer(1), unlisted, cell.sole.value, cell.awarded.value])
    }

    func write(_ db: Database) throws {
        let rows = sums.map { key, sums in [key.scope.year, key.scope.partner] + places[key.place] + sums.map(\.value) }
        try ContractPass.insert(rows.sorted(by: SQLValue.sqliteOrder), into: Rollups.geography.table, db)
    }
}
