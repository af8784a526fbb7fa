import SVWDatabase

/// SQLite's `sum()`, value for value: NULLs are skipped, integers add exactly (an overflow is
/// the same error SQLite raises), any REAL makes the result a REAL running total of every
/// value in the order added, and no value at all gives NULL. The contract pass adds up in
/// Swift what the rollups' SQL adds up, and must give the very same values.
struct SQLSum {
    private var count = 0
    private var integer: Int64 = 0
    private var real = 0.0
    private var approximate = false

    mutating func add(_ value: SQLValue) throws {
        switch value {
        case .null: return
        case .integer(let v): try add(integer: v)
        case .real(let v): add(real: v)
        case .text, .blob:
            // SQLite adds the number a text or blob reads as; the rollups' columns never hold one.
            add(real: value.double ?? 0)
        }
    }

    /// Adds column `column` of `row`'s current row, reading a number without an `SQLValue`.
    mutating func add(_ row: Statement, _ column: Int) throws {
        switch row.storageClass(column) {
        case .null: return
        case .integer: try add(integer: row.int64(column))
        case .real: add(real: row.double(column))
        case .text, .blob: try add(row.value(column))
        }
    }

    /// Adds an integer (a count or a flag).
    mutating func add(_ value: Int64) throws { try add(integer: value) }

    private mutating func add(integer v: Int64) throws {
        real += Double(v)
        if !approximate {
            let (total, overflow) = integer.addingReportingOverflow(v)
            if overflow { throw SQLiteError(code: 1, message: "integer overflow") }
            integer = total
        }
        count += 1
    }

    private mutating func add(real v: Double) {
        real += v
        approximate = true
        count += 1
    }

    /// NULL when nothing was added; else the INTEGER or REAL total.
    var value: SQLValue { count == 0 ? .null : approximate ? .real(real) : .integer(integer) }
}

/// SQLite's `max()` over integers and NULLs: NULL when no value was seen.
struct SQLMax {
    private(set) var value: SQLValue = .null

    mutating func add(_ candidate: SQLValue) {
        guard let c = candidate.double else { return }
        if let current = value.double, current >= c { return }
        value = candidate
    }
}

extension SQLValue {
    /// SQLite's order of values (NULL, then numbers by value, then text by its bytes, then
    /// blobs): what a GROUP BY's rows come out in.
    public static func sqliteOrder(_ a: SQLValue, _ b: SQLValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return false
        case (.integer(let x), .integer(let y)): return x < y
        case (.null, _): return true
        case (_, .null): return false
        case (.text(let x), .text(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        case (.blob(let x), .blob(let y)): return x.lexicographicallyPrecedes(y)
        case (.text, .blob): return true
        case (.blob, .text), (.text, _), (.blob, _): return false
        case (_, .text), (_, .blob): return true
        default: return (a.double ?? 0) < (b.double ?? 0)
        }
    }

    /// Compares keys of several values in SQLite's order, column by column.
    public static func sqliteOrder(_ a: [SQLValue], _ b: [SQLValue]) -> Bool {
        for (x, y) in zip(a, b) {
            if sqliteOrder(x, y) { return true }
            if sqliteOrder(y, x) { return false }
        }
        return a.count < b.count
    }
}

extension Array where Element == SQLSum {
    /// Adds one value to each sum, in order.
    mutating func add(_ values: [SQLValue]) throws {
        for (i, value) in values.enumerated() { try self[i].add(value) }
    }
}
