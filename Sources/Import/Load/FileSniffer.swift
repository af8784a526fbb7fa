import Foundation
import ZIPFoundation

/// Looks at a file's first bytes before anything is parsed, so a workbook, an archive,
/// a PDF or any binary file is never read as if it were CSV.
enum FileSniffer {
    enum Finding: Equatable {
        case text
        case utf16(bigEndian: Bool)
        case workbook
        /// Not something svw can load: what the file is, and what to do instead.
        case refused(what: String, advice: String)
    }

    static let sampleSize = 64 * 1024

    static func sniff(_ url: URL) -> Finding {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return .text }
        defer { try? handle.close() }
        let sample = [UInt8]((try? handle.read(upToCount: sampleSize)) ?? Data())
        return classify(sample, url: url)
    }

    static func classify(_ b: [UInt8], url: URL?) -> Finding {
        func starts(_ magic: [UInt8]) -> Bool { b.count >= magic.count && Array(b.prefix(magic.count)) == magic }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return url.map(zip) ?? .refused(what: "a ZIP archive", advice: zipAdvice) }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return .refused(what: "an Excel 97–2003 workbook (.xls) or another Office 97–2003 file (a password-protected workbook looks the same)",
                            advice: "save it as .xlsx or CSV (File › Save As) and load that")
        }
        if starts(Array("%PDF-".utf8)) {
            return .refused(what: "a PDF document", advice: "svw cannot read tables out of a PDF; ask for the data as CSV or .xlsx")
        }
        if starts([0x1F, 0x8B]) {
            return .refused(what: "a gzip-compressed file", advice: "decompress it first (gunzip FILE) and load the file inside")
        }
        if starts(Array("SQLite format 3".utf8) + [0]) {
            return .refused(what: "an SQLite database", advice: "open it as a workspace with svw --db FILE, or export its tables as CSV")
        }
        if starts([0xFF, 0xFE, 0, 0]) || starts([0, 0, 0xFE, 0xFF]) {
            return .refused(what: "UTF-32 text", advice: "save it as UTF-8 CSV")
        }
        if starts([0xFF, 0xFE]) { return .utf16(bigEndian: false) }
        if starts([0xFE, 0xFF]) { return .utf16(bigEndian: true) }
        var nul = 0, control = 0, nulOdd = 0
        for (i, c) in b.enumerated() {
            if c == 0 { nul += 1; if i % 2 == 1 { nulOdd += 1 } }
            if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0C && c != 0x0D || c == 0x7F { control += 1 }
        }
        if b.count >= 16 && nul * 3 > b.count && (nulOdd * 10 > nul * 9 || nulOdd * 10 < nul) {
            return .refused(what: "UTF-16 text without a byte-order mark", advice: "save it as UTF-8 CSV (or as Unicode Text, which marks its encoding)")
        }
        if nul > max(8, b.count / 100) || control > max(8, b.count / 50) {
            let share = b.isEmpty ? 0 : control * 100 / b.count
            return .refused(what: "binary data, not text (\(share)% of its first \(ByteLimit.describe(b.count)) are control bytes)",
                            advice: "load a CSV, TSV or .xlsx file")
        }
        return .text
    }

    private static let zipAdvice = "unzip it and load the CSV or .xlsx file inside"

    /// A ZIP archive: an `.xlsx` workbook, or something else that happens to be zipped.
    private static func zip(_ url: URL) -> Finding {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            return .refused(what: "a damaged ZIP archive (perhaps a damaged workbook)", advice: "open it in Excel and save it again as .xlsx")
        }
        func has(_ path: String) -> Bool { archive[path] != nil }
        if has("xl/workbook.xml") { return .workbook }
        if has("xl/workbook.bin") {
            return .refused(what: "an Excel binary workbook (.xlsb)", advice: "save it as .xlsx or CSV (File › Save As) and load that")
        }
        if let entry = archive["mimetype"] {
            var mime = Data()
            _ = try? archive.extract(entry, bufferSize: 256) { mime.append($0) }
            let type = String(decoding: mime.prefix(200), as: UTF8.self)
            if type.contains("opendocument.spreadsheet") {
                return .refused(what: "an OpenDocument spreadsheet (.ods)", advice: "save it as .xlsx or CSV (File › Save As) and load that")
            }
            return .refused(what: "an OpenDocument file (\(type))", advice: "svw loads CSV, TSV and .xlsx files")
        }
        if archive.contains(where: { $0.path.hasPrefix("xl/") }) || has("[Content_Types].xml") && !has("word/document.xml") && !has("ppt/presentation.xml") {
            return .refused(what: "a damaged workbook: it has no xl/workbook.xml", advice: "open it in Excel and save it again as .xlsx")
        }
        if has("word/document.xml") { return .refused(what: "a Word document (.docx)", advice: "svw loads CSV, TSV and .xlsx files") }
        if has("ppt/presentation.xml") { return .refused(what: "a PowerPoint presentation (.pptx)", advice: "svw loads CSV, TSV and .xlsx files") }
        return .refused(what: "a ZIP archive, not a workbook", advice: zipAdvice)
    }
}
