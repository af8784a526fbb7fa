import SVWDatabase

/// The codes of a contract's financial year, partner and category: what every cell of the
/// contract pass is within.
struct Place: Hashable {
    let year: Int32, partner: Int32, category: Int32
}

/// Keys numbered 0, 1, 2… in the order met: a pass keeps its cells in arrays by these numbers,
/// or packs a number into a cheaper key.
struct Numbering<Key: Hashable> {
    /// Each number's key.
    private(set) var keys: [Key] = []
    private var numbers: [Key: Int32] = [:]

    /// The number of `key`, handed out the first time it is met.
    mutating func number(of key: Key) -> Int32 {
        if let number = numbers[key] { return number }
        keys.append(key)
        numbers[key] = Int32(keys.count - 1)
        return Int32(keys.count - 1)
    }

    subscript(number: Int32) -> Key { keys[Int(number)] }
}

/// Places met, numbered in the order met, with the codes of their values: a cell's key is a
/// place's number and a code or two, packed into one integer (`PackedKey`).
struct Places {
    private(set) var years = ValueCodes(), partners = ValueCodes(), categories = ValueCodes()
    private var places = Numbering<Place>()

    /// The number of the place of `row`'s current row, whose year, partner and category are
    /// the columns given; handed out the first time the place is met.
    mutating func number(_ row: Statement, year: Int, partner: Int, category: Int) -> Int32 {
        places.number(of: Place(year: years.code(row, year), partner: partners.code(row, partner),
                                category: categories.code(row, category)))
    }

    subscript(number: Int32) -> Place { places[number] }

    /// Per place number, the ranks of its year, partner and category (`ValueCodes.ranks`).
    func ranks() -> [[Int32]] {
        let year = years.ranks(), partner = partners.ranks(), category = categories.ranks()
        return places.keys.map { [year[Int($0.year)], partner[Int($0.partner)], category[Int($0.category)]] }
    }

    /// The year, partner and category of the place numbered `number`, as values.
    func values(of number: Int32) -> [SQLValue] {
        let place = places[number]
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
