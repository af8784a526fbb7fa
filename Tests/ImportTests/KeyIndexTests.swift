import Foundation
import Testing
import SVWDatabase
import SVWWorkspace
@testable import SVWImport

/// A big load into an empty table leaves the table's key index unbuilt while the ids come in
/// ascending order, which proves them unique; it builds the index at the first id that does
/// not, and leaves it pending otherwise, guarded by triggers until it is built. Whatever the
/// order, the rows, rejects and further suppliers must be those of a load row by row.
@Suite struct KeyIndexTests {
    private func pending(_ db: Database) throws -> [String] {
        try db.query("SELECT key FROM settings WHERE key IN (?1, ?2, ?3) ORDER BY key",
                     KeyIndexes.keyed.map { "pending_index:\($0.table):\($0.table)_key" }).rows
            .compactMap { $0.first?.string }
    }

    private func keyIndexes(_ db: Database) throws -> [String] {
        try db.query("SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN (?1, ?2, ?3) ORDER BY name",
                     KeyIndexes.keyed.map { "\($0.table)_key" }).rows
            .compactMap { $0.first?.string }
    }

    private func guards(_ db: Database) throws -> [String] {
        try db.query("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%\\_key\\_pending\\_%' ESCAPE '\\' ORDER BY name")
            .rows.compactMap { $0.first?.string }
    }

