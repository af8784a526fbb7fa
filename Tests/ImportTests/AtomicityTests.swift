import Foundation
import Testing
import SVWDatabase
@testable import SVWCommands
@testable import SVWImport

/// A load that fails — for any reason — leaves the workspace byte-for-byte as it was.
@Suite struct AtomicityTests {
    private func loadedSample() throws -> Harness {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load sample .") == 0, "\(h.capture.err)")
        return h
    }

    /// Good rows first, then a problem: the good rows must not stay behind.
    private let contractsWithBadTail = """
        contract_id,partner,title,category,supplier_id,award_date,start_date,end_date,value,sv_weighting,sv_considered,portal,sv_kpis
        C100,Stockport,New one,Works,S001,01/05/2021,,,£100,,,,
        C001,Stockport,Changed title,Works,S001,15/06/2020,01/07/2020,30/06/2023,"£1,250,000.00",20%,Yes,Yes,Yes
        C101,Stockport,Inline bad,Works,S001,01/05/2021,,,£1.001,,,,
        """

    @Test func strictRejectWritesNothingNotEvenTheLog() throws {
        let h = try loadedSample()
        try h.write("tail.csv", contractsWithBadTail)
        let before = try h.dump()
        #expect(h.run("load contracts tail.csv --strict") == 1)
        #expect(h.capture.err == """
            -c:1: load: --strict: 1 row of tail.csv rejected, so nothing was loaded
              tail.csv:4:9: column "value": "£1.001" has fractions of a penny (more than 2 decimal places)

            """)
        #expect(try h.dump() == before)
        // Without --strict the same file loads its good rows.
        #expect(h.run("load contracts tail.csv") == 0)
        #expect(try h.dump() != before)
        #expect(try h.scalar("SELECT title FROM contracts WHERE contract_id = 'C001'") == "Changed title")
    }

    @Test func unterminatedQuoteAfterGoodRowsUndoesThem() throws {
        let h = try loadedSample()
        try h.write("open.csv", contractsWithBadTail + "\nC102,Stockport,\"never closed,Works,S001,01/05/2021,,,£1,,,,\nC103,x\n")
        let before = try h.dump()
        #expect(h.run("load contracts open.csv") == 1)
        #expect(h.capture.err == "-c:1: load: open.csv:5:3: unterminated quoted field: the quote that opens it is never closed\n")
        #expect(try h.dump() == before)
    }

    @Test func missingColumnChangesNothing() throws {
        let h = try loadedSample()
        try h.write("nocol.csv", "contract_id,partner\nC1,Stockport\n")
        let before = try h.dump()
        #expect(h.run("load contracts nocol.csv") == 1)
        #expect(try h.dump() == before)
    }

    @Test func interruptRollsBackAndTheNextLoadWorks() throws {
        let h = try loadedSample()
        var text = "supplier_id,name,postcode\n"
        for i in 0..<2000 { text += "X\(i),Interrupted Supplier \(i),M1 1AE\n" }
        let url = try h.write("many.csv", text)
        var options = ImportOptions()
        options.chunkSize = 4096
        try h.expectInterrupted(loading: .suppliers, url, atChunk: 3, options: options)

        let report = try Importer.load(.suppliers, file: url, into: h.session.workspace)
        #expect(report.loaded == 2000)
        #expect(try h.scalar("SELECT count(*) FROM suppliers") == "2004")
    }

    @Test func failingSampleFileUndoesTheWholeSample() throws {
        let h = try Harness()
        try h.writeSample()
        try h.write("commitments.csv", "commitment_id,contract_id,measure_code,units_committed\nK1,C001,NT1,\"1\n")
        let before = try h.dump()
        #expect(h.run("load sample .") == 1)
        #expect(h.capture.err == "-c:1: load: ./commitments.csv:2:4: unterminated quoted field: the quote that opens it is never closed\n")
        #expect(try h.dump() == before)
    }

    @Test func strictSampleRefusesAnyReject() throws {
        let h = try Harness()
        try h.writeSample()
        try h.write("commitments.csv", "commitment_id,contract_id,measure_code,units_committed\nK1,C001,NT99,1\n")
        let before = try h.dump()
        #expect(h.run("load sample . --strict") == 1)
        #expect(try h.dump() == before)
    }

    @Test func failedTableLoadCreatesNoTable() throws {
        let h = try loadedSample()
        try h.write("t.csv", "a,b\n1,2\n3,\"x\n")
        let before = try h.dump()
        #expect(h.run("load table t t.csv") == 1)
        #expect(try h.dump() == before)
        // Fails in the second (inserting) pass: the created table goes too.
        try h.write("short.csv", "a,b\n1,2\n3\n")
        #expect(h.run("load table t short.csv --strict") == 1)
        #expect(h.capture.err.hasPrefix("-c:1: load: --strict: 1 row of short.csv rejected, so nothing was loaded\n  short.csv:3: row has 1 field; the header has 2"))
        #expect(try h.dump() == before)
    }
}

/// An interrupt that lands while no statement is running — reading the header, or the
/// first pass of `load table` — must still stop the load and leave no transaction open.
@Suite struct QuietInterruptTests {
    private func interruptingOptions(_ h: Harness) -> ImportOptions {
        let handle = h.db.interruptHandle
        var options = ImportOptions()
        options.chunkSize = 64
        options.progress = { _, _ in handle.interrupt() }
        return options
    }

    @Test func duringTheHeader() throws {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv") == 0)
        let before = try h.dump()
        #expect {
            try Importer.load(.suppliers, file: h.dir.url.appendingPathComponent("suppliers.csv"), into: h.session.workspace,
                              options: interruptingOptions(h))
        } throws: { ($0 as? SQLiteError)?.isInterrupt == true }
        #expect(h.db.isAutocommit)
        #expect(try h.dump() == before)
        #expect(h.run("load suppliers suppliers.csv") == 0)
    }

    /// Inline supplier look-ups are reads: an interrupt there does not make SQLite roll
    /// back by itself, so the load must (and must be able to: see InterruptWatch).
    @Test func duringAReadInsideTheTransaction() throws {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load sample .") == 0)
        var text = "contract_id,partner,title,supplier_name,award_date,value\n"
        for i in 0..<300 { text += "IC\(i),Stockport,Inline \(i),Inline Supplier \(i % 7),01/05/2021,£\(i)\n" }
        let url = try h.write("inline.csv", text)
        let before = try h.dump()
        let handle = h.db.interruptHandle
        var options = ImportOptions()
        options.chunkSize = 512
        var calls = 0
        options.progress = { _, _ in calls += 1; if calls == 4 { handle.interrupt() } }
        #expect {
            try Importer.load(.contracts, file: url, into: h.session.workspace, options: options)
        } throws: { ($0 as? SQLiteError)?.isInterrupt == true }
        #expect(h.db.isAutocommit)
        #expect(try h.dump() == before)
        #expect(h.run("load contracts inline.csv") == 0)
        #expect(try h.scalar("SELECT count(*) FROM contracts WHERE contract_id LIKE 'IC%'") == "300")
    }

    /// The first pass of `load table` runs no SQL at all: only the watch's probe can notice.
    @Test func duringTheFirstPassOfLoadTable() throws {
        let h = try Harness()
        var text = "a,b\n"
        for i in 0..<50_000 { text += "\(i),x\(i)\n" }
        let url = try h.write("t.csv", text)
        let before = try h.dump()
        // The first pass reports no progress, so interrupt from another thread until the load stops.
        let handle = h.db.interruptHandle
        let done = Atomic(false)
        let thread = Thread { while !done.value { handle.interrupt(); usleep(100) } }
        thread.start()
        #expect {
            try Importer.loadTable(named: "t", file: url, into: h.session.workspace)
        } throws: { ($0 as? SQLiteError)?.isInterrupt == true }
        done.value = true
        while !thread.isFinished { usleep(100) }
        #expect(h.db.isAutocommit)
        #expect(try h.dump() == before)
        #expect(h.run("load table t t.csv") == 0, "\(h.capture.err)")
        #expect(try h.scalar("SELECT count(*) FROM t") == "50000")
    }
}

/// A flag another thread can set.
final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Bool
    init(_ value: Bool) { stored = value }
    var value: Bool {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
