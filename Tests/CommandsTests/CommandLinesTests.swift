import Testing
@testable import SVWCommands
import SVWScript

/// How svw's command set tells a command line from SQL, and what a notebook declares.
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

@Suite struct NotebookParametersTests {
    @Test func paramLinesAreTheDeclaredParameters() throws {
        let notebook = try Notebook(text: "# a notebook\nparam year = 2020/21\nSELECT 1;\n.param partner\nparam year = 2021/22\n")
        #expect(notebook.declaredParameters.map(\.name) == ["year", "partner"])
        #expect(notebook.declaredParameters.map(\.defaultValue) == ["2020/21", nil])
    }
}
