import SVWDatabase
import SVWText

/// Small integer codes for the distinct values of a column, handed out in the order met:
/// the rollup passes key their cells by a few integers instead of by arrays of values, and
/// read a column without building an `SQLValue` per row — a text by its bytes, a number as
/// it is (a partner, a category, a measure code, a year or a flag repeats millions of times
/// over a few dozen values).
///
/// Values are told apart as SQLite's GROUP BY tells them apart within one storage class
/// (a REAL 0.0 and -0.0 are one value); an INTEGER and a REAL of the same number get two
/// codes, as the `SQLValue`s the passes keyed cells by before did.
struct ValueCodes {
    /// Each code's value.
    private(set) var values: [SQLValue] = []
    private var nullCode: Int32?
    private var integers: [Int64: Int32] = [:]
    private var reals: [Double: Int32] = [:]
    private var blobs: [SQLValue: Int32] = [:]
    private var texts = TextTable()

    /// The code of column `column` of `row`'s current row.
    mutating func code(_ row: Statement, _ column: Int) -> Int32 {
        switch row.storageClass(column) {
        case .text: return textCode(row, column)
        case .integer:
            let v = row.int64(column)
            return Self.code(of: v, in: &integers, adding: &values) { .integer(v) }
        case .real:
            let v = row.double(column)
            return Self.code(of: v, in: &reals, adding: &values) { .real(v) }
        case .null:
            if let nullCode { return nullCode }
            let code = add(.null)
            nullCode = code
            return code
        case .blob:
            let value = row.value(column)
            return Self.code(of: value, in: &blobs, adding: &values) { value }
        }
    }

    /// The code `key` has in `codes`; when it has none, a new one for the value `value` makes,
    /// added to `values`.
    private static func code<Key: Hashable>(of key: Key, in codes: inout [Key: Int32], adding values: inout [SQLValue],
                                            _ value: () -> SQLValue) -> Int32 {
        if let code = codes[key] { return code }
        values.append(value())
        let code = Int32(values.count - 1)
        codes[key] = code
        return code
    }

    /// Each code's place in SQLite's order of the values (equal values share one): rows sorted
    /// by the ranks of their codes come out in the order of their values, and no value is
    /// compared more than once.
    func ranks() -> [Int32] {
        let order = values.indices.sorted { SQLValue.sqliteOrder(values[$0], values[$1]) }
        var ranks = [Int32](repeating: 0, count: values.count)
        var rank: Int32 = 0
        for (i, code) in order.enumerated() {
            if i > 0, SQLValue.sqliteOrder(values[order[i - 1]], values[code]) { rank += 1 }
            ranks[code] = rank
        }
        return ranks
    }

    private mutating func textCode(_ row: Statement, _ column: Int) -> Int32 {
        if let known = row.withText(column, { texts.code(of: $0) }) { return known }
        let code = add(row.value(column))
        row.withText(column) { texts.insert($0, code: code) }
        return code
    }

    private mutating func add(_ value: SQLValue) -> Int32 {
        values.append(value)
        return Int32(values.count - 1)
    }

}

/// Codes of texts by their bytes, in a table of open addressing: a text met millions of
/// times is found by a hash of its few bytes and one comparison, with no Swift String.
private struct TextTable {
    private struct Slot {
        var hash: UInt64 = 0
        var start = 0, count = 0
        var code: Int32 = -1
    }
    /// Every text's bytes, one after another.
    private var bytes: [UInt8] = []
    /// A power of two in size, never more than half full.
    private var slots = [Slot](repeating: Slot(), count: 16)
    private var used = 0

    func code(of text: UnsafeRawBufferPointer) -> Int32? {
        let slot = slots[find(text, hash: FNV1a.hash(text))]
        return slot.code < 0 ? nil : slot.code
    }

    /// Adds a text `code(of:)` does not know.
    mutating func insert(_ text: UnsafeRawBufferPointer, code: Int32) {
        if 2 * (used + 1) > slots.count { grow() }
        let hash = FNV1a.hash(text)
        slots[find(text, hash: hash)] = Slot(hash: hash, start: bytes.count, count: text.count, code: code)
        bytes.append(contentsOf: text)
        used += 1
    }

    /// The slot holding `text`, or the empty one where it would go.
    private func find(_ text: UnsafeRawBufferPointer, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i].code >= 0 {
            let slot = slots[i]
            if slot.hash == hash, slot.count == text.count, bytes.withUnsafeBufferPointer({ stored in
                for k in 0..<text.count where stored[slot.start + k] != text[k] { return false }
                return true
            }) { return i }
            i = (i + 1) & mask
        }
        return i
    }

    private mutating func grow() {
        let old = slots.filter { $0.code >= 0 }
        slots = [Slot](repeating: Slot(), count: 2 * slots.count)
        let mask = slots.count - 1
        for slot in old {
            var i = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[i].code >= 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}
