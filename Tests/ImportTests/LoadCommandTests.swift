import Foundation
import SVWScript
import Testing
@testable import SVWCommands
@testable import SVWImport

@Suite struct LoadCommandTests {
    private func loadedSample() throws -> Harness {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load sample .") == 0, "\(h.capture.err)")
        return h
    }

    @Test func sampleLoadsAndSaysWhatItDid() throws {
        let h = try loadedSample()
        #expect(h.capture.err == """
            . has no gm_postcodes.csv: suppliers are placed by the postcode district rule alone
            loaded 3 measures from ./measures.csv (0 rejected, 0 replaced)
            measures edition now 2021: commitments are valued at its proxy values
            3 of these measures have illustrative proxy values (not published ones)
            loaded 7 postcode district rows from ./postcode_districts.csv (0 rejected, 0 replaced)
            loaded 4 suppliers from ./suppliers.csv (0 rejected, 0 replaced)
            postcodes: 1 malformed (those suppliers' GM status is unknown)
            loaded 4 contracts from ./contracts.csv (0 rejected, 0 replaced)
            loaded 4 commitments from ./commitments.csv (0 rejected, 0 replaced)

            """)
        #expect(h.capture.out == "")
        // Values as the files wrote them, read exactly.
        #expect(try h.rows("SELECT contract_id, award_date, value_pence, sv_weighting, sv_considered, portal, sv_kpis, financial_year FROM contracts ORDER BY 1") == [
            ["C001", "2020-06-15", "125000000", "20.0", "1", "1", "1", "2020/21"],
            ["C002", "2021-03-31", "8000000", "10.0", "1", "0", "0", "2020/21"],
            ["C003", "2021-04-01", "950000", "NULL", "0", "0", "NULL", "2021/22"],
            ["C004", "2020-09-01", "3000000", "25.0", "1", "NULL", "0", "2020/21"],
        ])
        #expect(try h.rows("SELECT supplier_id, name_key, postcode, district, postcode_status FROM suppliers ORDER BY 1") == [
            ["S001", "acme construction", "SK4 1AA", "SK4", "ok"],
            ["S002", "northern care", "M1 1AE", "M1", "ok"],
            ["S003", "warrington works", "WA3 6AA", "WA3", "ok"],
            ["S004", "mystery supplies", "NULL", "NULL", "malformed"],
        ])
        #expect(try h.rows("SELECT supplier_id, gm_status FROM supplier_geography ORDER BY 1") == [
            ["S001", "GM"], ["S002", "GM"], ["S003", "outside"], ["S004", "unknown"],
        ])
        // £ value = round(units × proxy): NT1 2 × £28,062 + NT31 10.5 × £70; NT18 10,000 × 50p; own workforce 3 × £28,062.
        #expect(try h.rows("SELECT commitment_id, committed_pence FROM commitment_values ORDER BY 1") == [
            ["K001", "5612400"], ["K002", "73500"], ["K003", "500000"], ["K004", "8418600"],
        ])
        #expect(try h.scalar("SELECT value FROM settings WHERE key = 'measures_edition'") == "2021")
        #expect(try h.rows("SELECT kind, table_name, rows_loaded, rows_replaced, rows_rejected, length(sha256), loaded_at GLOB '20[0-9][0-9]-*T*Z' FROM imports ORDER BY import_id") == [
            ["measures", "measures", "3", "0", "0", "64", "1"],
            ["postcodes", "postcode_districts", "7", "0", "0", "64", "1"],
            ["suppliers", "suppliers", "4", "0", "0", "64", "1"],
            ["contracts", "contracts", "4", "0", "0", "64", "1"],
            ["commitments", "commitments", "4", "0", "0", "64", "1"],
        ])
    }

    @Test func importsLogHoldsTheFilesHashAndPath() throws {
        let h = try Harness()
        try h.writeSample()
        let url = h.dir.url.appendingPathComponent("measures.csv")
        #expect(h.run("load measures measures.csv") == 0)
        let expected = try Shell.output("/usr/bin/sha256sum", [url.path]).prefix(64)
        #expect(try h.rows("SELECT file, sha256 FROM imports") == [[url.path, String(expected)]])
    }

    @Test func reloadingReplacesByIdAndNeverDuplicates() throws {
        let h = try loadedSample()
        let before = try h.dump().replacingOccurrences(of: #"(?m)^== imports\n(.*\n)*?(?===)"#, with: "", options: .regularExpression)
        #expect(h.run("load contracts contracts.csv") == 0)
        #expect(h.capture.err == """
            loaded 4 contracts from contracts.csv (0 rejected, 4 replaced)
            replaced 4 existing rows by id (all unchanged)

            """)
        #expect(h.run("load sample .") == 0)
        #expect(try h.scalar("SELECT count(*) FROM contracts") == "4")
        #expect(try h.scalar("SELECT count(*) FROM commitments") == "4")
        #expect(try h.scalar("SELECT count(*) FROM postcode_districts") == "7")
        let after = try h.dump().replacingOccurrences(of: #"(?m)^== imports\n(.*\n)*?(?===)"#, with: "", options: .regularExpression)
        #expect(before == after)

        // A changed row replaces the old one, and the summary says so.
        try h.write("contracts2.csv", """
            contract_id,partner,title,category,supplier_id,award_date,start_date,end_date,value,sv_weighting,sv_considered,portal,sv_kpis
            C001,Stockport,Highway repairs,Works,S001,15/06/2020,01/07/2020,30/06/2023,"£1,300,000.00",20%,Yes,Yes,Yes
            C002,Trafford,Home care,Care,S002,31/03/2021,01/04/2021,,"£80,000.00",10%,Yes,No,No
            C005,Trafford,Parks,Works,S002,01/05/2021,,,"£40,000.00",20%,Yes,No,No
            """)
        #expect(h.run("load contracts contracts2.csv") == 0)
        #expect(h.capture.err == """
            loaded 3 contracts from contracts2.csv (0 rejected, 2 replaced)
            replaced 2 existing rows by id (1 unchanged)

            """)
        #expect(try h.scalar("SELECT value_pence FROM contracts WHERE contract_id = 'C001'") == "130000000")
        #expect(try h.scalar("SELECT count(*) FROM contracts") == "5")
        #expect(try h.rows("SELECT rows_loaded, rows_replaced FROM imports ORDER BY import_id DESC LIMIT 1") == [["3", "2"]])
    }

    /// A quoted field spanning lines comes before the bad rows: their line numbers count physical lines.
    @Test func rejectsPointAtLineAndColumn() throws {
        let h = try loadedSample()
        try h.write("bad.csv", """
            contract_id,partner,title,category,supplier_id,award_date,start_date,end_date,value,sv_weighting,sv_considered,portal,sv_kpis
            C010,Stockport,"Grounds maintenance,
            phase two
            (north)",Works,S001,01/05/2021,,,"£50,000",20%,Yes,Yes,Yes
            C011,Stockport,Bad money,Works,S001,01/05/2021,,,£12.345,20%,Yes,Yes,Yes
            C012,Stockport,Bad date and flag,Works,S001,31/02/2021,,,£100,20%,maybe,Yes,Yes
            C013,Stockport,Unknown supplier,Works,S999,01/05/2021,,,£100,20%,Yes,Yes,Yes
            C014,,Empty partner,Works,S001,01/05/2021,,,£100,0.2,Yes,Yes,Yes
            C015,Stockport,Short row,Works
            C016,Stockport,Ends before it starts,Works,S001,01/05/2021,01/06/2021,01/01/2021,£100,,,,
            C017,Stockport,Fine,Works,S001,01/05/2021,,,£100,,,,
            """)
        #expect(h.run("load contracts bad.csv") == 0)
        #expect(h.capture.err == """
            loaded 2 contracts from bad.csv (6 rejected, 0 replaced)
            bad.csv:5:9: column "value": "£12.345" has fractions of a penny (more than 2 decimal places)
            bad.csv:6:6: column "award_date": "31/02/2021" is not a real date (February 2021 has 28 days)
            bad.csv:6:11: column "sv_considered": not a yes/no flag: "maybe" (expected Yes/No, Y/N, TRUE/FALSE or 1/0)
            bad.csv:7:5: column "supplier_id": unknown supplier S999 (load suppliers first)
            bad.csv:8:2: column "partner": required value is empty
            … 3 more; SELECT * FROM rejects WHERE import_id = 6;

            """)
        #expect(try h.rows("SELECT line, coalesce(col, '-'), coalesce(column_name, '-'), raw, reason FROM rejects WHERE import_id = 6 ORDER BY line, col") == [
            ["5", "9", "value", "£12.345", "\"£12.345\" has fractions of a penny (more than 2 decimal places)"],
            ["6", "6", "award_date", "31/02/2021", "\"31/02/2021\" is not a real date (February 2021 has 28 days)"],
            ["6", "11", "sv_considered", "maybe", "not a yes/no flag: \"maybe\" (expected Yes/No, Y/N, TRUE/FALSE or 1/0)"],
            ["7", "5", "supplier_id", "S999", "unknown supplier S999 (load suppliers first)"],
            ["8", "2", "partner", "", "required value is empty"],
            ["8", "10", "sv_weighting", "0.2", "\"0.2\" looks like a fraction: load with --fraction sv_weighting if the column holds fractions (0.2 = 20%), or write \"0.2%\""],
            ["9", "-", "-", "C015,Stockport,Short row,Works", "row has 4 fields; the header has 13"],
            ["10", "8", "end_date", "01/01/2021", "end date 2021-01-01 is before start date 2021-06-01"],
        ])
        #expect(try h.rows("SELECT contract_id FROM contracts WHERE contract_id >= 'C010' ORDER BY 1") == [["C010"], ["C017"]])
        #expect(try h.scalar("SELECT title FROM contracts WHERE contract_id = 'C010'") == "Grounds maintenance,\nphase two\n(north)")
        #expect(try h.rows("SELECT rows_loaded, rows_rejected FROM imports WHERE import_id = 6") == [["2", "6"]])
    }

    @Test func fractionOptionReadsFractions() throws {
        let h = try loadedSample()
        try h.write("frac.csv", """
            contract_id,partner,title,supplier_id,award_date,value,sv_weighting
            C020,Stockport,A,S001,01/05/2021,£100,0.2
            C021,Stockport,B,S001,01/05/2021,£100,15%
            """)
        #expect(h.run("load contracts frac.csv --fraction sv_weighting") == 0, "\(h.capture.err)")
        #expect(try h.rows("SELECT sv_weighting FROM contracts WHERE contract_id IN ('C020','C021') ORDER BY contract_id") == [["20.0"], ["15.0"]])
        #expect(h.run("load suppliers suppliers.csv --fraction sme") == 1)
        #expect(h.capture.err == "-c:1: load: --fraction sme: not a percentage field of suppliers (suppliers files have no percentage fields)\n")
    }

    @Test func aliasesMapAndIgnoredColumns() throws {
        let h = try loadedSample()
        try h.write("register.csv", """
            Contract Ref,Council,Contract Title,Supplier ID,Award Date,Total (£),SV Weighting %,Officer,Notes
            C030,Stockport,Bins,S001,31-Mar-2021,"£2,000.50",20%,J Smith,none
            """)
        #expect(h.run("load contracts register.csv") == 1)
        #expect(h.capture.err.hasPrefix("-c:1: load: register.csv: missing required column \"value\""))
        #expect(h.capture.err.hasSuffix("headers found: \"Contract Ref\", \"Council\", \"Contract Title\", \"Supplier ID\", \"Award Date\", \"Total (£)\", \"SV Weighting %\", \"Officer\", \"Notes\"\n"))
        #expect(h.run("load contracts register.csv --map 'value=Total (£)'") == 0)
        #expect(h.capture.err == """
            loaded 1 contract from register.csv (0 rejected, 0 replaced)
            ignored columns contracts do not use: "Officer", "Notes"

            """)
        #expect(try h.rows("SELECT partner, title, award_date, value_pence, sv_weighting FROM contracts WHERE contract_id = 'C030'")
                == [["Stockport", "Bins", "2021-03-31", "200050", "20.0"]])
    }

    @Test func tabSeparatedByExtensionOrOption() throws {
        let h = try Harness()
        try h.write("s.tsv", "supplier_id\tname\tpostcode\nS1\tA, B and C Ltd\tM1 1AE\n")
        try h.write("s.txt", "supplier_id|name\nS2|Pipe Co\n")
        #expect(h.run("load suppliers s.tsv; load suppliers s.txt --delimiter pipe") == 0, "\(h.capture.err)")
        #expect(try h.rows("SELECT supplier_id, name FROM suppliers ORDER BY 1") == [["S1", "A, B and C Ltd"], ["S2", "Pipe Co"]])
    }

    /// A `.txt` (or unnamed) file says nothing about its separator: the header line does.
    @Test func delimiterDetectedFromTheHeaderWhenTheNameDoesNotSay() throws {
        let h = try Harness()
        try h.write("s.txt", "supplier_id\tname\tpostcode\nS1\tA, B and C Ltd\tM1 1AE\n")
        try h.write("semi.txt", "supplier_id;name\nS2;\"Semi; Colon Ltd\"\n")
        try h.write("plain", "supplier_id,name\nS3,Comma Co\n")
        #expect(h.run("load suppliers s.txt") == 0, "\(h.capture.err)")
        #expect(h.capture.err.contains("read as tab-separated, as its header line is (--delimiter chooses otherwise)"))
        #expect(h.run("load suppliers semi.txt\nload suppliers plain") == 0, "\(h.capture.err)")
        #expect(h.capture.err.contains("read as semicolon-separated"))
        #expect(try h.rows("SELECT supplier_id, name FROM suppliers ORDER BY 1")
                == [["S1", "A, B and C Ltd"], ["S2", "Semi; Colon Ltd"], ["S3", "Comma Co"]])
        #expect(h.run("load table t s.txt") == 0, "\(h.capture.err)")
        #expect(try h.rows("SELECT supplier_id, postcode FROM t") == [["S1", "M1 1AE"]])

        // A .csv file is comma-separated by its name; a tab header then gets a hint.
        try h.write("tabs.csv", "supplier_id\tname\nS4\tTab Co\n")
        #expect(h.run("load suppliers tabs.csv") == 1)
        #expect(h.capture.err.hasSuffix("headers found: \"supplier_id\tname\" — the header holds tabs: is the file tab-separated? add --delimiter tab\n"))
        #expect(h.run("load suppliers tabs.csv --delimiter tab") == 0)
    }

    @Test func inlineSuppliersAreMatchedOrCreated() throws {
        let h = try loadedSample()
        try h.write("published.csv", """
            Contract ID,Partner,Title,Supplier Name,Supplier Postcode,Company Number,SME,VCSE,Award Date,Contract Value (£)
            P1,Stockport,Matched by number,ACME Building,,1234567,Y,N,01/05/2021,"1,000"
            P2,Stockport,Matched by name,The Northern Care C.I.C.,M1 1AE,,Y,Y,01/05/2021,"2,000"
            P3,Trafford,New supplier,Brand New Services Ltd,sk4 1aa,,Y,N,01/05/2021,"3,000"
            P4,Trafford,Same new supplier,BRAND NEW SERVICES LIMITED,,,Y,N,01/05/2021,"4,000"
            P5,Trafford,No supplier,,,,,,01/05/2021,"5,000"
            """)
        #expect(h.run("load contracts published.csv") == 0)
        let newID = SupplierIdentity.derivedID(nameKey: "brand new services")
        #expect(h.capture.err == """
            loaded 4 contracts from published.csv (1 rejected, 0 replaced)
            inline suppliers: matched 2 to existing suppliers (1 by company number, 1 by name); created 1 new supplier
            published.csv:6:4: column "Supplier Name": required value is empty (the supplier's name)
            (all rejects: SELECT * FROM rejects WHERE import_id = 6;)

            """)
        #expect(try h.rows("SELECT contract_id, supplier_id FROM contracts WHERE contract_id LIKE 'P%' ORDER BY 1") == [
            ["P1", "S001"], ["P2", "S002"], ["P3", newID], ["P4", newID],
        ])
        #expect(try h.rows("SELECT name, name_key, postcode, district, postcode_status, sme, vcse FROM suppliers WHERE supplier_id = '\(newID)'") == [
            ["Brand New Services Ltd", "brand new services", "SK4 1AA", "SK4", "ok", "1", "0"],
        ])
        // A supplier id the table lacks, with inline details, creates the supplier under that id.
        try h.write("withid.csv", """
            contract_id,partner,title,supplier_id,supplier_name,supplier_postcode,award_date,value,
            P6,Rochdale,Own id,S777,Seven Ltd,OL11 1AA,01/05/2021,£1,
            """)
        #expect(h.run("load contracts withid.csv") == 0)
        #expect(h.capture.err == """
            loaded 1 contract from withid.csv (0 rejected, 0 replaced)
            ignored column contracts do not use: (column 9, no header)
            inline suppliers: created 1 new supplier

            """)
        #expect(try h.rows("SELECT supplier_id, name, district FROM suppliers WHERE supplier_id = 'S777'") == [["S777", "Seven Ltd", "OL11"]])
        #expect(try h.scalar("SELECT supplier_id FROM contracts WHERE contract_id = 'P6'") == "S777")
        #expect(try h.scalar("DELETE FROM contracts WHERE contract_id = 'P6' RETURNING 1") == "1")
        #expect(try h.scalar("DELETE FROM suppliers WHERE supplier_id = 'S777' RETURNING 1") == "1")

        // Loading it again matches everything and creates nothing.
        #expect(h.run("load contracts published.csv") == 0)
        #expect(h.capture.err.contains("inline suppliers: matched 3 to existing suppliers (1 by company number, 2 by name)\n"))
        #expect(try h.scalar("SELECT count(*) FROM suppliers") == "5")
    }

    /// The counts add up (a supplier matched by number on one row and by name on another is
    /// one match), and a row giving a matched supplier another postcode is noted, not silent.
    @Test func inlineSupplierNoteAddsUpAndNamesPostcodeConflicts() throws {
        let h = try loadedSample()
        try h.write("register.csv", """
            Contract ID,Partner,Title,Supplier Name,Supplier Postcode,Company Number,Award Date,Contract Value (£)
            Q1,Stockport,By number,Acme Construction Ltd,,01234567,01/05/2021,1000
            Q2,Stockport,By name,Acme Construction Ltd,,,01/05/2021,1000
            Q3,Bury,New,Fresh Ltd,M1 1AE,,01/05/2021,1000
            Q4,Bury,Same name other postcode,Fresh Ltd,sk4 1aa,,01/05/2021,1000
            Q5,Bury,Same postcode written differently,FRESH LIMITED,m11ae,,01/05/2021,1000

            """)
        #expect(h.run("load contracts register.csv") == 0, "\(h.capture.err)")
        #expect(h.capture.err.contains("""
            inline suppliers: matched 1 to an existing supplier (1 by company number); created 1 new supplier; \
            1 row gives a matched supplier a different postcode; each supplier keeps its first \
            (Fresh Ltd: M1 1AE kept, SK4 1AA not used)

            """), "\(h.capture.err)")
        #expect(try h.rows("SELECT DISTINCT s.postcode FROM contracts c JOIN suppliers s USING (supplier_id) WHERE c.contract_id IN ('Q3','Q4','Q5')")
                == [["M1 1AE"]])
    }

    @Test func countsInNotesAreGrouped() throws {
        let h = try Harness()
        let rows = (1...1314).map { "S\($0),Supplier \($0),not a postcode" }.joined(separator: "\n")
        try h.write("many.csv", "supplier_id,name,postcode\n" + rows + "\n")
        #expect(h.run("load suppliers many.csv") == 0)
        #expect(h.capture.err.contains("postcodes: 1,314 malformed (those suppliers' GM status is unknown)"), "\(h.capture.err)")
    }

    @Test func duplicateIdsInOneFileAreRejected() throws {
        let h = try loadedSample()
        try h.write("dups.csv", """
            supplier_id,name
            S100,First
            S101,Other
            S100,Second
            """)
        #expect(h.run("load suppliers dups.csv") == 0)
        #expect(h.capture.err.contains("dups.csv:4:1: column \"supplier_id\": duplicate supplier_id S100: line 2 has it too\n"))
        #expect(try h.scalar("SELECT name FROM suppliers WHERE supplier_id = 'S100'") == "First")
    }

    @Test func measuresEditionFromOptionAndUnknownTheme() throws {
        let h = try Harness()
        try h.write("m.csv", """
            code,theme,description,unit,proxy_value
            NT1,jobs,Local employment,FTE,"£30,000"
            NT2,Wellbeing,Something,hours,£10
            NT3,Social,Negative,hours,-£10
            """)
        #expect(h.run("load measures m.csv") == 1)
        #expect(h.capture.err == "-c:1: load: m.csv: measures need an edition: add an edition column or give --edition E\n")
        #expect(h.run("load measures m.csv --edition 2022") == 0)
        #expect(h.capture.err == """
            loaded 1 measure from m.csv (2 rejected, 0 replaced)
            measures edition now 2022: commitments are valued at its proxy values
            m.csv:3:2: column "theme": unknown theme "Wellbeing" (one of Jobs, Growth, Social, Environment, Innovation)
            m.csv:4:5: column "proxy_value": "-£10" is negative
            (all rejects: SELECT * FROM rejects WHERE import_id = 1;)

            """)
        #expect(try h.rows("SELECT code, edition, theme, proxy_pence, illustrative FROM measures") == [["NT1", "2022", "Jobs", "3000000", "0"]])
        #expect(try h.scalar("SELECT value FROM settings WHERE key = 'measures_edition'") == "2022")
    }

    @Test func lastEditionInOrderBecomesActive() throws {
        let h = try Harness()
        try h.write("m.csv", """
            code,theme,description,unit,proxy_value,edition
            NT1,Jobs,Local employment,FTE,"£30,000",2021
            NT1,Jobs,Local employment,FTE,"£28,000",2019
            """)
        #expect(h.run("load measures m.csv") == 0)
        #expect(h.capture.err.contains("measures edition now 2021: commitments are valued at its proxy values (the file holds 2 editions; the last in order is used)"))
    }

    @Test func commitmentsNeedKnownMeasures() throws {
        let h = try Harness()
        try h.write("c.csv", "commitment_id,measure_code,units_committed\nK1,NT1,1\n")
        #expect(h.run("load commitments c.csv") == 0)
        #expect(h.capture.err.contains("c.csv:2:2: column \"measure_code\": unknown measure code \"NT1\" (no measures are loaded: load measures first)"))
        #expect(h.capture.err.contains("the file has no contract column") == false)
    }

    @Test func postcodesReplaceTheTableWholesale() throws {
        let h = try loadedSample()
        try h.write("pd.csv", """
            outward_code,authority,share
            m1,Manchester,100%
            SK4,Stockport,1
            OL1,Oldham,1.0
            """)
        #expect(h.run("load postcodes pd.csv") == 0)
        #expect(h.capture.err == """
            loaded 3 postcode district rows from pd.csv (0 rejected, 2 replaced)
            replaced 2 existing rows by id
            removed 5 rows the file does not have (the table is replaced wholesale)

            """)
        #expect(try h.rows("SELECT outward_code, authority, share, coalesce(postcodes, 'NULL') FROM postcode_districts ORDER BY 1, 2") == [
            ["M1", "Manchester", "1.0", "NULL"], ["OL1", "Oldham", "1.0", "NULL"], ["SK4", "Stockport", "1.0", "NULL"],
        ])
    }

    @Test func loadRecordsTheFileForSessionScripts() throws {
        let h = try loadedSample()
        #expect(h.run("load suppliers suppliers.csv") == 0)
        let recorded = h.session.recording.last!
        #expect(recorded.text == "load suppliers suppliers.csv")
        let url = h.dir.url.appendingPathComponent("suppliers.csv").standardizedFileURL
        #expect(recorded.files == [LoadedFile(url: url, sha256: try h.scalar("SELECT sha256 FROM imports ORDER BY import_id DESC LIMIT 1"), rows: 4)])
        let sample = h.session.recording.first!
        #expect(sample.text == "load sample .")
        #expect(sample.files.map(\.url.lastPathComponent) == ["measures.csv", "postcode_districts.csv", "suppliers.csv", "contracts.csv", "commitments.csv"])
        #expect(sample.files.map(\.rows) == [3, 7, 4, 4, 4])
    }

    @Test func expectedHashIsCheckedAndStrictRefusesAMismatch() throws {
        let h = try loadedSample()
        let actual = try h.scalar("SELECT sha256 FROM imports WHERE kind = 'suppliers'")
        let wrong = String(repeating: "0", count: 64)
        #expect(h.run("load suppliers suppliers.csv --sha256 \(actual)") == 0)
        #expect(!h.capture.err.contains("SHA-256"))
        #expect(h.run("load suppliers suppliers.csv --sha256 \(wrong)") == 0)
        #expect(h.capture.err.contains("SHA-256 differs from the one expected: expected \(wrong), found \(actual)"))
        #expect(h.run("load suppliers suppliers.csv --sha256 \(wrong) --strict") == 1)
        #expect(h.capture.err == "-c:1: load: suppliers.csv: SHA-256 is \(actual), not the expected \(wrong)\n")
    }

    @Test func usageErrors() throws {
        let h = try Harness()
        #expect(h.run("load contrcts x.csv") == 1)
        #expect(h.capture.err == "-c:1: load: unknown kind \"contrcts\"; did you mean \"contracts\"?\n")
        #expect(h.run("load contracts") == 1)
        #expect(h.capture.err.hasPrefix("-c:1: load contracts: missing FILE (the file to load)\nusage: load KIND FILE [--map FIELD=HEADER]..."))
        #expect(h.run("load sample a b") == 1)
        #expect(h.capture.err == "-c:1: load sample: unexpected argument \"b\"\nusage: load sample [DIR] [--strict] [--format MODE] [--all]\n")
        #expect(h.run("load table t x.csv --map a=b") == 1)
        #expect(h.capture.err.hasPrefix("-c:1: load table: --map does not apply here\nusage: load table NAME FILE [--delimiter CHAR]"))
        #expect(h.run("load contracts missing.csv") == 1)
        #expect(h.capture.err == "-c:1: load: cannot open missing.csv: No such file or directory\n")
        #expect(h.run("load suppliers x.csv --edition 2021") == 1)
        #expect(h.capture.err == "-c:1: load suppliers: --edition does not apply here\n")
        #expect(h.run("load suppliers x.csv --delimiter ab") == 1)
        #expect(h.capture.err == "-c:1: load: --delimiter: \"ab\" is not a single character (or tab, comma, semicolon, pipe)\n")
        #expect(h.run("load sample nowhere") == 1)
        #expect(h.capture.err == "-c:1: load sample: nowhere is not a folder\n")
    }

    @Test func windows1252TextIsReadAsSuch() throws {
        let h = try Harness()
        let bytes = Array("supplier_id,name\nS1,Caf".utf8) + [0xE9] + Array(" ".utf8) + [0x93] + Array("Best".utf8) + [0x94] + Array("\n".utf8)
        try h.dir.write("w.csv", bytes: bytes)
        #expect(h.run("load suppliers w.csv") == 0)
        #expect(try h.scalar("SELECT name FROM suppliers") == "Café “Best”")
        #expect(h.capture.err.contains("1 text value was not UTF-8 and was read as Windows-1252"))
    }

    @Test func helpDerivesFromTheSpec() throws {
        let h = try Harness()
        #expect(h.run("help load") == 0)
        #expect(h.capture.out.hasPrefix("usage: load KIND FILE [--map FIELD=HEADER]... [--fraction FIELD]..."))
        #expect(h.capture.out.contains("\n       load table NAME FILE [--delimiter CHAR] [--strict] [--replace] [--sha256 HEX] [--sheet NAME|N] [--header-row N] [--max-field-size SIZE] [--types COL=TYPE,...]\n"))
        #expect(h.capture.out.contains("\n       load sample [DIR] [--strict]\n"))
        #expect(h.capture.out.contains("Forms:\n  load KIND FILE "))
        #expect(h.capture.out.contains("\n  load table NAME FILE  any CSV into a new table"))
        #expect(DataCommands.load.arguments(given: ["table"]).map(\.name) == ["KIND", "NAME", "FILE"])
        #expect(DataCommands.load.arguments(given: ["TABLE", "x"]).map(\.completion) == [.choices(DataCommands.kinds), .none, .file])
        #expect(DataCommands.load.arguments(given: ["contracts"]).map(\.name) == ["KIND", "FILE"])
        #expect(h.capture.out.contains("  load contracts SampleData/contracts.csv\n"))
        guard case .choices(let kinds) = DataCommands.load.arguments[0].completion else {
            Issue.record("KIND completes from a fixed list")
            return
        }
        #expect(kinds == ["suppliers", "contracts", "commitments", "measures", "postcodes", "postcode-index", "ocds", "table", "sample"])
        #expect(DataCommands.load.arguments[1].completion == .file)
    }
}
