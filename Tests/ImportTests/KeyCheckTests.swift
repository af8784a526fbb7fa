import Foundation
import Testing
import SVWDatabase
@testable import SVWCommands
@testable import SVWImport

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
        C12,Stockport,"Quoted, twice",S003,01/05/2021,£3
        C12,Stockport,"Quoted, twice",S003,01/05/2021,£3
        """

    private let commitments = """
        commitment_id,contract_id,measure_code,units_committed
        K10,C10,NT1,1
        K11,C404,NT1,2
        K11,C10,NT1,3
        K12,,NT18,4
        K13,C11,NT1,5
        K12,C12,NT1,6
        K14,C12,NT404,7
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
        }
        let tables = try ["SELECT contract_id, supplier_id, title FROM contracts ORDER BY 1",
                          "SELECT contract_id, supplier_id FROM further_suppliers ORDER BY 1, 2",
                          "SELECT commitment_id, coalesce(contract_id, '-'), units_committed FROM commitments ORDER BY 1",
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
        #expect(inMemory.tables[0] == [["C10", "S001", "Fine"], ["C11", "S001", "Nobody"], ["C12", "S003", "Quoted, twice"]])
        #expect(inMemory.tables[1] == [["C10", "S002"]])
        // A commitment id whose row was refused is free for a later row.
        #expect(inMemory.tables[2].contains(["K11", "C10", "3.0"]))
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

    private let commitments = """
        commitment_id,contract_id,measure_code,units_committed
        K1,C001,NT1,1
        K2,C001,NT1,-1
        K2,C001,NT1,2
        K3,C404,NT1,2
        K1,C404,NT1,2
        K2,C001,NT1,5
        """

    /// The rejects of loading both files, into empty tables or into tables holding one other row.
    private func rejects(intoEmptyTables: Bool) throws -> [[String]] {
        let h = try Harness()
        try h.writeSample()
        try h.write("s.csv", suppliers)
        try h.write("k.csv", commitments)
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv") == 0)
        let suppliersFirst = "load suppliers s.csv; load suppliers suppliers.csv"
        #expect(h.run(intoEmptyTables ? suppliersFirst : "load suppliers suppliers.csv; load suppliers s.csv") == 0)
        #expect(h.run("load contracts contracts.csv") == 0)
        if !intoEmptyTables {
            try h.db.execute("INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed) VALUES ('K0', 'C001', 'NT1', 1)")
        }
        #expect(h.run("load commitments k.csv") == 0, "\(h.capture.err)")
        return try h.rows("SELECT line, coalesce(col, '-'), reason FROM rejects WHERE file IN ('s.csv', 'k.csv') ORDER BY rowid")
    }

    @Test func duplicatesNameTheSameFirstLineEitherWay() throws {
        let fresh = try rejects(intoEmptyTables: true)
        #expect(fresh == (try rejects(intoEmptyTables: false)))
        #expect(fresh == [
            ["6", "1", "duplicate supplier_id S10: line 2 has it too"],
            ["10", "1", "duplicate supplier_id S11: line 4 has it too"],
            ["11", "1", "duplicate supplier_id S13: line 7 has it too"],
            ["3", "4", "\"-1\" is negative"],
            ["5", "2", "unknown contract C404 (load contracts first)"],
            ["6", "1", "duplicate commitment_id K1: line 2 has it too"],
            ["7", "1", "duplicate commitment_id K2: line 4 has it too"],
        ])
    }
}
