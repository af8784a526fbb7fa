import Testing
@testable import SVWCommands

@Suite struct ValueParsingTests {
    @Test func moneyToExactPence() throws {
        #expect(try ValueParsing.pence("25000") == 2_500_000)
        #expect(try ValueParsing.pence("£25,000.50") == 2_500_050)
        #expect(try ValueParsing.pence("25k") == 2_500_000)
        #expect(try ValueParsing.pence("£1.5m") == 150_000_000)
        #expect(try ValueParsing.pence("0.01") == 1)
        #expect(try ValueParsing.pence("2.345k") == 234_500)
        #expect(throws: ValueParsing.Failure.self) { try ValueParsing.pence("0.001") }
        #expect(throws: ValueParsing.Failure.self) { try ValueParsing.pence("ten") }
        #expect(throws: ValueParsing.Failure.self) { try ValueParsing.pence("-5") }
        #expect(throws: ValueParsing.Failure.self) { try ValueParsing.pence("") }
    }

    @Test func dates() throws {
        #expect(try ValueParsing.isoDate("2021-03-31") == "2021-03-31")
        #expect(try ValueParsing.isoDate("31/03/2021") == "2021-03-31")
        #expect(try ValueParsing.isoDate("1/4/2020") == "2020-04-01")
        #expect(try ValueParsing.isoDate("29/02/2020") == "2020-02-29")
        #expect(throws: ValueParsing.Failure.self) { try ValueParsing.isoDate("29/02/2021") }
        #expect(throws: ValueParsing.Failure.self) { try ValueParsing.isoDate("2021-13-01") }
        #expect(throws: ValueParsing.Failure.self) { try ValueParsing.isoDate("yesterday") }
    }

    @Test func financialYears() throws {
        #expect(try ValueParsing.financialYear("2020/21") == "2020/21")
        #expect(try ValueParsing.financialYear("2020-21") == "2020/21")
        #expect(try ValueParsing.financialYear("2020/2021") == "2020/21")
        #expect(try ValueParsing.financialYear("1999/00") == "1999/00")
        #expect(throws: ValueParsing.Failure.self) { try ValueParsing.financialYear("2020/22") }
        #expect(throws: ValueParsing.Failure.self) { try ValueParsing.financialYear("2020") }
    }

    @Test func bins() throws {
        #expect(try ValueParsing.bins("0,5,10") == [0, 5, 10])
        #expect(try ValueParsing.bins("0%, 12.5%") == [0, 12.5])
        #expect(throws: ValueParsing.Failure.self) { try ValueParsing.bins("10,5") }
        #expect(throws: ValueParsing.Failure.self) { try ValueParsing.bins("0,0") }
        #expect(throws: ValueParsing.Failure.self) { try ValueParsing.bins("0,150") }
        #expect(throws: ValueParsing.Failure.self) { try ValueParsing.bins("a,b") }
    }
}
