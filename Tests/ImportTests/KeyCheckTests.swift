import Foundation
import Testing
import SVWDatabase
import SVWWorkspace
@testable import SVWCommands
@testable import SVWImport
import TestSupport

/// A big load checks each row's supplier and contract against the table's ids in memory,
/// with SQLite's per-row foreign-key look-up off; a small one leaves the look-up to SQLite.
/// Both must reject the same rows with the same file, line, column and reason, and load
/// the same rows.
@Suite struct KeyCheckTests {
    private let contracts = """
        contract_id,partner,title,supplier_id,award_date,value
        C10,Stockport,Fine,S001,01/05/2021,£1
        C11,Stockport,Nobody,S999,01/05/2021,£2
        C10,Stockport,Fine,S998,01/05/2021,£1
        C10,Stockport,Fine,S002,01/05/2021,£1
        C11,Stockport,Nobody,S001,01/05/2021,£2
        C12,Stockport,"Quoted, twice",S003,31/03/2021,£3
        C12,Stockport,"Quoted, twice",S003,31/03/2021,£3
        """

    private let commitments = """
        commitment_id,contract_id,measure_code,units_committed,reporting_date
        K10,C10,NT1,1,31/03/2022
        K11,C404,NT1,2,
        K11,C10,NT1,3,01/04/2022
        K12,,NT18,4,
        K13,C11,NT1,5,30/09/1999
        K12,C12,NT1,6,
        K14,C12,NT404,7,
        """

    private struct Outcome: Equatable {
        let messages: [String]
        let tables: [[[String]]]
    }

    private func load(bulk: Bool) throws -> Outcome {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv; load suppliers suppliers.csv") == 0)
        var options = ImportOptions()
        options.bulkIndexThreshold = bulk ? 0 : .max
        var messages: [String] = []
        for (kind, text) in [(ImportKind.contracts, contracts), (.commitments, commitments)] {
            let file = try h.write("\(kind.rawValue)-new.csv", text)
            let report = try Importer.load(kind, file: file, into: h.session.workspace, options: options)
            messages += report.problemMessages + report.notes
            #expect(try h.scalar("PRAGMA foreign_keys") == "1", "enforcement is back on after the load")
            #expect(try h.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%financial_year%'") == "4",
                    "the financial-year triggers are back after the load")
        }
        let tables = try ["SELECT contract_id, supplier_id, title, financial_year FROM contracts ORDER BY 1",
                          "SELECT contract_id, supplier_id FROM further_suppliers ORDER BY 1, 2",
                          "SELECT commitment_id, coalesce(contract_id, '-'), units_committed, coalesce(financial_year, '-') FROM commitments ORDER BY 1",
                          "SELECT file, line, coalesce(col, '-'), coalesce(column_name, '-'), raw, reason FROM rejects ORDER BY rowid"]
            .map { try h.rows($0) }
        // The scratch folder differs between the two workspaces; the file names do not.
        let folder = h.dir.url.path + "/"
        return Outcome(messages: messages.map { $0.replacingOccurrences(of: folder, with: "") },
                       tables: tables.map { $0.map { $0.map { $0.replacingOccurrences(of: folder, with: "") } } })
    }

    @Test func checksInMemoryRejectWhatSQLiteRejects() throws {
        let inMemory = try load(bulk: true)
        let bySQLite = try load(bulk: false)
        #expect(inMemory == bySQLite)
        let reasons = inMemory.tables[3].map { $0.joined(separator: "|") }
        #expect(reasons == [
            "contracts-new.csv|3|4|supplier_id|S999|unknown supplier S999 (load suppliers first)",
            "contracts-new.csv|4|4|supplier_id|S998|unknown supplier S998 (load suppliers first)",
            "contracts-new.csv|8|1|contract_id|C12|duplicate contract_id C12 with supplier S003: line 7 has it too",
            "commitments-new.csv|3|2|contract_id|C404|unknown contract C404 (load contracts first)",
            "commitments-new.csv|7|1|commitment_id|K12|duplicate commitment_id K12: line 5 has it too",
            "commitments-new.csv|8|3|measure_code|NT404|unknown measure code \"NT404\" (in no loaded measures edition)",
        ])
        // C11's first row was refused, so its next row (S001) is its first: the contract is loaded.
        #expect(inMemory.tables[0] == [["C10", "S001", "Fine", "2021/22"], ["C11", "S001", "Nobody", "2021/22"],
                                       ["C12", "S003", "Quoted, twice", "2020/21"]])
        #expect(inMemory.tables[1] == [["C10", "S002"]])
        // A commitment id whose row was refused is free for a later row.
        #expect(inMemory.tables[2].contains(["K11", "C10", "3.0", "2022/23"]))
        // The load writes each year itself (a bulk load with the triggers suspended): the same years.
        #expect(inMemory.tables[2].map(\.[3]) == ["2021/22", "2022/23", "-", "1999/00"])
    }
}

