import SVWDatabase

/// Small integer codes for the distinct values of a column, handed out in the order met:
/// the rollup passes key their cells by a few integers instead of by arrays of values, and
/// read a text column by its bytes, without a Swift String per row (a partner, a category,
/// a measure code or a theme repeats millions of times over a few dozen values).
struct ValueCodes {
    /// Each code's value.
    private(set) var values: [SQLValue] = []
    private var numbers: [SQLValue: Int32] = [:]
    /// Codes of texts by a hash of their bytes, with the bytes to tell apart texts that share one.
    private var texts: [UInt64: [(bytes: [UInt8], code: Int32)]] = [:]

    /// The code of column `column` of `row`'s current row.
    mutating func code(_ row: Statement, _ column: Int) -> Int32 {
        guard row.isText(column) else {
            let value = row.value(column)
            if let code = numbers[value] { return code }
            let code = Int32(values.count)
            values.append(value)
            numbers[value] = code
            return code
        }
        let (hash, known) = row.withText(column) { bytes in
            let hash = ValueCodes.hash(bytes)
            return (hash, texts[hash]?.first(where: { $0.bytes.elementsEqual(bytes) })?.code)
        }
        if let known { return known }
        let code = Int32(values.count)
        values.append(row.value(column))
        texts[hash, default: []].append((row.withText(column) { Array($0) }, code))
        return code
    }

    /// 64-bit FNV-1a.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        return h
    }
}
