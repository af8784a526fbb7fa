/// Yes/no flags: Y/N, Yes/No, TRUE/FALSE, 1/0, any case.
public enum Flag {
    public static func value(_ raw: UnsafeRawBufferPointer) throws -> Bool {
        let b = Bytes.trimmed(raw)
        switch b.count {
        case 1:
            switch Bytes.lower(b[0]) {
            case UInt8(ascii: "y"), UInt8(ascii: "1"): return true
            case UInt8(ascii: "n"), UInt8(ascii: "0"): return false
            default: break
            }
        case 2: if Bytes.equalsLower(b, "no") { return false }
        case 3: if Bytes.equalsLower(b, "yes") { return true }
        case 4: if Bytes.equalsLower(b, "true") { return true }
        case 5: if Bytes.equalsLower(b, "false") { return false }
        default: break
        }
        throw CoercionError("not a yes/no flag: \(Bytes.quoted(b)) (expected Yes/No, Y/N, TRUE/FALSE or 1/0)")
    }

    public static func value(_ text: String) throws -> Bool {
        try Bytes.with(text) { try value($0) }
    }
}

/// An SME flag: yes/no as any flag, or a supplier's scale as published data gives it (OCDS
/// `scale`, Contracts Finder): `sme`, `micro`, `small`, `medium` are SMEs; `large` is not.
public enum SMEFlag {
    public static func value(_ raw: UnsafeRawBufferPointer) throws -> Bool {
        let b = Bytes.trimmed(raw)
        if Bytes.equalsLower(b, "sme") || Bytes.equalsLower(b, "micro") || Bytes.equalsLower(b, "small")
            || Bytes.equalsLower(b, "medium") { return true }
        if Bytes.equalsLower(b, "large") { return false }
        do { return try Flag.value(b) } catch {
            throw CoercionError("not an SME flag: \(Bytes.quoted(b)) (expected Yes/No, Y/N, TRUE/FALSE, 1/0, or a scale: sme, micro, small, medium, large)")
        }
    }

    public static func value(_ text: String) throws -> Bool {
        try Bytes.with(text) { try value($0) }
    }
}

