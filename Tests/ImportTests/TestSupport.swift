import Foundation
enum Shell {
    /// What `executable` prints on stdout, run by the suite's one process runner.
    static func output(_ executable: String, _ arguments: [String]) throws -> String {
        try SVWBinary.run(arguments, executable: URL(fileURLWithPath: executable)).out
    }
}

import SVWCommands
import SVWDatabase
@testable import SVWImport
import Testing
import SVWWorkspace
import TestSupport

/// A fresh in-memory workspace with a session whose output is captured and whose
/// relative paths resolve in a temporary folder of fixture files.
final class Harness {
    let dir: ScratchFolder
    let session: Session
    let capture: Console.Capture

    init() throws {
        dir = try ScratchFolder()
        let (console, capture) = Console.capturing()
        self.capture = capture
        session = Session(workspace: try Workspace(), console: console, baseDirectory: dir.url)
    }

    var db: Database { session.db }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL { try dir.write(name, text) }

    /// Runs commands as `-c` would; returns how many failed. Output is reset first.
    @discardableResult
    func run(_ text: String) -> Int {
        capture.out = ""
        capture.err = ""
        return ScriptRunner(session: session, sourceName: "-c").run(text)
    }

    func rows(_ sql: String) throws -> [[String]] {
        try searchIndexReady(for: sql)
        return try db.query(sql).rows.map { $0.map { $0.string ?? "NULL" } }
    }

    func scalar(_ sql: String) throws -> String {
        try searchIndexReady(for: sql)
        return try db.scalar(sql).string ?? "NULL"
    }

    /// The search index is brought up to date before a search reads it, as svw's own searches do.
    private func searchIndexReady(for sql: String) throws {
        if sql.contains("search_fts") { try SearchIndex.refreshIfStale(db) }
    }

