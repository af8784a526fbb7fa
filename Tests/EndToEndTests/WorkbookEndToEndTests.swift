import Foundation
import Testing
import TestSupport

/// Workbooks and refusals through the binary users run: exit status, stdout and stderr.
/// `Fixtures/register.xlsx` is `WorkbookTests.register()` as written by the test suite's
/// .xlsx writer (title rows, every cell kind, three bad cells).
@Suite struct WorkbookEndToEndTests {
    static let fixtures = SVWBinary.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures")

    @Test func aWorkbookLoadsAndItsRejectsNameCells() throws {
        let r = try SVWBinary.run(["--format", "csv", "-c",
                                   "load contracts register.xlsx; SELECT contract_id, award_date, value_pence FROM contracts ORDER BY 1"],
                                  in: WorkbookEndToEndTests.fixtures)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "contract_id,award_date,value_pence\nC001,2020-06-18,125010\nC002,2021-03-31,8000640\n")
        #expect(r.err.hasPrefix("loaded 2 contracts from register.xlsx (3 rejected, 0 replaced)\n"))
        #expect(r.err.contains("register.xlsx[Contracts]!F9: column \"Value\": not a money amount: \"TBC\" (expected like £1,250,000.00)\n"))
        let sheets = try SVWBinary.run(["--format", "csv", "-c", "sheets register.xlsx"], in: WorkbookEndToEndTests.fixtures)
        #expect(sheets.out == "sheet,name,state,rows,columns,header_row\n1,Contracts,visible,8,8,4\n")
    }

    @Test func aFileThatIsNotATableFailsWithNonZeroStatus() throws {
        let scratch = try ScratchFolder()
        let dir = scratch.url
        try Data("%PDF-1.7\n%âãÏÓ\n".utf8).write(to: dir.appendingPathComponent("register.pdf"))
        let r = try SVWBinary.run(["-c", "load contracts register.pdf"], in: dir)
        #expect(r.status == 1)
        #expect(r.err == "-c:1: load: register.pdf is a PDF document: svw cannot read tables out of a PDF; ask for the data as CSV or .xlsx; nothing was loaded\n")
    }
}
