import Testing
@testable import SVWScript

@Suite struct NotebookTests {
    static let text = """
        # a notebook
        param year = 2020/21

        # data: data/contracts.csv sha256=\(String(repeating: "ab", count: 32)) rows=3
        SELECT 1 AS a;
        #> a
        #> -
        #> 1
        SELECT 'x'
          AS b; SELECT 2;
        #> b
        #>
        #> x
        #~ no newline at end
        mode csv
        SELECT 3

        """

    @Test func cellsCarryUnitsBlocksAndData() throws {
        let notebook = try Notebook(text: Self.text)
        #expect(notebook.cells.map { $0.units.map(\.text) } == [
            ["param year = 2020/21"], ["SELECT 1 AS a;"], ["SELECT 'x'\n  AS b;", "SELECT 2;"], ["mode csv"], ["SELECT 3"],
        ])
        #expect(notebook.cells.map { $0.units.first!.line } == [2, 5, 9, 15, 16])
        #expect(notebook.cells.map(\.expected) == [nil, "a\n-\n1\n", "b\n\nx", nil, nil])
        #expect(notebook.cells[1].data == [DataDeclaration(path: "data/contracts.csv", sha256: String(repeating: "ab", count: 32), rows: 3)])
    }

    @Test func rewritingWithTheSameOutputsGivesTheSameText() throws {
        let notebook = try Notebook(text: Self.text)
        #expect(notebook.rewritten(outputs: notebook.cells.map(\.expected)) == Self.text)
    }

    @Test func rewritingReplacesBlocksAndDataLines() throws {
        let notebook = try Notebook(text: Self.text)
        let fresh = DataDeclaration(path: "data/contracts.csv", sha256: String(repeating: "cd", count: 32), rows: 4)
        let text = notebook.rewritten(outputs: [nil, "a\n-\n2\n", "", nil, "3\n"], data: [fresh])
        #expect(text == """
            # a notebook
            param year = 2020/21

            # data: data/contracts.csv sha256=\(String(repeating: "cd", count: 32)) rows=4
            SELECT 1 AS a;
            #> a
            #> -
            #> 2
            SELECT 'x'
              AS b; SELECT 2;
            mode csv
            SELECT 3
            #> 3

            """)
        let again = try Notebook(text: text)
        #expect(again.cells.map(\.expected) == [nil, "a\n-\n2\n", nil, nil, "3\n"])
    }

    @Test func windowsLineEndingsReadTheSame() throws {
        let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        let notebook = try Notebook(text: crlf)
        #expect(notebook.cells.map(\.expected) == [nil, "a\n-\n1\n", "b\n\nx", nil, nil])
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let notebook = try Notebook(text: "\u{FEFF}# title\nSELECT 1;\n")
        #expect(notebook.cells.map { $0.units.map(\.text) } == [["SELECT 1;"]])
    }

    @Test func blockTextRoundTrips() throws {
        for output in ["x\n", "x", "\n", "a\n\nb\n", "  indented\n#> not a marker\n", "a\r\n"] {
            let text = "SELECT 1;\n" + Notebook.block(for: output)
            #expect(try Notebook(text: text).cells[0].expected?.stdout == output, "\(output.debugDescription)")
        }
    }

    @Test func malformedLinesAreErrorsWithTheirLine() {
        #expect(throws: NotebookError(line: 1, message: "expected output (#>) before any command")) {
            try Notebook(text: "#> x\nSELECT 1;\n")
        }
        #expect(throws: NotebookError(line: 2, message: "# data: sha256 must be 64 hex digits, not \"xyz\"")) {
            try Notebook(text: "SELECT 1;\n# data: a.csv sha256=xyz\nSELECT 2;\n")
        }
        #expect(throws: NotebookError(line: 2, message: "\"# data:\" must come before the command that reads the file")) {
            try Notebook(text: "SELECT 1;\n# data: a.csv sha256=\(String(repeating: "0", count: 64))\n")
        }
    }

    /// The comments are the notebook's prose: the opening block introduces it (its first
    /// line may title it), and the comment lines right above a cell are about that cell.
    @Test func titleIntroductionAndNotes() throws {
        let notebook = try Notebook(text: """
            # svw notebook: where our suppliers are.
            #
            # Board question: how many are in GM?
            #   svw run nb.svw

            # How to re-run: not part of the story, a blank line away from everything.

            mode table
            # The year; override it.
            param year = 2020/21

            # Loads the data,
            # data: a.csv sha256=\(String(repeating: "0", count: 64)) rows=1
            load contracts a.csv
            -- Counted in SQL.
            SELECT
              -- not a note: inside the statement
              1;
            #> 1
            # A stray comment, then a blank line.

            SELECT 2;
            """)
        #expect(notebook.title == "Where our suppliers are")
        #expect(notebook.introduction == ["Board question: how many are in GM?", "  svw run nb.svw"])
        #expect(notebook.cells.map(\.notes) == [[], ["The year; override it."], ["Loads the data,"], ["Counted in SQL."], []])
        // A saved script's header is no introduction; a plain comment block is one, untitled.
        let saved = try Notebook(text: "# svw session script, saved by svw 0.1.0 on 2021-06-30.\n# Replay it.\n\nSELECT 1;\n")
        #expect(saved.preamble.isEmpty && saved.title == nil)
        let plain = try Notebook(text: "# Spend by partner.\nSELECT 1;\n")
        #expect(plain.title == nil && plain.introduction == ["Spend by partner."])
        #expect(plain.cells[0].notes.isEmpty)
    }

    @Test func dataLineQuotesPathsWithSpaces() throws {
        let declaration = DataDeclaration(path: "my data/a b.csv", sha256: String(repeating: "0", count: 64), rows: 12)
        #expect(declaration.line == "# data: 'my data/a b.csv' sha256=\(String(repeating: "0", count: 64)) rows=12")
        #expect(try DataDeclaration(line: declaration.line) == declaration)
    }
}

extension Notebook {
    /// A notebook read with the splitter these tests use.
    init(text: String) throws {
        try self.init(text: text, splitter: ScriptSplitter(opensCommand: { ScriptSplitter.testCommands.contains($0) }))
    }
}
