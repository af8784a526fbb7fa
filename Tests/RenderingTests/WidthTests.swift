import Testing
import SVWDatabase
@testable import SVWRendering

/// Display widths and fitting results to the terminal.
@Suite struct WidthTests {
    @Test func displayWidthCountsColumnsNotBytesOrCharacters() {
        #expect(DisplayWidth.of("£1,250.00") == 9)
        #expect(DisplayWidth.of("…") == 1)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)          // e + combining acute
        #expect(DisplayWidth.of("a\u{200B}b") == 2)        // zero-width space
    }

    @Test func truncationEndsInAnEllipsisWithinTheWidth() {
        #expect(DisplayWidth.truncate("Stockport", to: 9) == "Stockport")
        #expect(DisplayWidth.truncate("Stockport", to: 6) == "Stock…")
        #expect(DisplayWidth.truncate("£££££", to: 3) == "££…")
        #expect(DisplayWidth.truncate("東京都庁", to: 5) == "東京…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("東京都庁", to: 4)) <= 4)
    }

    @Test func wideTextColumnsAreShortenedNumbersNever() {
        let long = String(repeating: "Highways maintenance £ ", count: 6)
        let result = ResultSet(columns: ["title", "value"],
                               rows: [[.text(long), .integer(123_456_789_00)], [.text("Short"), .integer(5)]],
                               kinds: [.plain, .money])
        let text = Renderer.render(result, mode: .box, options: RenderOptions(width: 50))
        let lines = text.split(separator: "\n").map(String.init)
        for line in lines { #expect(DisplayWidth.of(line) <= 50, "\(line)") }
        #expect(lines.allSatisfy { DisplayWidth.of($0) == DisplayWidth.of(lines[0]) })
        #expect(text.contains("£123,456,789.00"))
        #expect(text.contains("Highways maintenance £ High"))
        #expect(text.contains("…"))
    }

    @Test func fittingUsesTheWholeWidth() {
        let result = ResultSet(columns: ["a", "b"], rows: [[.text(String(repeating: "x", count: 80)), .text(String(repeating: "y", count: 80))]])
        let lines = Renderer.render(result, mode: .box, options: RenderOptions(width: 60)).split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) == 60 })
    }

    @Test func columnsThatCannotFitAreLeftOutAndNamed() {
        let columns = (1...12).map { "figure_\($0)" }
        let row = (1...12).map { SQLValue.integer(Int64($0) * 1_000_000) }
        let text = Renderer.render(ResultSet(columns: columns, rows: [row]), mode: .box, options: RenderOptions(width: 60))
        let lines = text.split(separator: "\n").map(String.init)
        // The footer wraps at word boundaries too.
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 })
        // Five 8-wide columns take 5 × 11 + 1 = 56 of the 60; a sixth would need 67.
        #expect(lines[1].hasSuffix("│ figure_5 │"))
        let footer = lines.drop(while: { !$0.hasPrefix("└") }).dropFirst().joined(separator: " ")
        #expect(footer == "… 7 more columns (figure_6, figure_7, figure_8, figure_9, figure_10, …): last shows every column, mode line one field per line")
    }

    @Test func plainTableFitsToo() {
        let result = ResultSet(columns: ["name", "n"], rows: [[.text(String(repeating: "é", count: 100)), .integer(7)]])
        let lines = Renderer.render(result, mode: .table, options: RenderOptions(width: 30)).split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 30 })
        #expect(lines[2].hasSuffix("…  7"))
    }

    @Test func fitAlgorithmKeepsNumericWidthsAndShrinksWidestFirst() {
        let fit = ColumnFit.fit(natural: [40, 10, 30], numeric: [false, true, false], available: 60) { n in 3 * n + 1 }
        #expect(fit.widths[1] == 10)
        #expect(fit.widths.reduce(0, +) + 10 == 60)
        #expect(abs(fit.widths[0] - fit.widths[2]) <= 1)
    }
}
