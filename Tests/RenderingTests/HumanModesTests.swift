import Foundation
import Testing
import SVWDatabase
@testable import SVWRendering

/// box, table, markdown and line: exact text for a small board result.
@Suite struct HumanModesTests {
    @Test func boxDrawsBordersAndRightAlignsNumbers() {
        #expect(Renderer.render(Fixtures.board(), mode: .box) == """
            ┌───────────┬───────────────┬───────┬───────────┐
            │ partner   │       awarded │ share │ contracts │
            ├───────────┼───────────────┼───────┼───────────┤
            │ Stockport │ £1,234,567.89 │ 28.0% │       412 │
            │ Trafford  │        -£5.00 │  5.0% │         9 │
            │ Rochdale  │          NULL │  NULL │         0 │
            └───────────┴───────────────┴───────┴───────────┘

            """)
    }

    @Test func tableIsPlainAlignedColumns() {
        #expect(Renderer.render(Fixtures.board(), mode: .table) == """
            partner          awarded  share  contracts
            ---------  -------------  -----  ---------
            Stockport  £1,234,567.89  28.0%        412
            Trafford          -£5.00   5.0%          9
            Rochdale            NULL   NULL          0

            """)
    }

    /// Amounts and percentages SQL has already formatted (printf) line up as numbers do;
    /// codes made of digits, and text that only starts like a number, do not.
    @Test func formattedAmountsInTextAlignRight() {
        for text in ["£1,234.56", "-£3.00", "£-3.00", "28.0%", "100%", "£0.28", "£1,234,567"] {
            #expect(CellText.readsAsNumber(text), "\(text)")
        }
        for text in ["09316732", "2020/21", "£", "%", "£1,23.00", "£12,3456", "1,234", "£1.2.3", "over £1m", "£25k",
                     "£5%", "12 %", "£1,234.", ""] {
            #expect(!CellText.readsAsNumber(text), "\(text)")
        }
        let result = ResultSet(columns: ["code", "awarded", "share"],
                               rows: [[.text("007"), .text("£1,234.56"), .text("28.0%")],
                                      [.text("12"), .text("-£3.00"), .null]])
        #expect(Renderer.render(result, mode: .table) == """
            code    awarded  share
            ----  ---------  -----
            007   £1,234.56  28.0%
            12       -£3.00   NULL

            """)
    }

    @Test func markdownAlignsNumbersRightAndEscapesPipes() {
        let result = ResultSet(columns: ["name", "n"], rows: [[.text("a|b"), .integer(5)], [.text("two\nlines"), .integer(10)]])
        #expect(Renderer.render(result, mode: .markdown) == """
            | name         |   n |
            |--------------|----:|
            | a\\|b         |   5 |
            | two<br>lines |  10 |

            """)
    }

    @Test func lineModeShowsOneFieldPerLine() {
        #expect(Renderer.render(Fixtures.board(), mode: .line, options: RenderOptions(maxRows: 2)) == """
              partner = Stockport
              awarded = £1,234,567.89
                share = 28.0%
            contracts = 412

              partner = Trafford
              awarded = -£5.00
                share = 5.0%
            contracts = 9

            … 1 more row (3 in all; last shows them all)

            """)
    }

    @Test func headersCanBeLeftOut() {
        let text = Renderer.render(Fixtures.board(), mode: .table, options: RenderOptions(showHeaders: false))
        #expect(text.split(separator: "\n").first == "Stockport  £1,234,567.89  28.0%  412")
    }

    @Test func controlCharactersCannotBreakTheGrid() throws {
        let result = ResultSet(columns: ["t"], rows: [[.text("a\nb\tc")]])
        let lines = Renderer.render(result, mode: .box).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[3] == "│ a\\nb\\tc │")
    }

    @Test func rowLimitSaysHowManyMore() {
        let rows = (1...100).map { [SQLValue.integer(Int64($0))] }
        let text = Renderer.render(ResultSet(columns: ["n"], rows: rows), mode: .box, options: RenderOptions(maxRows: 40))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3 + 40 + 1 + 1)
        // Widths come from the rows shown: "100" is not among them.
        #expect(lines[3] == "│  1 │")
        #expect(lines[42] == "│ 40 │")
        #expect(lines.last == "… 60 more rows (100 in all; last shows them all)")
    }

    @Test func noLimitShowsEveryRow() {
        let rows = (1...100).map { [SQLValue.integer(Int64($0))] }
        let text = Renderer.render(ResultSet(columns: ["n"], rows: rows), mode: .table)
        #expect(text.split(separator: "\n").count == 102)
        #expect(!text.contains("more rows"))
    }

    @Test func colourOnlyWhenAsked() {
        let plain = Renderer.render(Fixtures.board(), mode: .box)
        #expect(!plain.contains("\u{1B}"))
        let coloured = Renderer.render(Fixtures.board(), mode: .box, options: RenderOptions(color: true))
        #expect(coloured.contains("\u{1B}[1mpartner\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[2mNULL\u{1B}[0m"))
        // Escapes never count towards widths: stripped, the two are identical.
        #expect(Self.stripANSI(coloured) == plain)
    }

    @Test func machineModesIgnoreTheRowLimit() {
        let rows = (1...50).map { [SQLValue.integer(Int64($0))] }
        let options = RenderOptions(width: 10, maxRows: 5, color: true)
        let result = ResultSet(columns: ["n"], rows: rows)
        #expect(Renderer.render(result, mode: .csv, options: options).split(separator: "\n").count == 51)
        #expect(!Renderer.render(result, mode: .json, options: options).contains("\u{1B}"))
    }

    static func stripANSI(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }
}
