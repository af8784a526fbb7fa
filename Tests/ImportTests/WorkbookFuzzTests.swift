import Foundation
import Testing
@testable import SVWCommands
@testable import SVWImport

/// The workbook reader on damaged input: random byte changes to a real .xlsx, and random
/// changes to its sheet XML inside a sound archive. Each load must end — loaded, or one
/// clean error line — never crash or hang, and a failed load must leave nothing behind.
/// The seeds are fixed so a failure reproduces; `SVW_FUZZ_RUNS=N` runs longer.
@Suite(.timeLimit(.minutes(5))) struct WorkbookFuzzTests {
    static let runs = ProcessInfo.processInfo.environment["SVW_FUZZ_RUNS"].flatMap { Int($0) } ?? 150

    static let sheetXML: [String] = [
        XLSX.textRow(1, ["Ref", "Value", "When"]),
        XLSX.row(2, XLSX.shared("A2", 0), XLSX.number("B2", "1250.0999999"), XLSX.number("C2", "44286", style: 1)),
        XLSX.row(3, XLSX.inline("A3", "R2"), XLSX.error("B3", "#REF!"), XLSX.formula("C3", "TODAY()", cached: nil)),
        XLSX.row(4, XLSX.inline("A4", "R3"), XLSX.boolean("B4", true), XLSX.number("C4", "60", style: 1)),
    ]

    static func book(rows: [String]) -> XLSXBook {
        var book = XLSXBook(rows: rows)
        book.sharedStrings = ["<r><t>R</t></r><r><t>1</t></r>"]
        book.styles = [0, 14]
        return book
    }

    /// Loads `file`; checks the outcome is a load or a single `load:` error line, and that
    /// a failure changed nothing.
    private func check(_ h: Harness, _ file: String, _ what: String) throws {
        let imports = try h.scalar("SELECT count(*) FROM imports")
        let status = h.run("load table f \(file) --replace")
        if status == 0 { return }
        let err = h.capture.err
        #expect(err.hasPrefix("-c:1: load: ") && err.hasSuffix("\n") && !err.contains("Error Domain"), "\(what): \(err)")
        #expect(try h.scalar("SELECT count(*) FROM imports") == imports, "\(what)")
    }

    @Test func mutatedArchiveBytes() throws {
        let h = try Harness()
        let good = h.dir.url.appendingPathComponent("good.xlsx")
        try WorkbookFuzzTests.book(rows: WorkbookFuzzTests.sheetXML).write(to: good)
        let original = [UInt8](try Data(contentsOf: good))
        var random = SeededBytes(seed: 9)
        for run in 0..<WorkbookFuzzTests.runs {
            var bytes = original
            switch random.below(3) {
            case 0:
                for _ in 0..<(1 + random.below(8)) { bytes[random.below(bytes.count)] = random.next() }
            case 1:
                bytes = Array(bytes.prefix(random.below(bytes.count)))
            default:
                let at = random.below(bytes.count)
                bytes.insert(contentsOf: (0..<random.below(64)).map { _ in random.next() }, at: at)
            }
            try h.dir.write("fuzz.xlsx", bytes: bytes)
            try check(h, "fuzz.xlsx", "byte run \(run)")
        }
    }

    @Test func mutatedSheetXML() throws {
        let h = try Harness()
        let alphabet = Array("<>/=\"'&;#x0123456789ABCrcvtis :".utf8)
        var random = SeededBytes(seed: 11)
        for run in 0..<WorkbookFuzzTests.runs {
            var xml = Array(WorkbookFuzzTests.sheetXML.joined().utf8)
            for _ in 0..<(1 + random.below(6)) {
                let at = random.below(xml.count)
                switch random.below(3) {
                case 0: xml[at] = alphabet[random.below(alphabet.count)]
                case 1: xml.remove(at: at)
                default: xml.insert(contentsOf: xml[at..<min(xml.count, at + random.below(40))], at: random.below(xml.count))
                }
            }
            let url = h.dir.url.appendingPathComponent("fuzz.xlsx")
            try WorkbookFuzzTests.book(rows: [String(decoding: xml, as: UTF8.self)]).write(to: url)
            try check(h, "fuzz.xlsx", "XML run \(run)")
        }
    }
}
