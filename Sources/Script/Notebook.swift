import Foundation

/// A session script read for replay: its units grouped into cells, each cell with the
/// data files it declares and the output it expects.
///
/// The format is a plain svw script, so any runner can run it; the extra lines are
/// comments the plain splitter skips:
///
///     # data: SampleData/contracts.csv sha256=4f2c… rows=4000
///     load contracts SampleData/contracts.csv
///     SELECT partner, count(*) AS n FROM contracts GROUP BY partner ORDER BY partner;
///     #> partner     n
///     #> ----------  ----
///     #> Bolton       812
///
/// A cell is the unit (or units) that end on one line; the `#>` lines after it are
/// what it printed on stdout, `#>` alone is an empty line, and `#~ no newline at end`
/// marks output whose last line had no newline. What the cell sent to a file instead
/// (`output FILE`, `once FILE`) follows its stdout, under a `#>> FILE` line naming the
/// file relative to the script:
///
///     once by-authority.csv
///     geography --format csv
///     #>> by-authority.csv
///     #> authority,suppliers,gm_share
///     #> Bolton,41,12.5
public struct Notebook {
    /// The unit (or units) ending on one line, with what the notebook says about them.
    public struct Cell {
        /// The commands and SQL statements, in order.
        public var units: [ScriptUnit]
        /// 0-based index in `lines` of the line the cell ends on; its expected block follows it.
        public var endLine: Int
        /// nil when the cell carries no block (it is expected to print nothing).
        public var expected: CellOutput?
        /// The `# data:` lines above the cell: files its commands read.
        public var data: [DataDeclaration]
        /// The comment lines right above the cell (`#` or `--`, markers stripped): what the
        /// author wrote about it, which a report prints with its output.
        public var notes: [String] = []
    }

    /// The comment block that opens the file, markers stripped: the notebook's own
    /// introduction (a saved script's machine header is not one).
    public private(set) var preamble: [String] = []

    /// The source lines, `#>` blocks removed.
    public private(set) var lines: [String]
    /// The cells, in order.
    public private(set) var cells: [Cell]
    /// Where each remaining `# data:` line is, so `--update` can rewrite it.
    private var dataLineIndex: [Int: Int] = [:]
    private var endsWithNewline: Bool

    static let outputPrefix = "#>"
    static let filePrefix = "#>>"
    static let noNewlineMarker = "#~ no newline at end"
    static let dataPrefix = "# data:"

    /// Reads `original`, telling commands from SQL as `splitter` does.
    public init(text original: String, splitter: ScriptSplitter) throws {
        var physical = Notebook.normalised(original).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        endsWithNewline = physical.last == ""
        if endsWithNewline { physical.removeLast() }
        var parser = NotebookParser(splitter: splitter)
        for (index, line) in physical.enumerated() {
            try parser.read(line, number: index + 1)
        }
        try parser.finish()
        lines = parser.kept
        cells = parser.cells
        dataLineIndex = parser.dataLineIndex
        // `save` opens a script with its version and date: a header, not an introduction.
        let preamble = parser.prose.preamble
        self.preamble = preamble.first?.hasPrefix("svw session script") == true ? [] : preamble
    }

    /// The text without a byte-order mark (editors on some systems start UTF-8 files with
    /// one), and with CRLF line ends read as LF when the whole file uses them.
    static func normalised(_ original: String) -> String {
        let raw = original.hasPrefix("\u{FEFF}") ? String(original.dropFirst()) : original
        return raw.contains("\r\n") && !raw.replacingOccurrences(of: "\r\n", with: "").contains("\n")
            ? raw.replacingOccurrences(of: "\r\n", with: "\n") : raw
    }

    /// The text of a comment line (`# text`, `-- text`), or nil for any other line.
    static func commentText(_ trimmed: String) -> String? {
        for marker in ["#", "--"] where trimmed.hasPrefix(marker) {
            let rest = trimmed.dropFirst(marker.count)
            return String(rest.first == " " ? rest.dropFirst() : rest)
        }
        return nil
    }

    /// The notebook's title: the preamble's first line when it reads `svw notebook: TITLE`.
    public var title: String? {
        guard let first = preamble.first, first.lowercased().hasPrefix("svw notebook:") else { return nil }
        var title = first.dropFirst("svw notebook:".count).trimmingCharacters(in: .whitespaces)
        if title.hasSuffix(".") { title.removeLast() }
        guard let initial = title.first else { return nil }
        return initial.uppercased() + title.dropFirst()
    }

