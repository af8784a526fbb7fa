import Foundation
import Testing
@testable import SVWCommands
@testable import SVWImport
import SVWDatabase

/// Workbooks built cell by cell with `XLSXBook`, loaded through the same checks as CSV.
@Suite struct WorkbookTests {
    /// A contract register as analysts get them: title and note rows above the header,
    /// shared strings (one in rich-text runs), inline strings, money with float noise,
    /// percentages and dates by number format, booleans, formulas with and without a
    /// cached value, an error cell, a gap, and a value that is not money.
    static func register() -> XLSXBook {
        var book = XLSXBook(sheets: [XLSXBook.Sheet(name: "Contracts", rows: [
            XLSX.row(1, XLSX.shared("A1", 0)),
            XLSX.row(2, XLSX.inline("A2", "Prepared by procurement; figures in £")),
            XLSX.row(4, XLSX.shared("A4", 1), XLSX.shared("B4", 2), XLSX.shared("C4", 3), XLSX.inline("D4", "Supplier Name"),
                     XLSX.inline("E4", "Award Date"), XLSX.inline("F4", "Value"), XLSX.inline("G4", "SV Weighting %"), XLSX.inline("H4", "Portal")),
            XLSX.row(5, XLSX.inline("A5", "C001"), XLSX.shared("B5", 4), XLSX.inline("C5", "Highway repairs"), XLSX.inline("D5", "Acme Ltd"),
                     XLSX.number("E5", "44000", style: 1), XLSX.number("F5", "1250.0999999"), XLSX.number("G5", "0.2", style: 2),
                     XLSX.boolean("H5", true)),
            XLSX.row(6, XLSX.inline("A6", "C002"), XLSX.inline("B6", "Trafford"),
                     XLSX.formula("C6", "\"Home \"&\"care\"", cached: "Home care", string: true), XLSX.inline("D6", "Care CIC"),
                     XLSX.number("E6", "44286", style: 3), XLSX.formula("F6", "F5*64", cached: "80006.399999999994"),
                     XLSX.boolean("H6", false)),
            XLSX.row(7, XLSX.inline("A7", "C003"), XLSX.inline("B7", "Rochdale"), XLSX.inline("C7", "Stationery"),
                     XLSX.inline("D7", "Paper Co"), XLSX.number("E7", "44287", style: 1), XLSX.error("F7", "#N/A")),
            XLSX.row(8, XLSX.inline("A8", "C004"), XLSX.inline("B8", "Bolton"), XLSX.inline("C8", "Consultancy"),
                     XLSX.inline("D8", "X Ltd"), XLSX.number("E8", "44300", style: 1), XLSX.formula("F8", "SUM(F5:F6)", cached: nil)),
            XLSX.row(9, XLSX.inline("A9", "C005"), XLSX.inline("B9", "Wigan"), XLSX.inline("C9", "Audit"),
                     XLSX.inline("D9", "Y Ltd"), XLSX.number("E9", "44301", style: 1), XLSX.inline("F9", "TBC")),
        ])])
        book.sharedStrings = ["<t>Contract register 2020/21</t>", "<t>Contract ID</t>", "<t>Partner</t>",
                              "<r><rPr><b/></rPr><t>Ti</t></r><r><t xml:space=\"preserve\">tle</t></r>", "<t>Stockport</t>"]
        book.numberFormats = [(164, "dd/mm/yyyy")]
        book.styles = [0, 14, 9, 164]
        return book
    }

