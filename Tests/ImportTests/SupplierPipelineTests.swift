import Foundation
import Testing
import SVWDatabase
@testable import SVWCommands
@testable import SVWImport

/// A big suppliers file into an empty table is read and checked on a second thread while
/// SQLite inserts on the first (`SupplierLoader.loadPipelined`). Whatever the file holds, it
/// must write exactly what the same load on one thread writes: the same suppliers, rejects in
/// the same order, and report (with its notes on postcodes and names).
@Suite struct SupplierPipelineTests {
    /// Suppliers with a problem of every kind every few rows, and enough rows for several batches.
    private static func suppliers(rows: Int) -> [UInt8] {
        var text = "supplier_id,name,company_number,postcode,address,sme,vcse\n"
        for i in 1...rows {
            switch i % 83 {
            case 3: text += "S\(i - 1),Again Ltd,,M1 1AE,,Yes,No\n"                                  // duplicate of the row before
            case 5: text += "S\(i),,,M1 1AE,,Yes,No\n"                                              // no name
            case 7: text += "S\(i),Nowhere Ltd,,ZZ99 9ZZ9,,No,No\n"                                  // a malformed postcode
            case 11: text += "S\(i),Address Ltd,,,\"1 High St, Bury BL9 0AA\",No,No\n"               // the postcode in the address
            case 13: text += "S\(i),Forces Ltd,,BFPO 123,,No,No\n"                                   // outside the UK
            case 17: text += "S\(i),Flag Ltd,,M1 1AE,,perhaps,No\n"                                  // not a flag
            case 19: text += "S\(i),Number Ltd,12-34,M1 1AE,,Yes,No\n"                               // an odd company number
            case 23: text += "S\(i),\"Broken\"x,,M1 1AE,,Yes,No\n"                                   // broken quoting
            case 29: text += "S\(i),Short\n"                                                        // too few fields
            case 31: text += "S\(i),\"Two\nLines Ltd\",,M1 1AE,,Yes,No\n"                          // a field over two lines
            case 37: text += "S\(i),Nul\u{0}Ltd,,M1 1AE,,Yes,No\n"                                   // a NUL byte
            case 41: text += ",Keyless Ltd,,M1 1AE,,Yes,No\n"                                       // no key
            case 43: text += "  S\(i) ,Spaced Ltd,,SK4 1AA,,No,Yes\n"                                // spaces around the key
            default: text += "S\(i),Supplier \(i) Limited,0\(1_000_000 + i),SK\(i % 9 + 1) \(i % 9)AA,,\(i % 2 == 0 ? "Yes" : "No"),No\n"
            }
        }
        var bytes = Array(text.utf8)
        // A Windows-1252 byte in a name: read as such, on both paths.
        if let at = bytes.firstIndex(of: UInt8(ascii: "L")) { bytes.insert(0xE9, at: at + 1) }
        return bytes
    }

    private func load(onSecondThread: Bool) throws -> Harness.LoadOutcome {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load postcodes postcode_districts.csv") == 0)
        let file = h.dir.url.appendingPathComponent("s.csv")
        try Data(Self.suppliers(rows: 9_000)).write(to: file)
        return try h.loadOutcome(.suppliers, file, tables: ["SELECT rowid, * FROM suppliers ORDER BY rowid"], onSecondThread: onSecondThread)
    }

    @Test func aSecondThreadWritesWhatOneThreadWrites() throws {
        let pipelined = try Harness.expectOneThreadAlike(parentKeys: false) { onSecondThread, _ in try load(onSecondThread: onSecondThread) }
        // The file exercised what it meant to: suppliers in, and refusals of each kind from both threads.
        #expect(pipelined.tables[0].count > 8_000)
        let reasons = pipelined.tables[1].map { $0[4] }
        for kind in ["duplicate supplier_id", "malformed CSV", "NUL byte", "required value is empty"] {
            #expect(reasons.contains { $0.contains(kind) }, "no reject for \(kind)")
        }
        for note in ["found in the address", "malformed", "outside the UK", "an id but no name"] {
            #expect(pipelined.report.contains { $0.contains(note) }, "no note on \(note)")
        }
    }
}
