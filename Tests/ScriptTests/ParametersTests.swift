import Testing
import SVWDatabase
@testable import SVWScript

@Suite struct ParametersTests {
    private func declared(_ pairs: [(String, String)]) throws -> Parameters {
        var p = Parameters()
        for (name, value) in pairs { try p.declare(name, default: value) }
        return p
    }

    @Test func substitutesInsideWords() throws {
        let p = try declared([("year", "2020/21"), ("dir", "data files")])
        #expect(try p.substitute(in: ["--year", "$year", "${dir}/contracts.csv", "cost$$", "x${year}y"])
                == ["--year", "2020/21", "data files/contracts.csv", "cost$", "x2020/21y"])
    }

    @Test func undeclaredParameterIsNamed() throws {
        let p = try declared([("year", "2020/21")])
        #expect(throws: CommandError.failed("undeclared parameter $yaer: declare it first with: param yaer = VALUE (did you mean $year?)")) {
            try p.substitute(in: ["$yaer"])
        }
        #expect(throws: CommandError.self) { try p.substitute(in: ["$"]) }
        #expect(throws: CommandError.self) { try p.substitute(in: ["${year"]) }
    }

    @Test func overrideWinsAndMissingValueIsAnError() throws {
        var p = Parameters(overrides: ["year": "2021/22"])
        #expect(try p.declare("year", default: "2020/21") == "2021/22")
        #expect(throws: CommandError.failed("missing parameter partner: give it a value (param partner = VALUE, or svw run SCRIPT partner=VALUE)")) {
            try p.declare("partner", default: nil)
        }
        #expect(throws: CommandError.self) { try p.declare("9lives", default: "x") }
    }

    @Test func valuesBindWithTheirNaturalType() {
        #expect(Parameters.sqlValue("25000") == .integer(25000))
        #expect(Parameters.sqlValue("-3") == .integer(-3))
        #expect(Parameters.sqlValue("0.5") == .real(0.5))
        #expect(Parameters.sqlValue("007") == .text("007"))
        #expect(Parameters.sqlValue("2020/21") == .text("2020/21"))
        #expect(Parameters.sqlValue("1e3") == .text("1e3"))
        #expect(Parameters.sqlValue("") == .text(""))
    }
}
