/// Text fields go into SQLite as UTF-8. Spreadsheets saved "CSV" on Windows are often
/// Windows-1252 instead (a bare 0xA3 for £): a field that is not valid UTF-8 is read as
/// Windows-1252 rather than stored as broken bytes.
enum TextEncoding {
    @inline(__always)
    static func isASCII(_ b: UnsafeRawBufferPointer) -> Bool {
        var acc: UInt8 = 0
        for c in b { acc |= c }
        return acc < 0x80
    }

    static func isValidUTF8(_ b: UnsafeRawBufferPointer) -> Bool {
        String(validating: b.bindMemory(to: UInt8.self), as: UTF8.self) != nil
    }

    /// Windows-1252 code points for 0x80–0x9F (0 where the code page leaves a hole).
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func windows1252(_ b: UnsafeRawBufferPointer) -> String {
        var scalars = String.UnicodeScalarView()
        for c in b {
            let value: UInt32 = (c >= 0x80 && c < 0xA0) ? high[Int(c - 0x80)] : UInt32(c)
            scalars.append(Unicode.Scalar(value == 0 ? 0xFFFD : value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
