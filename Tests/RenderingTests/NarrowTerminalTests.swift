import Testing
@testable import SVWRendering
import SVWDatabase

/// A table too wide for the terminal gives up, in turn, what costs the reader least: the
/// box's borders, then exact money (amounts in £m/£k named in the heading); only then a column.
@Suite struct NarrowTerminalTests {
    static let awards = ResultSet(
        columns: ["partner", "awarded", "committed"],
        rows: [[.text("Stockport"), .integer(68_507_331_82), .integer(20_443_334_16)],
               [.text("Total"), .integer(214_297_606_71), .integer(60_003_826_43)]],
        kinds: [.plain, .money, .money])

    @Test func aBoxThatFitsKeepsItsBordersAndExactMoney() {
        let text = Renderer.render(Self.awards, mode: .box, options: RenderOptions(width: 48))
        #expect(text.contains("│ Total     │ £214,297,606.71 │ £60,003,826.43 │"), "\(text)")
    }

    @Test func theBordersGoBeforeExactMoney() {
        let text = Renderer.render(Self.awards, mode: .box, options: RenderOptions(width: 45))
        #expect(text == """
            partner            awarded       committed
            ---------  ---------------  --------------
            Stockport   £68,507,331.82  £20,443,334.16
            Total      £214,297,606.71  £60,003,826.43

            """)
    }

    @Test func exactMoneyGoesBeforeAColumnAndTheHeadingNamesTheUnit() {
        let text = Renderer.render(Self.awards, mode: .box, options: RenderOptions(width: 40))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(text)")
        #expect(text.hasPrefix("┌"), "with room for the borders once money is in £m, they stay")
        #expect(text.contains("│ Stockport │       68.5 │") && text.contains("│ Total     │      214.3 │"), "\(text)")
        #expect(text.contains("awarded £m") && text.contains("£m"), "\(text)")
        #expect(!text.contains("more column"))
        // A table mode asked for is never boxed; its money scales just the same.
        let plain = Renderer.render(Self.awards, mode: .table, options: RenderOptions(width: 30))
        #expect(plain.contains("\nTotal         214.3       60.0\n"), "\(plain)")
    }

    @Test func whenAColumnIsLostAnywayNothingElseIsGivenUp() {
        let text = Renderer.render(Self.awards, mode: .box, options: RenderOptions(width: 20))
        #expect(text.hasPrefix("┌") && text.contains("│ Stockport │") && text.contains("… 2 more columns"), "\(text)")
        #expect(!text.contains("£m"))
    }

    @Test func moneyScalesRoundHalfAwayFromZeroInIntegers() {
        #expect(MoneyScale.fitting([214_297_606_71, 847_096_00]) == .millions)
        #expect(MoneyScale.fitting([847_096_00, -1_000_00]) == .thousands)
        #expect(MoneyScale.fitting([999_99]) == .pounds)
        #expect(MoneyScale.millions.text(214_297_606_71) == "214.3")
        #expect(MoneyScale.millions.text(847_096_00) == "0.8")
        #expect(MoneyScale.millions.text(-5_050_000_00) == "-5.1")
        #expect(MoneyScale.millions.text(1_234_567_890_00) == "1,234.6")
        #expect(MoneyScale.thousands.text(847_500_00) == "848")
        #expect(MoneyScale.thousands.text(1_234_567_00) == "1,235")
        #expect(MoneyScale.pounds.text(512_50) == "513")
    }

    @Test func countsGroupTheirDigitsForPeopleOnly() {
        let result = ResultSet(columns: ["theme", "commitments"], rows: [[.text("Jobs"), .integer(1836)]], kinds: [.plain, .count])
        #expect(Renderer.render(result, mode: .table).contains("\nJobs         1,836\n"))
        #expect(Renderer.render(result, mode: .csv) == "theme,commitments\nJobs,1836\n")
        #expect(Renderer.render(result, mode: .json) == "[{\"theme\":\"Jobs\",\"commitments\":1836}]\n")
    }
}
