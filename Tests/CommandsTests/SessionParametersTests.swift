import Foundation
import Testing
import SVWDatabase
@testable import SVWCommands
import SVWScript

@Suite struct SessionParametersTests {
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
