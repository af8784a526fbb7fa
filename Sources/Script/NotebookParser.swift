import Foundation

/// Reads a notebook line by line: the plain script goes through the splitter into cells,
/// `#>` blocks become the expected output of the cell above them, `# data:` lines wait for
/// the command that reads the file, and comment lines become prose.
struct NotebookParser {
    /// The source lines, `#>` blocks removed.
    private(set) var kept: [String] = []
    private(set) var cells: [Notebook.Cell] = []
    /// Which declaration (in order) each `# data:` line of `kept` holds.
    private(set) var dataLineIndex: [Int: Int] = [:]
    private(set) var prose = NotebookProse()
    private var splitter: ScriptSplitter
    private var pendingData: [DataDeclaration] = []
    private var pendingDataLine = 0
    private var block: ExpectedBlock?

    init(splitter: ScriptSplitter) {
        self.splitter = splitter
    }

    /// What a line is to the notebook, beyond the script it is part of.
    private enum Marker: Equatable {
        case output, file, noNewline, data, none

        init(_ line: String) {
            if line == Notebook.filePrefix || line.hasPrefix(Notebook.filePrefix + " ") { self = .file }
            else if line == Notebook.outputPrefix || line.hasPrefix(Notebook.outputPrefix + " ") { self = .output }
            else if line == Notebook.noNewlineMarker { self = .noNewline }
            else if line.hasPrefix(Notebook.dataPrefix) { self = .data }
            else { self = .none }
        }
    }

    /// Reads one physical line; `number` is 1-based, for errors.
    mutating func read(_ line: String, number: Int) throws {
        let marker = Marker(line)
        let isBlockLine = marker == .output || marker == .file
        // Expected output ends a statement left without its `;` (SQLite has no # comments).
        if isBlockLine, splitter.isContinuing, let unit = splitter.finish() {
            newCell([unit])
        }
        // Inside an SQL statement every line is the statement's.
        guard !splitter.isContinuing else { return keep(line) }
        switch marker {
        case .output, .file:
            try readBlockLine(line, marker: marker, number: number)
            return skip()
        case .noNewline:
            guard block?.dropFinalNewline() == true else {
                throw NotebookError(line: number, message: "\"\(Notebook.noNewlineMarker)\" must follow a #> line")
            }
            return skip()
        case .data:
            closeBlock()
            try readData(line, number: number)
        case .none:
            prose.read(line)
            closeBlock()
        }
        keep(line)
    }

    /// Ends the text: what is left open becomes the last cell.
    mutating func finish() throws {
        closeBlock()
        if let last = splitter.finish() { newCell([last]) }
        guard pendingData.isEmpty else {
            throw NotebookError(line: pendingDataLine, message: "\"# data:\" must come before the command that reads the file")
        }
    }

    /// A line of the script: the splitter reads it and it is kept for rewriting.
    private mutating func keep(_ line: String) {
        let units = splitter.feed(line: line.hasSuffix("\r") ? String(line.dropLast()) : line)
        kept.append(line)
        if !units.isEmpty { newCell(units) }
    }

    /// A line of expected output: not part of the script, but it counts as a line for the splitter's numbering.
    private mutating func skip() {
        _ = splitter.feed(line: "")
    }

    private mutating func newCell(_ units: [ScriptUnit]) {
        cells.append(Notebook.Cell(units: units, endLine: kept.count - 1, expected: nil, data: pendingData,
                                   notes: prose.takeNotes()))
        pendingData = []
    }

    private mutating func readBlockLine(_ line: String, marker: Marker, number: Int) throws {
        guard !cells.isEmpty else {
            throw NotebookError(line: number, message: "expected output (#>) before any command")
        }
        var reading = block ?? ExpectedBlock(owner: cells.count - 1)
        if marker == .file {
            let words = (try? Tokenizer.words(String(line.dropFirst(Notebook.filePrefix.count)))) ?? []
            guard words.count == 1 else {
                throw NotebookError(line: number, message: "#>> must name one file (quote a name with spaces)")
            }
            reading.startFile(words[0])
        } else {
            reading.append(String(line.dropFirst(Notebook.outputPrefix.count + 1)) + "\n")
        }
        block = reading
    }

    /// The block just read becomes (or adds to) its cell's expected output.
    private mutating func closeBlock() {
        guard let finished = block else { return }
        var expected = cells[finished.owner].expected ?? CellOutput()
        finished.add(to: &expected)
        cells[finished.owner].expected = expected
        block = nil
    }

    private mutating func readData(_ line: String, number: Int) throws {
        do {
            pendingData.append(try DataDeclaration(line: line))
        } catch {
            throw NotebookError(line: number, message: "\(error)")
        }
        dataLineIndex[kept.count] = dataLineIndex.count
        pendingDataLine = number
    }
}

/// A `#>` block being read: sections of lines, the first for stdout, then one per `#>> FILE`.
private struct ExpectedBlock {
    /// The index of the cell the block belongs to.
    let owner: Int
    private var sections: [(file: String?, lines: [String])] = []

    init(owner: Int) {
        self.owner = owner
    }

    mutating func startFile(_ path: String) {
        sections.append((path, []))
    }

    mutating func append(_ line: String) {
        if sections.isEmpty { sections.append((nil, [])) }
        sections[sections.count - 1].lines.append(line)
    }

    /// `#~ no newline at end`: the section's last line loses its newline; false when it has none.
    mutating func dropFinalNewline() -> Bool {
        guard let section = sections.indices.last, let last = sections[section].lines.indices.last else { return false }
        sections[section].lines[last].removeLast()
        return true
    }

    func add(to expected: inout CellOutput) {
        for section in sections {
            if let file = section.file { expected.append(file: file, text: section.lines.joined()) }
            else { expected.stdout += section.lines.joined() }
        }
    }
}

/// Comment lines read as prose: the block that opens the file, and the lines right above each cell.
struct NotebookProse {
    private(set) var preamble: [String] = []
    private var inPreamble = true
    private var comments: [String] = []
    /// The comments above the cell now being read, once its first line has come.
    private var notesForCell: [String]?

    /// Reads a line that is neither expected output nor a data declaration.
    mutating func read(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if let text = Notebook.commentText(trimmed) {
            if inPreamble { preamble.append(text) } else { comments.append(text) }
            return
        }
        inPreamble = false
        // A blank line parts comments from the cell below them.
        if trimmed.isEmpty { comments = [] } else if notesForCell == nil {
            notesForCell = comments
            comments = []
        }
    }

    /// The notes of the cell just completed; the next cell gathers its own.
    mutating func takeNotes() -> [String] {
        defer { notesForCell = nil }
        return notesForCell ?? []
    }
}
