import Foundation
import Testing
import SVWDatabase
@testable import SVWCommands

@Suite struct SessionParametersTests {
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

    /// A value full of quotes, semicolons and SQL stays one value: bound in SQL, one word in commands.
    @Test func hostileValueCannotBreakOut() throws {
        let h = try SessionHarness()
        let hostile = "x'); DROP TABLE t; SELECT ('"
        h.session.parameters = Parameters(overrides: ["v": hostile])
        #expect(h.run("""
            CREATE TABLE t(a);
            INSERT INTO t VALUES (1);
            param v = harmless
            SELECT $v AS v, :v = @v AS same;
            param echo = $v
            SELECT count(*) AS n FROM t;
            """) == 0)
        let width = hostile.count
        #expect(h.capture.out == "v" + String(repeating: " ", count: width - 1) + "  same\n"
                 + String(repeating: "-", count: width) + "  ----\n" + hostile + "     1\nn\n-\n1\n")
        #expect(h.session.parameters["echo"] == hostile)
    }

    @Test func sqlParametersMustBeDeclared() throws {
        let h = try SessionHarness()
        #expect(h.run("SELECT $nope;") == 1)
        #expect(h.capture.err == "test:1: undeclared parameter $nope: declare it first with: param nope = VALUE\n")
        #expect(h.run("SELECT ?;") == 1)
        #expect(h.capture.err.hasSuffix("test:1: SQL parameter ? has no value: name it ($name) and declare it with param\n"))
    }

    @Test func integerParameterWorksInLimit() throws {
        let h = try SessionHarness()
        #expect(h.run("param n = 2\nmode csv\nWITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 5) SELECT i FROM c LIMIT $n;") == 0)
        #expect(h.capture.out == "i\n1\n2\n")
    }

    @Test func paramCommandForms() throws {
        #expect(try ParamCommand.parse(["year", "=", "2020/21"]) == ("year", "2020/21"))
        #expect(try ParamCommand.parse(["year=2020/21"]) == ("year", "2020/21"))
        #expect(try ParamCommand.parse(["year", "=2020/21"]) == ("year", "2020/21"))
        #expect(try ParamCommand.parse(["partner", "=", "Stockport", "Council"]) == ("partner", "Stockport Council"))
        #expect(try ParamCommand.parse(["year"]) == ("year", nil))
        #expect(try ParamCommand.parse([]) == (nil, nil))
        #expect(throws: CommandError.self) { try ParamCommand.parse(["year", "2020/21"]) }
        #expect(throws: CommandError.self) { try ParamCommand.parse(["year", "="]) }
    }

    @Test func paramListsValues() throws {
        let h = try SessionHarness()
        #expect(h.run("param year = 2020/21\nparam partner = 'Stockport Council'\nparam") == 0)
        #expect(h.capture.out == "name     value\n-------  -----------------\nyear     2020/21\npartner  Stockport Council\n")
    }
}
