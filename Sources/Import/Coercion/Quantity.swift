/// Non-negative quantities (units committed or delivered): `12`, `1,250.5`.
public enum Quantity {
    public static func value(_ raw: UnsafeRawBufferPointer) throws -> Double {
        let b = Bytes.trimmed(raw)
        switch Bytes.decimal(b) {
        case .success(let d):
            if d.negative && d.mantissa != 0 { throw CoercionError("\(Bytes.quoted(b)) is negative") }
            return abs(Bytes.double(d))
        case .failure(let box):
            if box.failure == .misplacedComma { throw CoercionError("\(Bytes.quoted(b)) has a misplaced thousands separator") }
            if box.failure == .tooLong { throw CoercionError("\(Bytes.quoted(b)) has too many digits") }
            throw CoercionError("not a number: \(Bytes.quoted(b))")
        }
    }

    public static func value(_ text: String) throws -> Double {
        try Bytes.with(text) { try value($0) }
    }

    /// A whole, non-negative count: `1865`, `1,865`.
    public static func count(_ raw: UnsafeRawBufferPointer) throws -> Int64 {
        let b = Bytes.trimmed(raw)
        guard case .success(let d) = Bytes.decimal(b), d.scale == 0 else {
            throw CoercionError("not a whole number: \(Bytes.quoted(b))")
        }
        if d.negative && d.mantissa != 0 { throw CoercionError("\(Bytes.quoted(b)) is negative") }
        return d.mantissa
    }
}