    @Test func idsInOrderLeaveTheKeysForLaterGuardedMeanwhile() throws {
        let h = try Harness()
        try h.writeSample()
        let path = h.dir.url.appendingPathComponent("w.db").path
        let workspace = try Workspace(path: path)
        for (kind, file) in [(ImportKind.measures, "measures.csv"), (.postcodes, "postcode_districts.csv"), (.suppliers, "suppliers.csv"),
                             (.contracts, "contracts.csv"), (.commitments, "commitments.csv")] {
            _ = try Importer.load(kind, file: h.dir.url.appendingPathComponent(file), into: workspace, options: .bulk)
        }
        #expect(try pending(workspace.db) == ["pending_index:commitments:commitments_key", "pending_index:contracts:contracts_key",
                                              "pending_index:suppliers:suppliers_key"])
        #expect(try keyIndexes(workspace.db) == [])
        #expect(try guards(workspace.db).count == 6)
        #expect(try workspace.db.scalar("PRAGMA foreign_keys") == 1)

        // Another program writing meanwhile, as sqlite3 does (foreign keys off), cannot break a key.
        let other = try Database(path: path)
        try other.execute("PRAGMA foreign_keys = OFF")
        let insert = "INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence) VALUES (?1, 'Bury', 'Bins', 'S001', '2021-04-01', 5)"
        #expect {
            try other.run(insert, ["C001"])
        } throws: { error in
            (error as? SQLiteError)?.message.contains("UNIQUE constraint failed: contracts.contract_id") == true
        }
        #expect(throws: SQLiteError.self) { try other.execute("UPDATE contracts SET contract_id = 'C001' WHERE contract_id = 'C002'") }
        #expect(throws: SQLiteError.self) {
            try other.execute("INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed) SELECT commitment_id, NULL, 'NT1', 1 FROM commitments LIMIT 1")
        }
        try other.run(insert, ["C900"])
        try other.execute("UPDATE contracts SET contract_id = 'C901' WHERE contract_id = 'C900'")

        try PendingIndexes.build(workspace.db)
        #expect(try pending(workspace.db) == [])
        #expect(try keyIndexes(workspace.db) == ["commitments_key", "contracts_key", "suppliers_key"])
        #expect(try guards(workspace.db) == [])
        #expect(try workspace.db.scalar("SELECT count(*) FROM contracts WHERE contract_id = 'C901'") == 1)
        #expect(try workspace.db.scalar("PRAGMA integrity_check") == .text("ok"))
        #expect(try workspace.db.query("PRAGMA foreign_key_check").rows.isEmpty)
        #expect(throws: SQLiteError.self) { try other.run(insert, ["C001"]) }
    }

    /// A contracts file of three batches and more, its ids ascending but for: an unknown
    /// supplier while the key waits, then an id out of order in the third batch (where the key
    /// is built), a framework award's further supplier, and a duplicate.
    private func contractsFile() -> String {
        var text = "contract_id,partner,title,supplier_id,award_date,value\n"
        func id(_ i: Int) -> String { "C\(10_000 + 2 * i)" }
        for i in 0..<5_000 {
            switch i {
            case 3_000: text += "C15999,Bury,Nobody,S999,01/05/2021,£1\n"
            case 4_100: text += "C10021,Bury,Between,S001,01/05/2021,£1\n"
            case 4_200: text += "\(id(10)),Bury,Contract 10,S002,01/05/2021,£10\n"
            case 4_300: text += "\(id(20)),Bury,Contract 20,S001,01/05/2021,£20\n"
            default: break
            }
            text += "\(id(i)),Bury,Contract \(i),S001,01/05/2021,£\(i)\n"
        }
        return text
    }

    private func outcome(bulk: Bool) throws -> (tables: [[[String]]], key: [String]) {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv; load suppliers suppliers.csv") == 0)
        let file = try h.write("many.csv", contractsFile())
        var options = ImportOptions()
        options.bulkIndexThreshold = bulk ? 0 : .max
        _ = try Importer.load(.contracts, file: file, into: h.session.workspace, options: options)
        let key = try keyIndexes(h.db) + pending(h.db)
        let tables = try ["SELECT * FROM contracts ORDER BY rowid", "SELECT * FROM further_suppliers ORDER BY 1, 2",
                          "SELECT line, coalesce(col, '-'), reason FROM rejects ORDER BY rowid"].map { try h.rows($0) }
        return (tables, key)
    }

    @Test func idsOutOfOrderBuildTheKeyWhereTheyTurnAndLoadAsRowByRow() throws {
        let bulk = try outcome(bulk: true), rowByRow = try outcome(bulk: false)
        for (table, (a, b)) in zip(bulk.tables, rowByRow.tables).enumerated() {
            // The first row that differs, not all 5,000.
            let differs = zip(a, b).first { $0.0 != $0.1 }
            #expect(a.count == b.count && differs == nil, "table \(table): \(a.count) vs \(b.count) rows; \(String(describing: differs))")
        }
        #expect(bulk.key == ["commitments_key", "contracts_key", "suppliers_key"], "built in the load, not left pending")
        #expect(bulk.tables[0].count == 5_001)
        #expect(bulk.tables[1] == [["C10020", "S002"]])
        #expect(bulk.tables[2] == [["3002", "4", "unknown supplier S999 (load suppliers first)"],
                                   ["4305", "1", "duplicate contract_id C10040 with supplier S001: line 22 has it too"]])
    }

    /// Files of each keyed kind whose ids ascend but repeat: a framework award's further
    /// suppliers (three rows of one contract among them, and a pair across batches), exact
    /// duplicates, a repeat whose value disagrees, and a repeat after a row refused for its
    /// parent. Only the last row written can hold a repeated id, so the key index waits
    /// through them all; rows and rejects are the one-thread load's.
    private func repeatedIdsOutcome(bulk: Bool) throws -> (tables: [[[String]]], pending: [String]) {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv") == 0)
        var suppliers = "supplier_id,name,postcode\nS001,Acme,SK4 1AA\nS002,Bolt,M1 1AA\nS003,Crane,M3 3AA\n"
        for i in 0..<5_000 {
            if [100, 2_047, 2_048, 4_000].contains(i) { suppliers += "T\(10_000 + i),Twice \(i) Ltd,SK4 1AA\n" }
            suppliers += "T\(10_000 + i),Firm \(i) Ltd,SK4 1AA\n"
        }
        var contracts = "contract_id,partner,title,supplier_id,award_date,value\n"
        for i in 0..<5_000 {
            let id = "C\(10_000 + i)", row = "\(id),Bury,Contract \(i),T\(10_000 + i),01/05/2021,£\(i + 1)\n"
            switch i {
            case 300: contracts += "\(id),Bury,Nobody's,S999,01/05/2021,£\(i + 1)\n" + row
            default: contracts += row
            }
            switch i {
            case 100, 2_047: contracts += "\(id),Bury,Contract \(i),S002,01/05/2021,£\(i + 1)\n"
            case 200: contracts += row
            case 400: contracts += "\(id),Bury,Contract \(i),S003,01/05/2021,£\(i + 2)\n"
            case 4_000: contracts += "\(id),Bury,Contract \(i),S002,01/05/2021,£\(i + 1)\n\(id),Bury,Contract \(i),S003,01/05/2021,£\(i + 1)\n"
            default: break
            }
        }
        var commitments = "commitment_id,contract_id,measure_code,units_committed\n"
        for i in 0..<5_000 {
            let row = "K\(10_000 + i),C\(10_000 + i),NT1,\(i)\n"
            if i == 300 { commitments += "K\(10_000 + i),C404,NT1,1\n" }
            commitments += row
            if [100, 2_047, 2_048].contains(i) { commitments += "K\(10_000 + i),C\(10_001 + i),NT1,7\n" }
        }
        var options = ImportOptions()
        options.bulkIndexThreshold = bulk ? 0 : .max
        for (kind, text) in [(ImportKind.suppliers, suppliers), (.contracts, contracts), (.commitments, commitments)] {
            let file = try h.write("\(kind.rawValue)-repeats.csv", text)
            _ = try Importer.load(kind, file: file, into: h.session.workspace, options: options)
        }
        let pendingKeys = try pending(h.db)
        let tables = try ["SELECT * FROM suppliers ORDER BY rowid", "SELECT * FROM contracts ORDER BY rowid",
                          "SELECT * FROM further_suppliers ORDER BY 1, 2", "SELECT * FROM commitments ORDER BY rowid",
                          "SELECT substr(file, length(file) - 11), line, coalesce(col, '-'), reason FROM rejects ORDER BY rowid"]
            .map { try h.rows($0) }
        return (tables, pendingKeys)
    }

    @Test func repeatedIdsKeepTheKeyWaitingAndLoadAsRowByRow() throws {
        let bulk = try repeatedIdsOutcome(bulk: true), rowByRow = try repeatedIdsOutcome(bulk: false)
        #expect(bulk.pending == ["pending_index:commitments:commitments_key", "pending_index:contracts:contracts_key",
                                 "pending_index:suppliers:suppliers_key"], "no repeat built the index")
        #expect(rowByRow.pending == [])
        for (table, (a, b)) in zip(bulk.tables, rowByRow.tables).enumerated() {
            let differs = zip(a, b).first { $0.0 != $0.1 }
            #expect(a.count == b.count && differs == nil, "table \(table): \(a.count) vs \(b.count) rows; \(String(describing: differs))")
        }
        #expect(bulk.tables[2] == [["C10100", "S002"], ["C12047", "S002"], ["C14000", "S002"], ["C14000", "S003"]])
        // Four suppliers and three commitments twice, a contract twice and one whose value
        // disagrees, an unknown supplier and an unknown contract.
        #expect(bulk.tables[4].count == 11, "\(bulk.tables[4])")
    }

    /// A small load after big ones builds the pending keys SQLite checks its rows by.
    @Test func aSmallLoadBuildsThePendingKeysItNeeds() throws {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv") == 0)
        for (kind, file) in [(ImportKind.suppliers, "suppliers.csv"), (.contracts, "contracts.csv")] {
            _ = try Importer.load(kind, file: h.dir.url.appendingPathComponent(file), into: h.session.workspace, options: .bulk)
        }
        #expect(try pending(h.db) == ["pending_index:contracts:contracts_key", "pending_index:suppliers:suppliers_key"])
        let file = try h.write("few.csv", """
            commitment_id,contract_id,measure_code,units_committed
            K1,C001,NT1,1
            K2,C404,NT1,2

            """)
        let report = try Importer.load(.commitments, file: file, into: h.session.workspace)
        #expect(report.loaded == 1)
        #expect(report.problemMessages.contains { $0.contains("unknown contract C404") }, "\(report.problemMessages)")
        #expect(try pending(h.db) == ["pending_index:suppliers:suppliers_key"])
        #expect(try keyIndexes(h.db) == ["commitments_key", "contracts_key"])
    }
}

