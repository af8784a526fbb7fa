import Testing
@testable import SVWScript

@Suite struct ScriptSplitterTests {
    @Test func commandsEndAtLineOrSemicolon() {
        let units = ScriptSplitter.split("mode csv; help\nhelp load")
        #expect(units == [
            ScriptUnit(kind: .command, text: "mode csv", line: 1),
            ScriptUnit(kind: .command, text: "help", line: 1, column: 11),
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

/// Comments after a command, `/* */` before SQL, and where each unit starts.
@Suite struct ScriptSplitterCommentTests {
    @Test func trailingCommentsEndACommandLine() {
        #expect(ScriptSplitter.split("tables # note").map(\.text) == ["tables"])
        #expect(ScriptSplitter.split("mode csv -- for the export").map(\.text) == ["mode csv"])
        #expect(ScriptSplitter.split("mode csv --").map(\.text) == ["mode csv"])
        #expect(ScriptSplitter.split("tables; # note\nhelp").map(\.text) == ["tables", "help"])
        // Not comments: an option, a # inside a word, anything quoted.
        #expect(ScriptSplitter.split("tables --format csv").map(\.text) == ["tables --format csv"])
        #expect(ScriptSplitter.split("filter partner=#1").map(\.text) == ["filter partner=#1"])
        #expect(ScriptSplitter.split("help '# not' \"-- not\"").map(\.text) == ["help '# not' \"-- not\""])
        #expect(ScriptSplitter.split("help a\\ #b").map(\.text) == ["help a\\ #b"], "an escaped space joins the words")
        #expect(ScriptSplitter.split("help a #b").map(\.text) == ["help a"])
        #expect(ScriptSplitter.split("help a\\#b").map(\.text) == ["help a\\#b"])
    }

    @Test func blockCommentsOpenSQL() {
        let units = ScriptSplitter.split("/* the total */ SELECT 3;\n/* a\n   longer note */\ntables\nSELECT /* inline */ 4;")
        #expect(units.map(\.kind) == [.sql, .command, .sql])
        #expect(units.map(\.text) == ["SELECT 3;", "tables", "SELECT /* inline */ 4;"])
        #expect(units.map(\.line) == [1, 4, 5])
        #expect(units[0].column == 17)
        #expect(ScriptSplitter.split("/* only a comment */").isEmpty)
        #expect(ScriptSplitter.split("/* never closed").isEmpty == false, "an open comment is SQL, as sqlite3 reads it")
        #expect(ScriptSplitter.split("SELECT 1; /* after */").map(\.text) == ["SELECT 1;"])
    }

    @Test func unitsKnowTheirColumn() {
        let units = ScriptSplitter.split("  SELECT 1; SELECT 2;\n\tmode csv;  tables")
        #expect(units.map(\.column) == [3, 13, 2, 13])
        #expect(units.map(\.line) == [1, 1, 2, 2])
    }

    @Test func byteOffsetsBecomeLinesAndColumns() {
        let unit = ScriptUnit(kind: .sql, text: "SELECT 1 AS a,\n  £2 AS b,\n  nope;", line: 2, column: 5)
        #expect(unit.position(ofByte: 0) == (2, 5))
        #expect(unit.position(ofByte: 7) == (2, 12))
        let nope = Array(unit.text.utf8).count - 5
        #expect(unit.position(ofByte: nope) == (4, 3))
        let b = unit.text.utf8.count - Array("b,\n  nope;".utf8).count
        #expect(unit.position(ofByte: b) == (3, 9), "£ is two bytes but one column")
    }
}

extension ScriptSplitter {
    /// Commands enough for these tests: the format's rules hold whatever the command set is.
    static let testCommands: Set<String> = ["filter", "help", "load", "mode", "param", "tables"]

    static func split(_ text: String) -> [ScriptUnit] {
        ScriptSplitter(opensCommand: { testCommands.contains($0) }).units(in: text)
    }
}
