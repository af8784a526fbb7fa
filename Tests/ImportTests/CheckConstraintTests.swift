import Foundation
import Testing
import SVWDatabase
@testable import SVWImport
import TestSupport

/// Loads of suppliers, contracts and commitments run without SQLite re-evaluating the tables'
/// CHECK constraints per row, because the loaders' coercion guarantees each of them. These
/// tests hold the loaders to that: `PRAGMA integrity_check` evaluates every CHECK over the
/// stored rows, so a coercion that let a value through which a check forbids fails here.
@Suite struct CheckConstraintTests {
    /// A small file goes in row by row; a big one (`bulk`) through the pipelined path.
    private static func options(bulk: Bool) -> ImportOptions { bulk ? .bulk : ImportOptions() }

    private func load(_ kind: ImportKind, _ file: URL, _ h: Harness, _ options: ImportOptions) throws -> ImportReport {
        try Importer.load(kind, file: file, into: h.session.workspace, options: options)
    }

    @Test(arguments: [false, true]) func theBundledSampleKeepsEveryCheck(bulk: Bool) throws {
        let h = try Harness()
        let options = Self.options(bulk: bulk)
        let sample = SVWBinary.sampleData
        for (kind, file) in [(ImportKind.measures, "measures"), (.postcodes, "postcode_districts"), (.suppliers, "suppliers"),
                             (.contracts, "contracts"), (.commitments, "commitments")] {
            _ = try load(kind, sample.appendingPathComponent("\(file).csv"), h, options)
        }
        #expect(try h.scalar("SELECT count(*) > 1000 FROM commitments") == "1")
        #expect(try h.scalar("PRAGMA integrity_check") == "ok", "bulk: \(bulk)")
        #expect(try h.scalar("PRAGMA ignore_check_constraints") == "0")
    }

    /// Each check's edge: the last value it allows loads and holds it; the first it forbids is
    /// refused by the loader, at its line and column, and never stored.
    @Test(arguments: [false, true]) func valuesAtEachChecksEdge(bulk: Bool) throws {
        let h = try Harness()
        let options = Self.options(bulk: bulk)
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv") == 0)
        let suppliers = try h.write("edge-suppliers.csv", """
            supplier_id,name,company_number,postcode,sme,vcse
            E1,Edge One Ltd,01234567,SK4 1AA,Yes,no
            E2,Edge Two Ltd,,,N,Y
            E3,Edge Three Ltd,,not a postcode,,
            E4,Edge Four Ltd,,SK4 1AA,maybe,No
            E5,...,,,,
            """)
        var report = try load(.suppliers, suppliers, h, options)
        #expect(report.loaded == 4)
        // A name of punctuation alone: its key is empty, not NULL.
        #expect(try h.rows("SELECT quote(name_key) FROM suppliers WHERE supplier_id = 'E5'") == [["''"]])
        #expect(report.problemMessages.first?.contains("edge-suppliers.csv:5:5") == true, "\(report.problemMessages)")

        let contracts = try h.write("edge-contracts.csv", """
            contract_id,partner,title,supplier_id,award_date,value,sv_weighting,sv_considered,portal,sv_kpis
            K1,Stockport,Lowest,E1,01/01/1900,£1,0%,No,No,No
            K2,Stockport,Highest,E2,31/12/2199,£1,100%,Yes,Yes,Yes
            K3,Stockport,Bare hundred,E3,2021-04-01,£1,100,,,
            K4,Stockport,Over,E1,2021-04-01,£1,100.01%,No,No,No
            K5,Stockport,Not a day,E1,29/02/2021,£1,10%,No,No,No
            K6,Stockport,Not a flag,E1,01/04/2021,£1,10%,No,Perhaps,No
            """)
        report = try load(.contracts, contracts, h, options)
        #expect(report.loaded == 3)
        for place in ["5:7", "6:5", "7:9"] {
            #expect(report.problemMessages.contains { $0.contains("edge-contracts.csv:\(place)") }, "\(place): \(report.problemMessages)")
        }
        #expect(try h.rows("SELECT contract_id, award_date, sv_weighting, sv_considered, portal, sv_kpis FROM contracts WHERE contract_id LIKE 'K%' ORDER BY 1")
                == [["K1", "1900-01-01", "0.0", "0", "0", "0"], ["K2", "2199-12-31", "100.0", "1", "1", "1"],
                    ["K3", "2021-04-01", "100.0", "NULL", "NULL", "NULL"]])

        let commitments = try h.write("edge-commitments.csv", """
            commitment_id,contract_id,measure_code,units_committed,units_delivered,reporting_date
            Q1,K1,NT1,0,0,31/03/2022
            Q2,K2,NT1,0,,
            Q3,K3,NT1,-0.01,1,31/03/2022
            Q4,K3,NT1,1,-1,31/03/2022
            """)
        report = try load(.commitments, commitments, h, options)
        #expect(report.loaded == 2)
        #expect(report.problemMessages.contains { $0.contains("edge-commitments.csv:4:4") }, "\(report.problemMessages)")
        #expect(report.problemMessages.contains { $0.contains("edge-commitments.csv:5:5") }, "\(report.problemMessages)")

        // Suppliers named inline are written by the contracts load, with their postcode's
        // status and source, their flags and whether they had a name.
        let inline = try h.write("edge-inline.csv", """
            contract_id,partner,title,supplier_name,supplier_postcode,supplier_sme,award_date,value
            N1,Stockport,Inline one,Inline Alpha Ltd,sk4 1aa,yes,01/04/2021,£1
            N2,Stockport,Inline two,Inline Beta Ltd,BFPO 105,no,01/04/2021,£1
            N3,Stockport,Inline three,Inline Gamma Ltd,,,01/04/2021,£1
            N4,Stockport,Inline four,Inline Delta Ltd,nonsense,small,01/04/2021,£1
            """)
        report = try load(.contracts, inline, h, options)
        #expect(report.loaded == 4, "\(report.problemMessages)")
        let inlineSuppliers = try h.rows("SELECT postcode_status, coalesce(postcode_source, '-'), coalesce(sme, '-') FROM suppliers WHERE name LIKE 'Inline %' ORDER BY name")
        #expect(inlineSuppliers == [["ok", "postcode", "1"], ["outside_uk", "-", "0"], ["malformed", "-", "1"], ["missing", "-", "-"]],
                "\(inlineSuppliers)")

        #expect(try h.scalar("PRAGMA integrity_check") == "ok")
    }

    /// The loads leave SQLite checking again: SQL that breaks a check is refused after a load,
    /// and after a load refused whole.
    @Test func sqlIsCheckedAgainAfterLoads() throws {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv; load suppliers suppliers.csv; load contracts contracts.csv") == 0)
        try h.write("bad.csv", """
            commitment_id,contract_id,measure_code,units_committed,units_delivered,reporting_date
            Z1,C001,NT1,-5,1,31/03/2022
            """)
        #expect(h.run("load commitments bad.csv --strict") == 1)
        #expect(try h.scalar("PRAGMA ignore_check_constraints") == "0")
        #expect(throws: SQLiteError.self) {
            try h.db.execute("UPDATE contracts SET sv_weighting = 150 WHERE contract_id = 'C001'")
        }
        #expect(throws: SQLiteError.self) {
            try h.db.execute("INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed) VALUES ('Z2', 'C001', 'NT1', -1)")
        }
        #expect(try h.scalar("PRAGMA integrity_check") == "ok")
    }
}