/// A load into an empty table lets the table's unique key find a key met twice in the file
/// (`FreshTable`); a load into a table with rows remembers the keys it has seen. Both name
/// the same first line, across records that span lines and rows that were refused.
@Suite struct FreshTableTests {
    private let suppliers = """
        supplier_id,name,postcode
        S10,"Two
        lines Ltd",SK4 1AA
        S11,Plain Ltd,M1 1AE
        S12,,M1 1AE
        S10,Again Ltd,SK4 1AA
        S13,"Three
        whole
        lines",M1 1AE
        S11,Again Ltd,SK4 1AA
        S13,Again Ltd,SK4 1AA
        """

    private let contracts = """
        contract_id,partner,title,supplier_id,award_date,value
        C10,Bury,Roads,S001,01/05/2021,£1
        C10,Bury,Roads,S002,01/05/2021,£2
        C10,Bury,Roads,S003,01/05/2021,£1
        C10,Bury,Roads,S001,01/05/2021,£1
        C10,Bury,Roads,S003,01/05/2021,£1
        C10,Bury,Roads,S999,01/05/2021,£1
        C10,Bury,Roads,S999,02/05/2021,£1
        C11,Bury,"Bins,
        and more",S999,01/05/2021,£1
        C11,Bury,Bins,S002,01/05/2021,£1
        C11,Bury,Bins,S003,01/05/2021,£3
        """

    private let commitments = """
        commitment_id,contract_id,measure_code,units_committed
        K1,C001,NT1,1
        K2,C001,NT1,-1
        K2,C001,NT1,2
        K3,C404,NT1,2
        K1,C404,NT1,2
        K2,C001,NT1,5
        """

    /// The rejects of loading the files, into empty tables or into tables holding other rows,
    /// with keys checked in memory (`bulk`) or by SQLite.
    private func rejects(intoEmptyTables: Bool, bulk: Bool) throws -> [[String]] {
        let h = try Harness()
        try h.writeSample()
        try h.write("s.csv", suppliers)
        try h.write("c.csv", contracts)
        try h.write("k.csv", commitments)
        var options = ImportOptions()
        options.bulkIndexThreshold = bulk ? 0 : .max
        func load(_ kind: ImportKind, _ file: String) throws {
            _ = try Importer.load(kind, file: h.dir.url.appendingPathComponent(file), into: h.session.workspace, options: options)
        }
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv") == 0)
        for (kind, file) in intoEmptyTables
            ? [(ImportKind.suppliers, "s.csv"), (.suppliers, "suppliers.csv"), (.contracts, "c.csv"), (.contracts, "contracts.csv")]
            : [(.suppliers, "suppliers.csv"), (.suppliers, "s.csv"), (.contracts, "contracts.csv"), (.contracts, "c.csv")] {
            try load(kind, file)
        }
        if !intoEmptyTables {
            try h.db.execute("INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed) VALUES ('K0', 'C001', 'NT1', 1)")
        }
        try load(.commitments, "k.csv")
        #expect(try h.rows("SELECT contract_id, supplier_id FROM award_suppliers WHERE contract_id LIKE 'C1_' ORDER BY 1, 2")
                == [["C10", "S001"], ["C10", "S003"], ["C11", "S002"]])
        return try h.rows("""
            SELECT substr(file, length(file) - 4), line, coalesce(col, '-'), reason FROM rejects
             WHERE substr(file, length(file) - 4) IN ('s.csv', 'c.csv', 'k.csv') AND file NOT LIKE '%suppliers.csv'
               AND file NOT LIKE '%contracts.csv' ORDER BY rowid
            """)
    }

    @Test func duplicatesNameTheSameFirstLineEitherWay() throws {
        let fresh = try rejects(intoEmptyTables: true, bulk: true)
        #expect(fresh == (try rejects(intoEmptyTables: false, bulk: true)))
        #expect(fresh == (try rejects(intoEmptyTables: true, bulk: false)))
        #expect(fresh == (try rejects(intoEmptyTables: false, bulk: false)))
        #expect(fresh.map { $0.joined(separator: "|") } == [
            "s.csv|6|1|duplicate supplier_id S10: line 2 has it too",
            "s.csv|10|1|duplicate supplier_id S11: line 4 has it too",
            "s.csv|11|1|duplicate supplier_id S13: line 7 has it too",
            "c.csv|3|6|contract C10 has value £2.00 here but £1.00 on line 2; an award's rows must agree",
            "c.csv|5|1|duplicate contract_id C10 with supplier S001: line 2 has it too",
            "c.csv|6|1|duplicate contract_id C10 with supplier S003: line 4 has it too",
            "c.csv|7|4|unknown supplier S999 (load suppliers first)",
            "c.csv|8|5|contract C10 has award date 2021-05-02 here but 2021-05-01 on line 2; an award's rows must agree",
            "c.csv|10|4|unknown supplier S999 (load suppliers first)",
            "c.csv|12|6|contract C11 has value £3.00 here but £1.00 on line 11; an award's rows must agree",
            "k.csv|3|4|\"-1\" is negative",
            "k.csv|5|2|unknown contract C404 (load contracts first)",
            "k.csv|6|1|duplicate commitment_id K1: line 2 has it too",
            "k.csv|7|1|duplicate commitment_id K2: line 4 has it too",
        ])
    }
}