    /// Loads `file` with Ctrl-C reaching SQLite at the load's `chunk`th progress report
    /// (part-way: rows already written) and expects the load to stop with the interrupt,
    /// leaving the workspace exactly as it was and no transaction open.
    func expectInterrupted(loading kind: ImportKind, _ file: URL, atChunk chunk: Int, options: ImportOptions = ImportOptions(),
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try dump()
        let handle = db.interruptHandle
        var options = options
        var chunks = 0
        options.progress = { _, _ in
            chunks += 1
            if chunks == chunk { handle.interrupt() }
        }
        #expect(sourceLocation: sourceLocation) {
            try Importer.load(kind, file: file, into: session.workspace, options: options)
        } throws: { ($0 as? SQLiteError)?.isInterrupt == true }
        #expect(chunks >= chunk, "the load ended before it was interrupted", sourceLocation: sourceLocation)
        #expect(try dump() == before, sourceLocation: sourceLocation)
        #expect(db.isAutocommit, sourceLocation: sourceLocation)
    }

    /// What a load left, to compare two ways of loading the same file: its report's lines (the
    /// scratch folder left out) and the rows `tables` select, then its rejects and its `imports` row.
    struct LoadOutcome: Equatable {
        let report: [String]
        let tables: [[[String]]]
    }

    /// Loads `file` as a big file (the bulk path), on a second thread or on one, with the
    /// parent keys checked in memory or by SQLite, and returns what it left.
    func loadOutcome(_ kind: ImportKind, _ file: URL, tables: [String], onSecondThread: Bool,
                     keysInMemory: Bool = true) throws -> LoadOutcome {
        var options = ImportOptions.bulk
        options.problemsToKeep = 1_000
        options.readsOnSecondThread = onSecondThread
        if !keysInMemory { options.knownKeysBudget = 0 }
        let report = try Importer.load(kind, file: file, into: session.workspace, options: options)
        let rows = try (tables + ["SELECT line, coalesce(col, '-'), coalesce(column_name, '-'), coalesce(raw, '-'), reason FROM rejects ORDER BY rowid",
                                  "SELECT rows_loaded, rows_replaced, rows_rejected, sha256 FROM imports WHERE kind = '\(kind.rawValue)'"])
            .map { try self.rows($0) }
        let summary = ["\(report.loaded) \(report.added) \(report.replaced) \(report.rejectedRows) \(report.problemCount)",
                       report.sha256] + report.problemMessages + report.notes
        let folder = dir.url.path + "/"
        return LoadOutcome(report: summary.map { $0.replacingOccurrences(of: folder, with: "") }, tables: rows)
    }

    /// Expects a file loaded on a second thread to leave exactly what it leaves loaded on one,
    /// and (with `parentKeys`) what it leaves with SQLite checking the parent keys instead of
    /// a set of them in memory; returns what the load on a second thread left.
    /// - Parameter load: loads the file into a fresh workspace, on a second thread or not,
    ///   with the parent keys in memory or not.
    static func expectOneThreadAlike(parentKeys: Bool = true, sourceLocation: SourceLocation = #_sourceLocation,
                                     _ load: (_ onSecondThread: Bool, _ keysInMemory: Bool) throws -> LoadOutcome) throws -> LoadOutcome {
        let pipelined = try load(true, true)
        let ways = try [load(false, true)] + (parentKeys ? [load(true, false)] : [])
        for other in ways {
            #expect(pipelined.report == other.report, sourceLocation: sourceLocation)
            for (a, b) in zip(pipelined.tables, other.tables) { #expect(a == b, sourceLocation: sourceLocation) }
        }
        return pipelined
    }

    /// Every table's schema and rows, in a stable order: two equal dumps mean two equal workspaces.
    func dump() throws -> String {
        var out = "user_version \(try scalar("PRAGMA user_version"))\n"
        let objects = try db.query("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name").rows
        for object in objects {
            out += object.map { $0.string ?? "" }.joined(separator: " | ") + "\n"
        }
        for object in objects where object[0].string == "table" {
            let name = object[1].string!
            let columns = try db.prepare("SELECT * FROM \"\(name)\"").columnCount
            let order = (1...columns).map(String.init).joined(separator: ", ")
            out += "== \(name)\n"
            for row in try db.query("SELECT * FROM \"\(name)\" ORDER BY \(order)").rows {
                out += row.map { $0.string ?? "NULL" }.joined(separator: "|") + "\n"
            }
        }
        return out
    }

    /// Writes a small, consistent data set in the sample files' formats.
    func writeSample() throws {
        try write("measures.csv", """
            code,theme,outcome,description,unit,proxy_value,edition,illustrative,gm_priority
            NT1,Jobs,More local people in employment,Local people employed on the contract,FTE,"£28,062.00",2021,yes,best employment
            NT18,Growth,More opportunities for local MSMEs and VCSEs,Spend with local VCSEs,£ spent,£0.50,2021,yes,
            NT31,Environment,Carbon emissions are reduced,Savings in CO2 emissions,tonnes CO2e,£70.00,2021,yes,clean air

            """)
        try write("postcode_districts.csv", """
            outward_code,authority,authority_code,postcodes,share
            M1,Manchester,E08000003,1002,1.0000
            M3,Manchester,E08000003,312,0.4304
            M3,Salford,E08000006,413,0.5696
            SK4,Stockport,E08000007,1038,1.0000
            WA3,Salford,E08000006,9,0.0059
            WA3,Wigan,E08000010,745,0.4918
            BL7,Bolton,E08000001,295,0.5796

            """)
        try write("suppliers.csv", """
            supplier_id,name,company_number,postcode,sme,vcse
            S001,Acme Construction Ltd,01234567,sk41aa,Yes,No
            S002,Northern Care CIC,,M1 1AE,Yes,Yes
            S003,Warrington Works Limited,,WA3 6AA,No,No
            S004,Mystery Supplies,,not known,No,No

            """)
        try write("contracts.csv", """
            contract_id,partner,title,category,supplier_id,award_date,start_date,end_date,value,sv_weighting,sv_considered,portal,sv_kpis
            C001,Stockport,Highway repairs,Works,S001,15/06/2020,01/07/2020,30/06/2023,"£1,250,000.00",20%,Yes,Yes,Yes
            C002,Trafford,Home care,Care,S002,31/03/2021,01/04/2021,,"£80,000.00",10%,Yes,No,No
            C003,Rochdale,Stationery,Goods,S003,01/04/2021,,,£9500,,No,No,
            C004,Tameside,Consultancy,Services,S004,2020-09-01,,,"£30,000",25,Yes,,No

            """)
        try write("commitments.csv", """
            commitment_id,contract_id,measure_code,units_committed,units_delivered,reporting_date
            K001,C001,NT1,2,1,31/03/2021
            K002,C001,NT31,10.5,,
            K003,C002,NT18,"10,000",2500,31/03/2022
            K004,,NT1,3,3,31/03/2021

            """)
    }
}

extension ImportOptions {
    /// Options that take a big file's path whatever the file's size (the table's indexes
    /// dropped, left pending or built again: `BulkIndexes`), for small test files.
    static var bulk: ImportOptions {
        var options = ImportOptions()
        options.bulkIndexThreshold = 0
        return options
    }
}