/// The order a load's ids are checked in is SQLite's own (BINARY: bytes unsigned, a prefix
/// first), and a repeated id is one SQLite finds equal.
@Suite struct KeyOrderTests {
    @Test func keysAscendOrRepeatExactlyWhenSQLiteSortsThemSo() throws {
        let db = try Database()
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", "b", "ab", "B", "é", "e\u{301}", "z", "0", " ", "~", "Ω", "1"]
        for _ in 0..<600 {
            // Two letters at most, so that repeats come often.
            let keys = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                (0..<Int.random(in: 1...2, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            }
            let batch = RowBatch(width: 1, capacity: 16)
            for key in keys {
                batch.startRow()
                let bytes = Array(key.utf8)
                try bytes.withUnsafeBytes { try batch.bindText(bytes: $0, at: 1) }
                bytes.withUnsafeBytes { batch.endRow(line: 1, keyLine: 1, keyRaw: $0, parentLine: 0, parentRaw: nil) }
            }
            var previous: [UInt8] = []
            let ascends = batch.checkKeysAscend(after: &previous)
            var sqlite = true, repeats = [false]
            for (a, b) in zip(keys, keys.dropFirst()) {
                if try db.scalar("SELECT ?1 <= ?2", [a, b]) != 1 { sqlite = false }
                repeats.append(try db.scalar("SELECT ?1 = ?2", [a, b]) == 1)
            }
            #expect(ascends == sqlite, "\(keys)")
            if ascends {
                #expect(previous == Array(keys.last!.utf8))
                let marked = batch.entries.map { entry -> Bool in
                    guard case .row(let row) = entry else { return false }
                    return row.repeatsKey
                }
                #expect(marked == repeats, "\(keys)")
            }
        }
    }
}
