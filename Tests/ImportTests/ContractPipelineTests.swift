import Foundation
import Testing
import SVWDatabase
@testable import SVWCommands
@testable import SVWImport

/// A big contracts file naming suppliers by id, into an empty table, is read and checked on a
/// second thread while SQLite inserts on the first (`ContractLoader.loadPipelined`). Whatever
/// the file holds — framework awards with further suppliers among them — it must write
/// exactly what the same load on one thread writes: the same contracts, further suppliers,
/// rejects in the same order, and report.
@Suite struct ContractPipelineTests {
    /// Contracts with a problem of every kind every few rows, further rows of earlier
    /// contracts among them, and enough rows for several batches.
    private static func contracts(rows: Int, suppliers: [String]) -> String {
        var text = "contract_id,partner,title,category,supplier_id,award_date,start_date,end_date,value,sv_weighting,sv_considered,portal,sv_kpis\n"
        func row(_ id: String, supplier: String, value: String = "£1,000.00", award: String = "01/04/2021", end: String = "31/03/2022",
                 weighting: String = "10%", flag: String = "Yes") -> String {
            "\(id),Bury,Title \(id),ICT,\(supplier),\(award),01/05/2021,\(end),\"\(value)\",\(weighting),\(flag),No,Yes\n"
        }
        for i in 1...rows {
            let supplier = suppliers[i % suppliers.count], other = suppliers[(i + 1) % suppliers.count]
            switch i % 89 {
            case 3: text += row("C\(i - 1)", supplier: other)                                     // a further supplier
            case 4: text += row("C\(i - 2)", supplier: other)                                     // … the same again
            case 5: text += row("C\(i - 3)", supplier: suppliers[(i - 3) % suppliers.count])       // … the lead again
            case 6: text += row("C\(i - 4)", supplier: suppliers[(i + 7) % suppliers.count], value: "£2,000.00")  // another value
            case 7: text += row("C\(i - 5)", supplier: suppliers[(i + 8) % suppliers.count], award: "02/04/2021") // another date
            case 8: text += row("C\(i - 6)", supplier: "SUP-NONE")                                // an unknown further supplier
            case 9: text += row("C\(i)", supplier: "SUP-NONE")                                     // an unknown lead
            case 13: text += row("C\(i)", supplier: supplier, award: "31/02/2021")                 // no such date
            case 17: text += row("C\(i)", supplier: supplier, value: "lots")                       // not money
            case 19: text += row("C\(i)", supplier: supplier, end: "01/01/2021")                   // ends before it starts
            case 23: text += row("C\(i)", supplier: supplier, weighting: "140%")                   // a weighting over 100%
            case 29: text += row("C\(i)", supplier: supplier, flag: "maybe")                       // not a flag
            case 31: text += row("C\(i)", supplier: "")                                            // no supplier
            case 37: text += "C\(i),Bury,\"Broken\"x,ICT,\(supplier),01/04/2021,,,1,,,,\n"         // broken quoting
            case 41: text += "C\(i),Bury,Short\n"                                                  // too few fields
            case 43: text += row("C\(i)", supplier: supplier).replacingOccurrences(of: "Title", with: "Two\nlines")
                .replacingOccurrences(of: ",Two", with: ",\"Two").replacingOccurrences(of: ",ICT", with: "\",ICT")
            case 47: text += row("C\(i)", supplier: supplier).replacingOccurrences(of: "Bury", with: "Bu\u{0}ry")
            case 53: text += row("", supplier: supplier)                                            // no key
            case 59: text += row("  C\(i) ", supplier: supplier)                                    // spaces around the key
            default: text += row("C\(i)", supplier: supplier, weighting: "\(i % 41)%")
            }
        }
        return text
    }

    /// A workspace with the sample's measures, postcodes and suppliers, and a file of `rows` contracts.
    private func prepared(rows: Int) throws -> (Harness, URL) {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv; load suppliers suppliers.csv") == 0)
        let suppliers = try h.rows("SELECT supplier_id FROM suppliers ORDER BY rowid LIMIT 40").map { $0[0] }
        return (h, try h.write("c.csv", Self.contracts(rows: rows, suppliers: suppliers)))
    }

    /// - Parameter keysInMemory: suppliers checked against a set of their ids in memory, or by SQLite.
    private func load(onSecondThread: Bool, keysInMemory: Bool = true) throws -> Harness.LoadOutcome {
        let (h, file) = try prepared(rows: 9_000)
        return try h.loadOutcome(.contracts, file, tables: [
            "SELECT rowid, contract_id, partner, title, coalesce(category, '-'), supplier_id, award_date, "
                + "coalesce(start_date, '-'), coalesce(end_date, '-'), value_pence, coalesce(sv_weighting, '-'), "
                + "coalesce(sv_considered, '-'), coalesce(portal, '-'), coalesce(sv_kpis, '-'), financial_year FROM contracts ORDER BY rowid",
            "SELECT contract_id, supplier_id FROM further_suppliers ORDER BY contract_id, supplier_id",
        ], onSecondThread: onSecondThread, keysInMemory: keysInMemory)
    }

    @Test func aSecondThreadWritesWhatOneThreadWrites() throws {
        let pipelined = try Harness.expectOneThreadAlike { try load(onSecondThread: $0, keysInMemory: $1) }
        // The file exercised what it meant to: contracts in, further suppliers linked, and
        // refusals of each kind from both threads.
        #expect(pipelined.tables[0].count > 7_000)
        #expect(pipelined.tables[1].count > 90)
        let reasons = pipelined.tables[2].map { $0[4] }
        for kind in ["with supplier", "an award's rows must agree", "unknown supplier SUP-NONE", "not a real date",
                     "end date", "malformed CSV", "NUL byte", "required value is empty"] {
            #expect(reasons.contains { $0.contains(kind) }, "no reject for \(kind)")
        }
        #expect(pipelined.report.contains { $0.hasPrefix("several suppliers:") })
    }

    /// Ctrl-C reaches SQLite on the writing thread; the reading thread stops and nothing stays.
    @Test func anInterruptStopsBothThreadsAndLeavesNothing() throws {
        let (h, file) = try prepared(rows: 20_000)
        var options = ImportOptions.bulk
        options.chunkSize = 4096
        try h.expectInterrupted(loading: .contracts, file, atChunk: 40, options: options)   // batches already written
        options.progress = nil
        let report = try Importer.load(.contracts, file: file, into: h.session.workspace, options: options)
        #expect(report.loaded > 15_000)
    }
}
