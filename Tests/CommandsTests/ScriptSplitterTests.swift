import Testing
@testable import SVWCommands

@Suite struct ScriptSplitterTests {
    @Test func commandsEndAtLineOrSemicolon() {
        let units = ScriptSplitter.split("mode csv; help\nhelp load")
        #expect(units == [
            ScriptUnit(kind: .command, text: "mode csv", line: 1),
            ScriptUnit(kind: .command, text: "help", line: 1),
            ScriptUnit(kind: .command, text: "help load", line: 2),
        ])
    }

    @Test func sqlRunsAcrossLinesUntilCompleteSemicolon() {
        let units = ScriptSplitter.split("SELECT 'a;b',\n  2\n;\n-- comment\n# another\nSELECT 3; mode json")
        #expect(units.map(\.kind) == [.sql, .sql, .command])
        #expect(units[0].text == "SELECT 'a;b',\n  2\n;")
        #expect(units[0].line == 1)
        #expect(units[1].text == "SELECT 3;")
        #expect(units[1].line == 6)
        #expect(units[2].text == "mode json")
    }

    @Test func unterminatedSQLIsFlushedAtEnd() {
        #expect(ScriptSplitter.split("SELECT 1") == [ScriptUnit(kind: .sql, text: "SELECT 1", line: 1)])
    }

    @Test func dotPrefixIsAccepted() {
        #expect(ScriptSplitter.split(".mode csv") == [ScriptUnit(kind: .command, text: "mode csv", line: 1)])
    }

    @Test func quotedSemicolonStaysInCommand() {
        #expect(ScriptSplitter.split("help 'a;b'; help")[0].text == "help 'a;b'")
    }
}

@Suite struct UnknownWordTests {
    @Test func unknownWordIsACommandSoItGetsASuggestion() {
        let units = ScriptSplitter.split("halp\n(SELECT 1);")
        #expect(units.map(\.kind) == [.command, .sql])
    }

    @Test func suggestionFindsClosestCommand() {
        #expect(CommandRegistry.suggestion(for: "halp") == "help")
        #expect(CommandRegistry.suggestion(for: "zzzzzz") == nil)
    }
}
