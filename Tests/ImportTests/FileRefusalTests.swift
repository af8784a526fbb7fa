import Foundation
import Testing
import ZIPFoundation
@testable import SVWCommands
@testable import SVWImport

/// Files that are not tables are refused by their first bytes — saying what they are and
/// what to do — with a non-zero status and the workspace exactly as it was.
@Suite struct FileRefusalTests {
    /// Loads `name` as contracts and as a table: both must fail with `message`, changing nothing.
    private func expectRefused(_ h: Harness, _ name: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try h.dump()
        #expect(h.run("load contracts \(name)") == 1, sourceLocation: sourceLocation)
        #expect(h.capture.err == "-c:1: load: \(name) is \(message); nothing was loaded\n", sourceLocation: sourceLocation)
        #expect(h.run("load table t \(name)") == 1, sourceLocation: sourceLocation)
        #expect(h.capture.err == "-c:1: load: \(name) is \(message); nothing was loaded\n", sourceLocation: sourceLocation)
        #expect(try h.dump() == before, sourceLocation: sourceLocation)
    }

    private func zip(_ url: URL, _ entries: [(String, String)]) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in entries {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    @Test func everyKindOfNonTableIsRefusedWithWhatItIs() throws {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load sample .") == 0)
        try h.dir.write("old.xls", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
        try expectRefused(h, "old.xls", "an Excel 97–2003 workbook (.xls) or another Office 97–2003 file (a password-protected workbook looks the same): save it as .xlsx or CSV (File › Save As) and load that")
        try h.dir.write("report.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
        try expectRefused(h, "report.pdf", "a PDF document: svw cannot read tables out of a PDF; ask for the data as CSV or .xlsx")
        try h.dir.write("data.csv.gz", bytes: [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 3] + Array(repeating: 0x41, count: 30))
        try expectRefused(h, "data.csv.gz", "a gzip-compressed file: decompress it first (gunzip FILE) and load the file inside")
        let db = h.dir.url.appendingPathComponent("other.db")
        _ = try Shell.output("/usr/bin/sqlite3", [db.path, "CREATE TABLE t(a); INSERT INTO t VALUES (1);"])
        try expectRefused(h, "other.db", "an SQLite database: open it as a workspace with svw --db FILE, or export its tables as CSV")
        try zip(h.dir.url.appendingPathComponent("bundle.zip"), [("contracts.csv", "contract_id\nC1\n")])
        try expectRefused(h, "bundle.zip", "a ZIP archive, not a workbook: unzip it and load the CSV or .xlsx file inside")
        try zip(h.dir.url.appendingPathComponent("sheet.ods"), [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                                                                ("content.xml", "<office:document-content/>")])
        try expectRefused(h, "sheet.ods", "an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV (File › Save As) and load that")
        try zip(h.dir.url.appendingPathComponent("letter.docx"), [("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")])
        try expectRefused(h, "letter.docx", "a Word document (.docx): svw loads CSV, TSV and .xlsx files")
        try h.dir.write("nobom.txt", bytes: Array("contract_id,partner\nC1,Bolton\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try expectRefused(h, "nobom.txt", "UTF-16 text without a byte-order mark: save it as UTF-8 CSV (or as Unicode Text, which marks its encoding)")
    }

    /// 1 MiB of random bytes once loaded as a 3,084-row table.
    @Test func randomBytesAreRefusedAsBinary() throws {
        let h = try Harness()
        var generator = SeededBytes(seed: 2026)
        let bytes = (0..<(1 << 20)).map { _ in generator.next() }
        try h.dir.write("random.csv", bytes: bytes)
        let sample = bytes.prefix(64 * 1024)
        let control = sample.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) || $0 == 0x7F }.count
        try expectRefused(h, "random.csv", "binary data, not text (\(control * 100 / sample.count)% of its first 64 KiB are control bytes): load a CSV, TSV or .xlsx file")
    }

    @Test func unicodeTextExportsInUTF16AreConverted() throws {
        let text = "Ref\tAmount\tName\r\nR1\t£1,250.50\tCafé 🍰\r\nR2\t(1,000)\t“Best”\r\n"
        for bigEndian in [false, true] {
            let h = try Harness()
            let units = [UInt16(0xFEFF)] + Array(text.utf16)
            let bytes = units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let url = try h.dir.write("export.txt", bytes: bytes)
            #expect(h.run("load table u export.txt") == 0, "\(h.capture.err)")
            #expect(try h.rows("SELECT ref, amount_pence, name FROM u ORDER BY ref") == [["R1", "125050", "Café 🍰"], ["R2", "-100000", "“Best”"]])
            #expect(h.capture.err.contains("read as UTF-16 \(bigEndian ? "BE" : "LE") text (Excel's \"Unicode Text\") and converted to UTF-8\n"))
            let expected = try Shell.output("/usr/bin/sha256sum", [url.path]).prefix(64)
            #expect(try h.scalar("SELECT sha256 FROM imports") == String(expected))
        }
    }

    @Test func windows1252InLoadTableGetsTheNote() throws {
        let h = try Harness()
        try h.dir.write("w.csv", bytes: Array("name,price\nCaf".utf8) + [0xE9] + Array(",".utf8) + [0xA3] + Array("3.50\n".utf8))
        #expect(h.run("load table w w.csv") == 0, "\(h.capture.err)")
        #expect(try h.rows("SELECT name, price_pence FROM w") == [["Café", "350"]])
        #expect(h.capture.err.contains("1 text value was not UTF-8 and was read as Windows-1252\n"))
    }

    @Test func limitsStopAFileWithNoLineEnds() throws {
        let h = try Harness()
        try h.dir.write("one-line.csv", bytes: Array(repeating: UInt8(ascii: "a"), count: 3 << 20))
        let before = try h.dump()
        #expect(h.run("load contracts one-line.csv") == 1)
        #expect(h.capture.err == "-c:1: load: one-line.csv:1: the header line is longer than 1 MiB, the most a header may be: is this really a CSV file with a header row?\n")
        try h.dir.write("wide.csv", "a,b\n1," + String(repeating: "x", count: 2000) + "\n")
        #expect(h.run("load table w wide.csv --max-field-size 1K") == 1)
        #expect(h.capture.err == "-c:1: load: wide.csv:2: a row longer than 1024 bytes (the largest field svw reads; --max-field-size raises it): is a quote left open, or a line end missing?\n")
        #expect(h.run("load table w wide.csv --max-field-size lots") == 1)
        #expect(h.capture.err == "-c:1: load: --max-field-size takes a size such as 64M, 512K or 1G, not \"lots\"\n")
        #expect(try h.dump() == before)
        #expect(h.run("load table w wide.csv --max-field-size 4K") == 0)
    }

    @Test func nulInAValueRejectsTheRowAndKeepsTheWholeLine() throws {
        let h = try Harness()
        try h.dir.write("n.csv", bytes: Array("a,b\n1,x".utf8) + [0] + Array("y after the nul\n2,z\n".utf8))
        #expect(h.run("load table n n.csv") == 0, "\(h.capture.err)")
        #expect(h.capture.err.contains("n.csv:2:2: column \"b\": holds a NUL byte (shown as \\0), which no text file has: the file is damaged here\n"))
        #expect(try h.rows("SELECT raw FROM rejects") == [["1,x\\0y after the nul"]])
        #expect(try h.rows("SELECT a, b FROM n") == [["2", "z"]])
    }

    @Test func rejectsNameTheLinesAStrayQuoteSwallowed() throws {
        let h = try Harness()
        try h.write("q.csv", "id,name,x\n1,\"stray,q\n2,b,c\n3,c,d\n4,d,e\"\n5,e,f\n")
        #expect(h.run("load table q q.csv") == 0)
        #expect(h.capture.err.contains("""
            q.csv: lines 2–5: row has 2 fields; the header has 3 — the quote opened at line 2, column 2 closes at line 5; \
            the 3 lines inside it each look like a whole row, so a stray quote probably swallowed them: remove it or double it ("")

            """), "\(h.capture.err)")
        #expect(try h.rows("SELECT raw FROM rejects") == [["1,\"stray,q\n2,b,c\n3,c,d\n4,d,e\""]])
        try h.write("p.csv", "a,b\n\"x\"£,1\n\"multi\nline\"x,2\n1,2,3\n")
        #expect(h.run("load table p p.csv") == 0)
        #expect(h.capture.err.contains("""
            p.csv:2:1: column "a": malformed CSV: unexpected '£' after the closing quote of a quoted field
            p.csv: lines 3–4: column "a": malformed CSV: unexpected 'x' after the closing quote of a quoted field — the quote opened at line 3, column 1 closes at line 4
            p.csv:5: too many fields: 3 found, and the header has 2

            """), "\(h.capture.err)")
    }

    @Test func aTableWiderThanSQLiteAllowsSaysTheLimit() throws {
        let h = try Harness()
        try h.write("wide.csv", (1...2001).map { "c\($0)" }.joined(separator: ",") + "\n" + (1...2001).map(String.init).joined(separator: ",") + "\n")
        #expect(h.run("load table w wide.csv") == 1)
        #expect(h.capture.err == "-c:1: load: wide.csv: the header has 2001 columns; a table holds at most 2000 (SQLite's limit)\n")
    }
}

/// A small deterministic byte generator (SplitMix64), so "random" files are the same every run.
struct SeededBytes {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next64() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func next() -> UInt8 { UInt8(truncatingIfNeeded: next64()) }
    mutating func below(_ n: Int) -> Int { Int(next64() % UInt64(n)) }
}