/// A big load reads its parent ids before its transaction: when another process writes to
/// the workspace in between, they are read again inside it, so a parent deleted meanwhile is
/// unknown to the load, as it is to the table.
@Suite struct ParentKeysReadBeforeTheLoadTests {
    @Test func aParentDeletedInBetweenIsUnknown() throws {
        let h = try Harness()
        try h.writeSample()
        let path = h.dir.url.appendingPathComponent("w.db").path
        let workspace = try Workspace(path: path)
        for (kind, file) in [(ImportKind.measures, "measures.csv"), (.postcodes, "postcode_districts.csv"), (.suppliers, "suppliers.csv"),
                             (.contracts, "contracts.csv")] {
            _ = try Importer.load(kind, file: h.dir.url.appendingPathComponent(file), into: workspace)
        }
        var options = ImportOptions.bulk
        options.afterParentKeys = {
            // Another process, between the ids' reading and the load's transaction.
            let other = try Database(path: path)
            try other.execute("PRAGMA foreign_keys = ON")
            try other.execute("DELETE FROM contracts WHERE contract_id = 'C002'")
        }
        let report = try Importer.load(.commitments, file: h.dir.url.appendingPathComponent("commitments.csv"), into: workspace, options: options)
        #expect(report.problemMessages.contains { $0.contains("unknown contract C002") }, "\(report.problemMessages)")
        #expect(try workspace.db.scalar("SELECT count(*) FROM commitments WHERE contract_id NOT IN (SELECT contract_id FROM contracts)").int64 == 0)
        #expect(try workspace.db.scalar("SELECT count(*) FROM pragma_foreign_key_check('commitments')").int64 == 0)
    }
}

