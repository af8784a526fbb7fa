import SVWDatabase

/// The codes of a contract's financial year, partner and category: what every cell of the
/// contract pass is within.
struct Place: Hashable {
    let year: Int32, partner: Int32, category: Int32
}

/// Places met, numbered in the order met, with the codes of their values: a cell's key is a
/// place's number and a code or two, packed into one integer (`PackedKey`).
struct Places {
    private(set) var years = ValueCodes(), partners = ValueCodes(), categories = ValueCodes()
    private var places: [Place] = [], numbers: [Place: Int32] = [:]

    /// The number of the place of `row`'s current row, whose year, partner and category are
    /// the columns given; handed out the first time the place is met.
    mutating func number(_ row: Statement, year: Int, partner: Int, category: Int) -> Int32 {
        let place = Place(year: years.code(row, year), partner: partners.code(row, partner), category: categories.code(row, category))
        if let number = numbers[place] { return number }
        places.append(place)
        numbers[place] = Int32(places.count - 1)
        return Int32(places.count - 1)
    }

    subscript(number: Int32) -> Place { places[Int(number)] }

    /// Per place number, the ranks of its year, partner and category (`ValueCodes.ranks`).
    func ranks() -> [[Int32]] {
        let year = years.ranks(), partner = partners.ranks(), category = categories.ranks()
        return places.map { [year[Int($0.year)], partner[Int($0.partner)], category[Int($0.category)]] }
    }

    /// The year, partner and category of the place numbered `number`, as values.
    func values(of number: Int32) -> [SQLValue] {
        let place = places[Int(number)]
        return [years.values[Int(place.year)], partners.values[Int(place.partner)], categories.values[Int(place.category)]]
    }
}

/// Two codes in one integer: a cheap dictionary key.
struct PackedKey: Hashable {
    private let bits: UInt64

    init(_ high: Int32, _ low: Int32) { bits = UInt64(UInt32(bitPattern: high)) << 32 | UInt64(UInt32(bitPattern: low)) }

    var high: Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: bits >> 32)) }
    var low: Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: bits)) }
}
