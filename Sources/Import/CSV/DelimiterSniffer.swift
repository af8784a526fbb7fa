import Foundation

/// Reads a file's header line to tell a tab-, comma- or semicolon-separated file apart,
/// for names that do not say (`export.txt`), and explains a header that holds separators.
enum DelimiterSniffer {
    static let candidates: [UInt8] = [UInt8(ascii: "\t"), UInt8(ascii: ","), UInt8(ascii: ";")]

    /// The candidate the header line holds most of (outside quotes; ties go to tab, then comma);
    /// nil when the file cannot be read or its header holds none of them.
    static func sniff(path: String) -> UInt8? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 64 * 1024), !head.isEmpty else { return nil }
        return choose(headerOf: Array(head))
    }

    static func choose(headerOf bytes: [UInt8]) -> UInt8? {
        var counts = [UInt8: Int]()
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if candidates.contains(byte) { counts[byte, default: 0] += 1 }
        }
        let tabs = counts[UInt8(ascii: "\t")] ?? 0, commas = counts[UInt8(ascii: ",")] ?? 0
        let semicolons = counts[UInt8(ascii: ";")] ?? 0
        if tabs > 0 && tabs >= commas && tabs >= semicolons { return UInt8(ascii: "\t") }
        if commas > 0 && commas >= semicolons { return UInt8(ascii: ",") }
        return semicolons > 0 ? UInt8(ascii: ";") : nil
    }

    /// A note for a header row that read as one column holding tabs or semicolons:
    /// the file was split on the wrong character.
    static func hint(headers: [String]) -> String {
        guard headers.count == 1, let only = headers.first else { return "" }
        if only.contains("\t") { return " — the header holds tabs: is the file tab-separated? add --delimiter tab" }
        if only.contains(";") { return " — the header holds semicolons: add --delimiter semicolon" }
        return ""
    }
}
