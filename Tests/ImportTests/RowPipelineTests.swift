import Foundation
import Testing
import SVWDatabase
@testable import SVWCommands
@testable import SVWImport

/// A big load into an empty table reads and checks its rows on a second thread while SQLite
/// inserts them on the first (`BatchPipeline`). Whatever the file holds, it must write exactly
/// what the same load on one thread writes: the same rows, the same rejects in the same order,
/// the same report — across the pipeline's batches, and with refusals found by either thread.
@Suite struct RowPipelineTests {
    /// Commitments with a problem of every kind every few rows, and enough rows for many batches.
    private static func commitments(rows: Int, contracts: [String], measures: [String]) -> [UInt8] {
        var text = "commitment_id,contract_id,measure_code,units_committed,units_delivered,reporting_date\n"
        for i in 1...rows {
            let contract = contracts[i % contracts.count]
            switch i % 97 {
            case 5: text += "K\(i - 1),\(contract),NT1,1,0,31/03/2022\n"              // duplicate of the row before
            case 11: text += "K\(i),C404,NT1,1,0,31/03/2022\n"                          // unknown contract
            case 12: text += "K\(i - 1),C404,NT1,1,0,\n"                                // duplicate of a refused row, unknown contract
            case 17: text += "K\(i),\(contract),NT404,1,0,31/03/2022\n"                 // unknown measure
            case 23: text += "K\(i),\(contract),NT1,lots,0,31/03/2022\n"               // not a number
            case 29: text += "K\(i),\(contract),NT1,1,0,31/02/2022\n"                  // no such date
            case 31: text += "K\(i),\(contract),NT1,1\n"                                // too few fields
            case 37: text += "K\(i),\"\(contract)\"x,NT1,1,0,\n"                        // broken quoting
            case 41: text += "  K\(i) ,\(contract),NT1,2,1,01/04/2021\n"                // spaces around the key
            case 43: text += "K\(i),\(contract),NT1,1,\"0\n\",31/03/2022\n"             // a field over two lines
            case 47: text += "K\(i),\(contract),NT1,1,0,31/03/2022\n".replacingOccurrences(of: "NT1", with: "N\u{0}T")
            case 53: text += "K\(i),,NT18,4,,\n"                                         // the service's own workforce
            case 59: text += ",\(contract),NT1,1,0,\n"                                   // no key
            default: text += "K\(i),\(contract),\(measures[i % measures.count]),\(i % 7).5,\(i % 3),\(i % 28 + 1)/0\(i % 9 + 1)/2021\n"
            }
        }
        var bytes = Array(text.utf8)
        // A Windows-1252 byte in a key: read as such, on both paths.
        if let at = bytes.firstIndex(of: UInt8(ascii: "K")) { bytes.insert(0xE9, at: at + 1) }
        return bytes
    }

    /// - Parameter keysInMemory: contracts checked against a set of their ids in memory, or by SQLite.
    private func load(onSecondThread: Bool, keysInMemory: Bool = true) throws -> Harness.LoadOutcome {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv; load suppliers suppliers.csv; "
                      + "load contracts contracts.csv") == 0)
        let file = h.dir.url.appendingPathComponent("k.csv")
        let contracts = try h.rows("SELECT contract_id FROM contracts ORDER BY rowid LIMIT 3").map { $0[0] }
        let measures = try h.rows("SELECT DISTINCT code FROM measures ORDER BY code LIMIT 5").map { $0[0] }
        try Data(Self.commitments(rows: 9_000, contracts: contracts, measures: measures)).write(to: file)
        return try h.loadOutcome(.commitments, file, tables: [
            "SELECT rowid, commitment_id, coalesce(contract_id, '-'), measure_code, units_committed, "
                + "coalesce(units_delivered, '-'), coalesce(reporting_date, '-'), coalesce(financial_year, '-') FROM commitments ORDER BY rowid",
        ], onSecondThread: onSecondThread, keysInMemory: keysInMemory)
    }

    @Test func aSecondThreadWritesWhatOneThreadWrites() throws {
        let pipelined = try Harness.expectOneThreadAlike { try load(onSecondThread: $0, keysInMemory: $1) }
        // The file exercised what it meant to: rows in, and refusals of each kind from both threads.
        let reasons = pipelined.tables[1].map { $0[4] }
        #expect(pipelined.tables[0].count > 7_000)
        for kind in ["duplicate commitment_id", "unknown contract C404", "unknown measure code", "not a number",
                     "malformed CSV", "NUL byte", "required value is empty"] {
            #expect(reasons.contains { $0.contains(kind) }, "no reject for \(kind)")
        }
    }

    /// A workspace with the sample's measures, suppliers and contracts, and a commitments file
    /// of `rows` good rows followed by `tail`.
    private func prepared(rows: Int, tail: String) throws -> (Harness, URL) {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv; load suppliers suppliers.csv; "
                      + "load contracts contracts.csv") == 0)
        let contract = try h.scalar("SELECT contract_id FROM contracts ORDER BY rowid LIMIT 1")
        let measure = try h.scalar("SELECT min(code) FROM measures")
        var text = "commitment_id,contract_id,measure_code,units_committed\n"
        for i in 0..<rows { text += "K\(i),\(contract),\(measure),\(i % 9)\n" }
        return (h, try h.write("k.csv", text + tail))
    }

    private func bulk() -> ImportOptions {
        var options = ImportOptions.bulk
        options.chunkSize = 4096
        return options
    }

    /// Ctrl-C reaches SQLite on the writing thread; the reading thread stops and nothing stays.
    @Test func anInterruptStopsBothThreadsAndLeavesNothing() throws {
        let (h, file) = try prepared(rows: 20_000, tail: "")
        try h.expectInterrupted(loading: .commitments, file, atChunk: 20, options: bulk())   // batches already written
        let report = try Importer.load(.commitments, file: file, into: h.session.workspace, options: bulk())
        #expect(report.loaded == 20_000)
    }

    /// A file the reading thread cannot read on (an unterminated quote near its end) fails the
    /// load with the reader's own error, after rows were written, and nothing stays.
    @Test func theReadingThreadsErrorFailsTheLoadAndLeavesNothing() throws {
        let (h, file) = try prepared(rows: 20_000, tail: "K-last,\"unterminated\n")
        let before = try h.dump()
        #expect {
            try Importer.load(.commitments, file: file, into: h.session.workspace, options: bulk())
        } throws: { "\($0)".contains("k.csv:20002:2: unterminated quoted field") }
        #expect(try h.dump() == before)
        #expect(h.db.isAutocommit)
    }
}
