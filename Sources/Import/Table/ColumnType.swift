/// The type `load table` infers for a column from every one of its values.
enum ColumnType: Equatable {
    /// Only empty cells so far.
    case empty
    case integer
    case real
    /// ISO `YYYY-MM-DD` dates (stored as TEXT: SQLite has no date type, and its date functions read this form).
    case date
    case text

    /// The type of a column holding values of both types.
    func merged(with other: ColumnType) -> ColumnType {
        if self == other { return self }
        switch (self, other) {
        case (.empty, let t), (let t, .empty): return t
        case (.integer, .real), (.real, .integer): return .real
        default: return .text
        }
    }

    /// The narrowest type that holds `b` unchanged. Leading zeros (`00123`), a leading
    /// `+`, spaces, thousands separators or an integer too big for 64 bits make it text,
    /// so converting never alters what the file says.
    static func of(_ b: UnsafeRawBufferPointer) -> ColumnType {
        if b.isEmpty { return .empty }
        if CalendarDate.isISODate(b) { return .date }
        var i = 0
        let n = b.count
        if b[0] == UInt8(ascii: "-") { i = 1 }
        let digitsStart = i
        while i < n && Bytes.isDigit(b[i]) { i += 1 }
        let intDigits = i - digitsStart
        if intDigits == 0 { return .text }
        if intDigits > 1 && b[digitsStart] == UInt8(ascii: "0") { return .text }
        if i == n {
            if b[0] == UInt8(ascii: "-") && intDigits == 1 && b[1] == UInt8(ascii: "0") { return .text }   // "-0"
            return integer(b) == nil ? .text : .integer
        }
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < n && Bytes.isDigit(b[i]) { i += 1 }
            if i == fractionStart { return .text }
        }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
            let expStart = i
            while i < n && Bytes.isDigit(b[i]) { i += 1 }
            if i == expStart { return .text }
        }
        guard i == n, let value = real(b), value.isFinite else { return .text }
        return .real
    }

    static func integer(_ b: UnsafeRawBufferPointer) -> Int64? {
        var i = 0
        var negative = false
        if b.first == UInt8(ascii: "-") { negative = true; i = 1 }
        var value: Int64 = 0
        while i < b.count {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let digit = Int64(b[i] &- 48)
            let (a, o2) = negative ? m.subtractingReportingOverflow(digit) : m.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = a
            i += 1
        }
        return value
    }

    static func real(_ b: UnsafeRawBufferPointer) -> Double? {
        Double(String(decoding: b, as: UTF8.self))
    }
}