    /// The preamble after its title line, blank lines at either end dropped.
    public var introduction: [String] {
        var lines = title == nil ? preamble : Array(preamble.dropFirst())
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The script with new expected blocks (one per cell, nil or empty for none) and
    /// refreshed data declarations; every other line exactly as it was.
    public func rewritten(outputs: [CellOutput?], data: [DataDeclaration]? = nil) -> String {
        precondition(outputs.count == cells.count)
        var blocks: [Int: String] = [:]
        for (cell, output) in zip(cells, outputs) {
            if let output, !output.isEmpty { blocks[cell.endLine] = Notebook.block(for: output) }
        }
        var out = ""
        for (index, line) in lines.enumerated() {
            if let data, let which = dataLineIndex[index], which < data.count {
                out += data[which].line + "\n"
            } else {
                out += line + "\n"
            }
            if let block = blocks[index] { out += block }
        }
        if !endsWithNewline, out.hasSuffix("\n"), blocks[lines.count - 1] == nil { out.removeLast() }
        return out
    }

    /// The block for one cell's output: its stdout, then a `#>> FILE` section per file it wrote to.
    public static func block(for output: CellOutput) -> String {
        var out = output.stdout.isEmpty ? "" : block(for: output.stdout)
        for file in output.files where !file.text.isEmpty {
            out += filePrefix + " " + Tokenizer.quote(file.path) + "\n" + block(for: file.text)
        }
        return out
    }

    /// The `#>` lines for some output text.
    public static func block(for output: String) -> String {
        var parts = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let newlineAtEnd = parts.last == ""
        if newlineAtEnd { parts.removeLast() }
        var out = parts.map { $0.isEmpty ? outputPrefix + "\n" : outputPrefix + " " + $0 + "\n" }.joined()
        if !newlineAtEnd { out += noNewlineMarker + "\n" }
        return out
    }
}

/// `# data: PATH sha256=HEX rows=N`: a data file the next command reads, as it was
/// when the script was saved. PATH is relative to the script's folder and quoted
/// like a command word when it holds spaces.
public struct DataDeclaration: Equatable, Sendable {
    /// The file, relative to the script's folder.
    public var path: String
    /// The file's SHA-256 when the script was saved (lowercase hex).
    public var sha256: String
    /// Its data rows then, when known.
    public var rows: Int?

    /// A declaration of the file at `path` with its hash and row count.
    public init(path: String, sha256: String, rows: Int?) {
        self.path = path
        self.sha256 = sha256
        self.rows = rows
    }

    init(line: String) throws {
        let words = try Tokenizer.words(String(line.dropFirst(Notebook.dataPrefix.count)))
        guard let path = words.first else { throw CommandError.failed("# data: needs a file path") }
        var sha: String?
        var rows: Int?
        for word in words.dropFirst() {
            if word.hasPrefix("sha256=") {
                let hex = word.dropFirst("sha256=".count).lowercased()
                guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else {
                    throw CommandError.failed("# data: sha256 must be 64 hex digits, not \"\(word.dropFirst(7))\"")
                }
                sha = hex
            } else if word.hasPrefix("rows=") {
                guard let n = Int(word.dropFirst("rows=".count)), n >= 0 else {
                    throw CommandError.failed("# data: rows must be a whole number, not \"\(word.dropFirst(5))\"")
                }
                rows = n
            } else {
                throw CommandError.failed("# data: unexpected \"\(word)\" (expected sha256=HEX rows=N)")
            }
        }
        guard let sha else { throw CommandError.failed("# data: \(path) has no sha256=HEX") }
        self.init(path: path, sha256: sha, rows: rows)
    }

    /// The `# data:` line as the script holds it.
    public var line: String {
        var text = Notebook.dataPrefix + " " + Tokenizer.quote(path) + " sha256=" + sha256
        if let rows { text += " rows=\(rows)" }
        return text
    }
}

/// A script that cannot be read as a notebook, and the line where the trouble is.
public struct NotebookError: Error, CustomStringConvertible, Equatable {
    /// The 1-based line of the script.
    public let line: Int
    /// What is wrong there.
    public let message: String
    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}

/// What one cell printed on stdout and sent to files, as a checked replay compares it.
public struct CellOutput: Equatable, Sendable, ExpressibleByStringLiteral {
    /// What the cell printed on stdout.
    public var stdout: String
    /// One entry per file, in the order first written.
    public var files: [FileOutput]

    /// Output printed on stdout and sent to files.
    public init(stdout: String = "", files: [FileOutput] = []) {
        self.stdout = stdout
        self.files = files
    }

    public init(stringLiteral value: String) { self.init(stdout: value) }

    /// True when the cell printed nothing anywhere.
    public var isEmpty: Bool { stdout.isEmpty && files.allSatisfy { $0.text.isEmpty } }

    /// Adds text written to `path`, after what the cell already wrote there.
    public mutating func append(file path: String, text: String) {
        if let index = files.firstIndex(where: { $0.path == path }) { files[index].text += text }
        else { files.append(FileOutput(path: path, text: text)) }
    }

    /// Adds another unit's output after this one's.
    public mutating func append(_ other: CellOutput) {
        stdout += other.stdout
        for file in other.files { append(file: file.path, text: file.text) }
    }

    /// Unified diffs from `expected` to `actual`: stdout first, then each file by name
    /// (labels say which); nil when they are the same.
    public static func diff(expected: CellOutput, actual: CellOutput, label: String) -> String? {
        var out = LineDiff.unified(old: expected.stdout, new: actual.stdout,
                                   oldLabel: "\(label) expected", newLabel: "\(label) actual") ?? ""
        var paths = expected.files.map(\.path)
        for file in actual.files where !paths.contains(file.path) { paths.append(file.path) }
        for path in paths {
            let old = expected.files.first { $0.path == path }?.text ?? ""
            let new = actual.files.first { $0.path == path }?.text ?? ""
            if let diff = LineDiff.unified(old: old, new: new, oldLabel: "\(label) expected, written to \(path)",
                                           newLabel: "\(label) actual, written to \(path)") {
                out += diff
            }
        }
        return out.isEmpty ? nil : out
    }
}
