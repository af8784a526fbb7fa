import SVWDatabase
import SVWScript

/// What a session produced, unit by unit: the stdout text of the unit now running and
/// what it sent to `output`/`once` files (checked replay compares both) and, for every
/// recorded command, the artefacts it made (reports are built from them).
///
/// `Session.emit` and `Session.write` feed it, so every command's output is caught
/// in one place whatever command produced it.
public final class Transcript {
    /// One entry per recorded command, in order.
    public private(set) var entries: [TranscriptEntry] = []
    /// What the unit now running (or last run) has produced so far.
    public private(set) var unit = UnitCapture()
    /// Keeping output text costs memory, so it is kept only while a checked replay asks for it.
    public var capturesOutput = false
    /// What a notebook says about the cell now running (its comment lines): the next
    /// recorded command carries it into reports.
    public var pendingNotes: [String] = []

    /// Tables longer than this keep only their first rows (a report states how many were left out).
    public static let maxTableRows = 5_000

    public init() {}

    public struct UnitCapture {
        /// Exactly the text this unit sent to stdout (not to `output`/`once` files, not notes).
        public internal(set) var stdout = ""
        /// What it sent to `output`/`once` files, one entry per file in the order first written.
        public internal(set) var files: [FileOutput] = []
        public internal(set) var artefacts: [Artefact] = []
        /// Warnings about the figures as a whole (illustrative proxy values), once each.
        public internal(set) var caveats: [String] = []
    }

    func beginUnit() { unit = UnitCapture() }

    func captureStdout(_ text: String) {
        if capturesOutput { unit.stdout += text }
    }

    /// Text a unit sent to a file; `path` is how the expected output names the file.
    func captureFile(path: String, text: String) {
        guard !text.isEmpty else { return }
        if let index = unit.files.firstIndex(where: { $0.path == path }) {
            unit.files[index].text += text
        } else {
            unit.files.append(FileOutput(path: path, text: text))
        }
    }

    func captureTable(_ result: ResultSet, footer: String?) {
        var kept = result
        if kept.rows.count > Self.maxTableRows { kept.rows = Array(kept.rows.prefix(Self.maxTableRows)) }
        unit.artefacts.append(.table(kept, totalRows: result.rows.count + result.omittedRows, footer: footer))
    }

    /// A warning that holds for every figure of the unit, for a report to put first.
    func captureCaveat(_ caveat: String) {
        if !unit.caveats.contains(caveat) { unit.caveats.append(caveat) }
    }

    func captureText(_ text: String) {
        guard !text.isEmpty else { return }
        unit.artefacts.append(.text(text))
    }

    /// The hook for charts: a command that draws one calls this with the chart's SVG.
    /// When `terminalText` is the text chart it just wrote, that text is replaced by
    /// the SVG in reports (the terminal still shows the text one).
    public func attachChart(svg: String, caption: String, terminalText: String? = nil) {
        if let terminalText, let index = unit.artefacts.lastIndex(of: .text(terminalText)) {
            unit.artefacts[index] = .chart(svg: svg, caption: caption)
        } else {
            unit.artefacts.append(.chart(svg: svg, caption: caption))
        }
    }

    func commit(_ command: RecordedCommand) {
        entries.append(TranscriptEntry(command: command, artefacts: unit.artefacts, notes: pendingNotes, caveats: unit.caveats))
        pendingNotes = []
    }

    func clear() {
        entries.removeAll()
        unit = UnitCapture()
    }
}
