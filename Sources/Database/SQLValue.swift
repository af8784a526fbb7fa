/// SQLite's five storage classes: what kind of value a column of a row holds.
public enum StorageClass: Sendable {
    case null, integer, real, text, blob
}

/// One SQLite value, as stored: the five storage classes and nothing else.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// Whether the value is SQL NULL.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The value as an integer: integers as they are, finite reals rounded to the nearest, integer text converted; else nil.
    public var int64: Int64? {
        switch self {
        case .integer(let v): return v
        case .real(let v): return v.isFinite ? Int64(exactly: v.rounded()) : nil
        case .text(let s): return Int64(s)
        default: return nil
        }
    }

    /// The value as a real: numbers as they are, numeric text converted; else nil.
    public var double: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .real(let v): return v
        case .text(let s): return Double(s)
        default: return nil
        }
    }

    /// The value as text: text as it is, numbers written out, blobs as an `x'…'` literal; nil for NULL.
    public var string: String? {
        switch self {
        case .null: return nil
        case .integer(let v): return String(v)
        case .real(let v): return SQLValue.format(real: v)
        case .text(let s): return s
        case .blob(let b):
            let hex = "0123456789abcdef".utf8.map { $0 }
            return "x'" + String(decoding: b.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] }, as: UTF8.self) + "'"
        }
    }

    /// Reals print as SQLite's shell prints them: shortest round-trip, with ".0" for integral values.
    public static func format(real v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "Inf" }
        var s = "\(v)"
        if s.hasSuffix(".0") == false, v == v.rounded(), abs(v) < 1e15, !s.contains("e") { s += ".0" }
        return s
    }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral {
    /// A string literal is TEXT.
    public init(stringLiteral value: String) { self = .text(value) }
    /// An integer literal is INTEGER.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A floating-point literal is REAL.
    public init(floatLiteral value: Double) { self = .real(value) }
    /// `nil` is NULL.
    public init(nilLiteral: ()) { self = .null }
}

/// Anything that can be bound as a statement parameter.
public protocol SQLBindable: Sendable { var sqlValue: SQLValue { get } }
extension SQLValue: SQLBindable { public var sqlValue: SQLValue { self } }
extension String: SQLBindable { public var sqlValue: SQLValue { .text(self) } }
extension Int: SQLBindable { public var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLBindable { public var sqlValue: SQLValue { .integer(self) } }
extension Double: SQLBindable { public var sqlValue: SQLValue { .real(self) } }
extension Bool: SQLBindable { public var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    /// NULL when absent, else the wrapped value's SQL value.
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