/// The exact id set: every id inserted is found, whatever its length, and no other.
@Suite struct KnownKeysTests {
    @Test func findsExactlyTheIdsItHolds() {
        var keys = KnownKeys()
        let ids = (0..<5000).map { "C\($0)" } + ["", String(repeating: "x", count: 200), String(repeating: "y", count: 20_000)]
        for id in ids { Array(id.utf8).withUnsafeBytes { keys.insert($0) } }
        for id in ids { Array(id.utf8).withUnsafeBytes { keys.insert($0) } }
        #expect(keys.count == ids.count)
        for id in ids { #expect(keys.contains(id), "\(id.prefix(10))") }
        for id in ["C5000", "c1", "C1 ", String(repeating: "x", count: 199), String(repeating: "y", count: 20_001)] {
            #expect(!keys.contains(id), "\(id.prefix(10))")
        }
    }

    /// A big table on a file is read in two halves, the second on a connection and thread of
    /// its own: the same set as one connection reads, and the same budget.
    @Test func aTableReadInTwoHalvesHoldsTheSameIds() throws {
        let folder = try ScratchFolder()
        let db = try Database(path: folder.file("w.db").path)
        try db.execute("CREATE TABLE t (id TEXT NOT NULL)")
        let ids = (0..<5000).map { "K\($0 * 3)" }
        try db.transaction { for id in ids { try db.run("INSERT INTO t VALUES (?1)", [id]) } }
        try db.execute("DELETE FROM t WHERE rowid % 10 = 0")   // rowids with gaps: fewer rows than the largest
        let kept = try db.query("SELECT id FROM t").rows.compactMap { $0.first?.string }
        let halves = try #require(try KnownKeys(db: db, table: "t", column: "id", splitRows: 1000))
        let one = try #require(try KnownKeys(db: db, table: "t", column: "id"))
        #expect(halves.count == kept.count && one.count == kept.count)
        let asked = ids + ["K1", "K2", ""]
        let answers = withBuffers(asked.map { Array($0.utf8) }) { halves.containsEach($0) }
        #expect(answers == withBuffers(asked.map { Array($0.utf8) }) { one.containsEach($0) })
        #expect(answers.filter { $0 }.count == kept.count)
        // The budget holds either way: 16,384 slots (65,536 bytes) and ~27 KB of ids fit in
        // 100,000 bytes, not in 80,000, where each half's ids are over their half of what is left.
        #expect(try KnownKeys(db: db, table: "t", column: "id", budget: 100_000, splitRows: 1000) != nil)
        #expect(try KnownKeys(db: db, table: "t", column: "id", budget: 100_000) != nil)
        #expect(try KnownKeys(db: db, table: "t", column: "id", budget: 80_000, splitRows: 1000) == nil)
        #expect(try KnownKeys(db: db, table: "t", column: "id", budget: 80_000) == nil)

        // A rowid an analyst chose far out, and a negative one: the rows are counted instead, and all read.
        try db.execute("INSERT INTO t(rowid, id) VALUES (4611686018427387904, 'far'), (-7, 'below')")
        let far = try #require(try KnownKeys(db: db, table: "t", column: "id", splitRows: 1000))
        #expect(far.count == kept.count + 2)
        #expect(withBuffers([Array("far".utf8), Array("below".utf8)]) { far.containsEach($0) } == [true, true])
    }

    /// A table's ids, read in one pass and placed in another, answer a batch of look-ups
    /// exactly as the set built one id at a time answers each.
    @Test func aTablesIdsAnswerABatchAsEachIsAnswered() throws {
        let db = try Database()
        try db.execute("CREATE TABLE t (id TEXT NOT NULL PRIMARY KEY)")
        var ids = (0..<3000).map { "K\($0 * 7)" } + [String(repeating: "z", count: 300), "é"]
        ids.shuffle()
        for id in ids { try db.run("INSERT INTO t VALUES (?1)", [id]) }
        let fromTable = try #require(try KnownKeys(db: db, table: "t", column: "id"))
        // 3002 ids: 8192 four-byte slots and their bytes, each with its length byte.
        let bytes = ids.reduce(0) { $0 + $1.utf8.count + ($1.utf8.count < 128 ? 1 : 2) }
        #expect(try KnownKeys(db: db, table: "t", column: "id", budget: 8192 * 4 + bytes) != nil)
        #expect(try KnownKeys(db: db, table: "t", column: "id", budget: 8192 * 4 + bytes - 1) == nil)
        var oneByOne = KnownKeys()
        for id in ids { Array(id.utf8).withUnsafeBytes { oneByOne.insert($0) } }
        #expect(fromTable.count == ids.count)

        let asked = (0..<6000).map { "K\($0)" } + [String(repeating: "z", count: 300), String(repeating: "z", count: 299), "é", "e", ""]
        let answers = withBuffers(asked.map { Array($0.utf8) }) { fromTable.containsEach($0) }
        #expect(answers == asked.map { oneByOne.contains($0) })
        // K0, K7, … K5999 (858 of them), the long id and "é".
        #expect(answers.filter { $0 }.count == 858 + 2)
    }

    private func withBuffers<T>(_ arrays: [[UInt8]], _ body: ([UnsafeRawBufferPointer]) -> T) -> T {
        let pointers: [UnsafeMutableRawBufferPointer] = arrays.map { array in
            let p = UnsafeMutableRawBufferPointer.allocate(byteCount: array.count, alignment: 1)
            p.copyBytes(from: array)
            return p
        }
        defer { pointers.forEach { $0.deallocate() } }
        return body(pointers.map { UnsafeRawBufferPointer($0) })
    }
}
