import SVWDatabase

/// One recorded command and what it produced.
public struct TranscriptEntry: Equatable {
    /// The command as recorded.
    public let command: RecordedCommand
    /// What it produced, in order.
    public let artefacts: [Artefact]
    /// The notebook's comment lines about this command (empty at the prompt).
    public var notes: [String]
    /// Warnings that hold for all of its figures (`UnitCapture.caveats`).
    public var caveats: [String]

    /// One recorded command, what it produced, the notebook's notes on it and its caveats.
    public init(command: RecordedCommand, artefacts: [Artefact], notes: [String] = [], caveats: [String] = []) {
        self.command = command
        self.artefacts = artefacts
        self.notes = notes
        self.caveats = caveats
    }
}

/// A piece of a command's output, kept in a form a report can lay out.
public enum Artefact: Equatable {
    /// A result set (perhaps cut to `Transcript.maxTableRows`; `totalRows` says how many there were).
    /// Its `emptyCellText` says how a cell an analysis leaves empty on purpose reads (`–`).
    case table(ResultSet, totalRows: Int, footer: String?)
    /// Text written as is (help, summaries, text charts).
    case text(String)
    /// A chart as a standalone SVG document.
    case chart(svg: String, caption: String)
}

/// Text a command sent to a file (`output FILE`, `once FILE`): the file as the
/// script names it (relative to the script's folder) and what was written to it.
public struct FileOutput: Equatable, Sendable {
    /// The file as the script names it.
    public var path: String
    /// What was written to it.
    public var text: String
    /// Text written to the file `path`.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