    @Test func contractsLoadFromAWorkbookWithEveryCellKind() throws {
        let h = try Harness()
        let url = h.dir.url.appendingPathComponent("register.xlsx")
        try WorkbookTests.register().write(to: url)
        #expect(h.run("load contracts register.xlsx") == 0, "\(h.capture.err)")
        #expect(try h.rows("SELECT contract_id, partner, title, award_date, value_pence, sv_weighting, portal FROM contracts ORDER BY 1") == [
            ["C001", "Stockport", "Highway repairs", "2020-06-18", "125010", "20.0", "1"],
            ["C002", "Trafford", "Home care", "2021-03-31", "8000640", "NULL", "0"],
        ])
        let err = h.capture.err
        #expect(err.hasPrefix("loaded 2 contracts from register.xlsx (3 rejected, 0 replaced)\n"), "\(err)")
        #expect(err.contains("register.xlsx[Contracts]: header in row 4 (rows above it skipped: titles or notes; --header-row N chooses another)\n"))
        #expect(err.contains("""
            register.xlsx[Contracts]!F7: column "Value": the cell holds the error #N/A, not a value
            register.xlsx[Contracts]!F8: column "Value": formula =SUM(F5:F6) has no calculated value saved with it (open the workbook in a spreadsheet program and save it again)
            register.xlsx[Contracts]!F9: column "Value": not a money amount: "TBC" (expected like £1,250,000.00)

            """), "\(err)")
        #expect(try h.rows("SELECT file, line, col, column_name, raw FROM rejects ORDER BY line") == [
            ["register.xlsx[Contracts]", "7", "6", "Value", "#N/A"],
            ["register.xlsx[Contracts]", "8", "6", "Value", "SUM(F5:F6)"],
            ["register.xlsx[Contracts]", "9", "6", "Value", "TBC"],
        ])
        // Provenance is the workbook file's own SHA-256, as sha256sum computes it.
        let expected = try Shell.output("/usr/bin/sha256sum", [url.path]).prefix(64)
        #expect(try h.scalar("SELECT sha256 FROM imports") == String(expected))
        #expect(h.session.recording.last?.files.first?.rows == 5)
    }

    @Test func strictRefusesTheWholeWorkbookAndNamesCells() throws {
        let h = try Harness()
        try WorkbookTests.register().write(to: h.dir.url.appendingPathComponent("register.xlsx"))
        let before = try h.dump()
        #expect(h.run("load contracts register.xlsx --strict") == 1)
        #expect(h.capture.err.contains("--strict: 3 rows of register.xlsx[Contracts] rejected, so nothing was loaded\n  register.xlsx[Contracts]!F7: column \"Value\""))
        #expect(try h.dump() == before)
    }

    @Test func datesInBothSystemsWithExcelsPhantomLeapDay() throws {
        let h = try Harness()
        var book = XLSXBook(rows: [
            XLSX.textRow(1, ["When", "Custom", "Label"]),
            XLSX.row(2, XLSX.number("A2", "1", style: 1), XLSX.number("B2", "44286", style: 2), XLSX.inline("C2", "first day")),
            XLSX.row(3, XLSX.number("A3", "59", style: 1), XLSX.number("B3", "44287.75", style: 3), XLSX.inline("C3", "before the phantom")),
            XLSX.row(4, XLSX.number("A4", "61", style: 1), XLSX.inline("C4", "after it")),
            XLSX.row(5, XLSX.number("A5", "60", style: 1), XLSX.inline("C5", "the phantom")),
        ])
        book.numberFormats = [(164, "[$-809]d mmmm yyyy;@"), (165, "dd/mm/yy hh:mm")]
        book.styles = [0, 14, 164, 165]
        try book.write(to: h.dir.url.appendingPathComponent("d1900.xlsx"))
        #expect(h.run("load table d d1900.xlsx") == 0, "\(h.capture.err)")
        #expect(try h.rows("SELECT label, when_, custom FROM d ORDER BY rowid") == [
            ["first day", "1900-01-01", "2021-03-31"],
            ["before the phantom", "1900-02-28", "2021-04-01 18:00:00"],
            ["after it", "1900-03-01", "NULL"],
        ])
        #expect(h.capture.err.contains("d1900.xlsx[Sheet1]!A5: column \"When\": 29/02/1900 (serial 60) does not exist: Excel's 1900 date system counts a leap day 1900 never had"))

        book.date1904 = true
        book.sheets[0].rows = [XLSX.textRow(1, ["When", "Label"]),
                               XLSX.row(2, XLSX.number("A2", "0", style: 1), XLSX.inline("B2", "epoch")),
                               XLSX.row(3, XLSX.number("A3", "1462", style: 1), XLSX.inline("B3", "four years on")),
                               XLSX.row(4, XLSX.number("A4", "42824", style: 1), XLSX.inline("B4", "year end"))]
        try book.write(to: h.dir.url.appendingPathComponent("d1904.xlsx"))
        #expect(h.run("load table e d1904.xlsx") == 0, "\(h.capture.err)")
        #expect(try h.rows("SELECT label, when_ FROM e ORDER BY rowid") == [
            ["epoch", "1904-01-01"], ["four years on", "1908-01-02"], ["year end", "2021-03-31"],
        ])
    }

    static func threeSheets() -> XLSXBook {
        XLSXBook(sheets: [
            XLSXBook.Sheet(name: "Contracts", rows: [XLSX.textRow(1, ["Ref", "Amount"]), XLSX.row(2, XLSX.inline("A2", "R1"), XLSX.number("B2", "10.5"))]),
            XLSXBook.Sheet(name: "Lookups", hidden: true, rows: [XLSX.textRow(1, ["Code", "Meaning"])]),
            XLSXBook.Sheet(name: "Notes", rows: [XLSX.textRow(1, ["Read me"]), XLSX.textRow(3, ["Note", "Who", "When"])]),
        ])
    }

    @Test func severalSheetsNeedSheetAndAreListed() throws {
        let h = try Harness()
        try WorkbookTests.threeSheets().write(to: h.dir.url.appendingPathComponent("book.xlsx"))
        #expect(h.run("load table t book.xlsx") == 1)
        #expect(h.capture.err == "-c:1: load: book.xlsx has 3 sheets: \"Contracts\", \"Lookups\" (hidden), \"Notes\"; choose one with --sheet NAME or --sheet N\n")
        #expect(h.run("load table t book.xlsx --sheet Nope") == 1)
        #expect(h.capture.err == "-c:1: load: book.xlsx has no sheet \"Nope\"; its sheets: \"Contracts\", \"Lookups\" (hidden), \"Notes\"\n")
        #expect(h.run("load table t book.xlsx --sheet contracts") == 0, "\(h.capture.err)")
        #expect(try h.rows("SELECT ref, amount_pence FROM t") == [["R1", "1050"]])
        #expect(h.run("load table n book.xlsx --sheet 3") == 0, "\(h.capture.err)")
        #expect(h.capture.err.contains("book.xlsx[Notes]: header in row 3 (rows above it skipped"))
        #expect(h.run("sheets book.xlsx --format csv") == 0)
        #expect(h.capture.out == """
            sheet,name,state,rows,columns,header_row
            1,Contracts,visible,2,2,1
            2,Lookups,hidden,1,2,1
            3,Notes,visible,2,3,3

            """)
        try h.write("book.csv", "a\n1\n")
        #expect(h.run("sheets book.csv") == 1)
        #expect(h.capture.err == "-c:1: sheets: book.csv is not an .xlsx workbook: it reads as text, so load reads it as CSV\n")
        #expect(h.run("sheets nope.xlsx") == 1)
        #expect(h.capture.err == "-c:1: sheets: cannot open nope.xlsx: No such file or directory\n")
        #expect(h.run("load table x book.csv --sheet 1") == 1)
        #expect(h.capture.err == "-c:1: load: --sheet applies to .xlsx workbooks; book.csv is not one\n")
        #expect(h.run("load contracts book.xlsx --sheet Notes") == 1)
        #expect(h.capture.err.hasPrefix("-c:1: load: book.xlsx[Notes]: missing required columns \"contract_id\", \"partner\", "
                                        + "\"title\", \"award_date\", \"value\", \"supplier_id\":\n"))
        #expect(h.capture.err.contains("headers found: \"Note\", \"Who\", \"When\""), "\(h.capture.err)")
    }

    @Test func onlyVisibleSheetIsChosenWithANote() throws {
        let h = try Harness()
        var book = WorkbookTests.threeSheets()
        book.sheets.removeLast()
        try book.write(to: h.dir.url.appendingPathComponent("book.xlsx"))
        #expect(h.run("load table t book.xlsx") == 0, "\(h.capture.err)")
        #expect(h.capture.err.contains("read sheet \"Contracts\", the only visible one (1 hidden: --sheet chooses another)\n"))
    }

    @Test func headerRowOptionAndMergedHeaderCells() throws {
        let h = try Harness()
        var book = XLSXBook(rows: [
            XLSX.textRow(1, ["Supplier", "Spend"]),
            XLSX.row(2, XLSX.inline("B2", "2020/21"), XLSX.inline("C2", "2021/22")),
            XLSX.row(3, XLSX.inline("A3", "Acme"), XLSX.number("B3", "1"), XLSX.number("C3", "2")),
        ])
        book.sheets[0].merges = ["A1:A2", "B1:C1"]
        try book.write(to: h.dir.url.appendingPathComponent("m.xlsx"))
        #expect(h.run("load table m m.xlsx --header-row 2") == 0, "\(h.capture.err)")
        #expect(try h.rows("SELECT supplier, col_2020_21, col_2021_22 FROM m") == [["Acme", "1", "2"]])
        #expect(h.run("load table m2 m.xlsx --header-row 9") == 1)
        #expect(h.capture.err == "-c:1: load: m.xlsx[Sheet1]: row 9 (--header-row) is empty or beyond the sheet's last row\n")
    }

    @Test func loadTableTypesMoneyAndPercentCellsForSums() throws {
        let h = try Harness()
        var book = XLSXBook(rows: [
            XLSX.textRow(1, ["Supplier", "Contract Value", "Rate", "Code", "Paid"]),
            XLSX.row(2, XLSX.inline("A2", "A"), XLSX.number("B2", "0.1"), XLSX.number("C2", "0.2", style: 1), XLSX.inline("D2", "007"), XLSX.boolean("E2", true)),
            XLSX.row(3, XLSX.inline("A3", "B"), XLSX.number("B3", "0.2"), XLSX.number("C3", "0.125", style: 1), XLSX.inline("D3", "010"), XLSX.boolean("E3", false)),
            XLSX.row(4, XLSX.inline("A4", "C"), XLSX.number("B4", "1250.0999999999999"), XLSX.number("C4", "1", style: 1), XLSX.inline("D4", "100")),
        ])
        book.styles = [0, 10]
        try book.write(to: h.dir.url.appendingPathComponent("s.xlsx"))
        #expect(h.run("load table s s.xlsx") == 0, "\(h.capture.err)")
        // 0.1 + 0.2 + 1250.10 is £1,250.40 exactly: in pence the sum cannot drift.
        #expect(try h.scalar("SELECT sum(contract_value_pence) FROM s") == "125040")
        #expect(try h.rows("SELECT rate_pct, code, paid FROM s ORDER BY rowid") == [["20.0", "007", "TRUE"], ["12.5", "010", "FALSE"], ["100.0", "100", "NULL"]])
    }
}

@Suite struct WorkbookInterruptTests {
    @Test func ctrlCDuringAWorkbookLoadLeavesTheWorkspaceAsItWas() throws {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load sample .") == 0)
        let rows = [XLSX.textRow(1, ["contract_id", "partner", "title", "supplier_id", "award_date", "value"])]
            + (2...3000).map { XLSX.textRow($0, ["X\($0)", "Bolton", "Item", "S001", "01/05/2021", "£\($0)"]) }
        let url = h.dir.url.appendingPathComponent("many.xlsx")
        try XLSXBook(rows: rows).write(to: url)
        let before = try h.dump()
        let handle = h.db.interruptHandle
        for kind in ["contracts", "table"] {
            var options = ImportOptions()
            options.progress = { _, _ in handle.interrupt() }
            #expect {
                if kind == "table" {
                    _ = try Importer.loadTable(named: "many", file: url, into: h.session.workspace, options: options)
                } else {
                    _ = try Importer.load(.contracts, file: url, into: h.session.workspace, options: options)
                }
            } throws: { ($0 as? SQLiteError)?.isInterrupt == true }
            #expect(h.db.isAutocommit)
            #expect(try h.dump() == before)
        }
        #expect(h.run("load contracts many.xlsx") == 0, "\(h.capture.err)")
        #expect(try h.scalar("SELECT count(*) FROM contracts WHERE contract_id GLOB 'X*'") == "2999")
    }
}
