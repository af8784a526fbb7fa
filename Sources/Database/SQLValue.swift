/// One SQLite value, as stored: the five storage classes and nothing else.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var int64: Int64? {
        switch self {
        case .integer(let v): return v
        case .real(let v): return v.isFinite ? Int64(exactly: v.rounded()) : nil
        case .text(let s): return Int64(s)
        default: return nil
        }
    }

    public var double: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .real(let v): return v
        case .text(let s): return Double(s)
        default: return nil
        }
    }

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
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
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
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
