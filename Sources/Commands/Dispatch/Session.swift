import Foundation
import SVWAnalysis
import SVWDatabase
import SVWRendering
import SVWScript
import SVWWorkspace

/// The state one svw process carries between commands: the workspace, how results
/// are shown and where they go, the analysis filter, and what has been recorded.
public final class Session {
    public var workspace: Workspace {
        didSet { baseline = RecordingBaseline(workspace) }
    }
    public let console: Console
    public var mode: OutputMode
    /// The grid mode `expanded off` goes back to (the one before `expanded on`).
    var gridMode: OutputMode = .box
    /// Rendering knobs; `width` is set when stdout is a terminal.
    public var renderOptions: RenderOptions
    public var showCharts = true
    /// The chart of the last analysis that drew one (shown or not), for `export chart FILE.svg`.
    public var lastChart: Chart?
    public var timer = false
    public var filter = Filter()
    /// Folder against which relative paths in commands resolve (a script's own folder while it runs).
    public var baseDirectory: URL
    /// Commands that succeeded and change or answer something, in order.
    public private(set) var recording: [RecordedCommand] = []
    /// Where results go instead of stdout (`output FILE`), and a one-shot override (`once FILE`).
    public var outputFile: URL? { didSet { outputFileMode = nil } }
    public var onceFile: URL? {
        didSet {
            onceFileWritten = false
            onceFileMode = nil
        }
    }
    /// The mode results take in the `output`/`once` file: `--format`, else the file's
    /// extension (nil: the session's mode).
    public var outputFileMode: OutputMode?
    public var onceFileMode: OutputMode?
    /// `once FILE` replaces the file only when the first result arrives, so a next command
    /// that fails (or never comes) leaves the old contents alone.
    private var onceFileWritten = false
    /// True while a session script runs: commands that are not `scriptSafe` are refused,
    /// and files may be written only where `files` allows (Dispatch/FileWrites.swift).
    public var isScript = false
    /// Where this session may write files and whether it really writes them.
    public var files = FileWrites()
    /// What the workspace held when the recording began (`save` restores or names it).
    public private(set) var baseline: RecordingBaseline
    /// What each unit wrote and produced, for checked replay and reports (Session/Transcript.swift).
    public let transcript = Transcript()
    /// `param` values that `$name` in commands and SQL refers to (Session/Parameters.swift).
    public var parameters = Parameters()
    /// How many scripts deep this session runs (0 at the prompt), so `run` cannot recurse forever.
    public var scriptDepth = 0
    /// The output mode when the recording began: `save` writes it so the replay starts the same way.
    public private(set) var recordingStartMode: OutputMode
    /// For `--format` on a single command.
    var modeOverride: OutputMode?
    /// For `--all` on a single command: no row limit.
    var showAllRows = false
    /// The pager for long output at a terminal (the shell sets it; nil when piped).
    public var pager: Pager?
    /// This unit's screen output, held until it ends to see whether it fits (Output/Pager.swift).
    var pagedText: String?
    /// What the last unit that showed anything showed, for `last` (Output/ShownOutput.swift).
    var lastShown: [ShownPiece] = []
    var shownNow: [ShownPiece] = []
    var replayingLast = false
    /// How many `read FILE` commands deep this session runs.
    var readDepth = 0
    /// How deep the dispatcher is: 1 for a unit typed or read, more inside `run SCRIPT`.
    var unitDepth = 0
    /// The interactive shell's own state: quitting, history, the leave warning.
    public var shell = ShellState()

    public init(workspace: Workspace, console: Console, mode: OutputMode = .table,
                renderOptions: RenderOptions = RenderOptions(),
                baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.workspace = workspace
        self.console = console
        self.mode = mode
        self.gridMode = mode == .line || mode == .auto ? .box : mode
        self.renderOptions = renderOptions
        self.baseDirectory = baseDirectory
        self.recordingStartMode = mode
        self.baseline = RecordingBaseline(workspace)
    }

    public var db: Database { workspace.db }

    public var effectiveMode: OutputMode {
        if let modeOverride { return modeOverride }
        if onceFile != nil { return onceFileMode ?? mode }
        if outputFile != nil { return outputFileMode ?? mode }
        return mode
    }

    /// Resolves a path typed in a command against the session's base directory.
    public func resolve(path: String) -> URL {
        let expanded = PathExpansion.expandingTilde(path)
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded) }
        return baseDirectory.appendingPathComponent(expanded).standardizedFileURL
    }

    /// Resolves a path a command will write. In a script the file must lie inside the
    /// folders the replay allows (the script's own folder tree unless `--allow-writes`
    /// adds others), `..` and symbolic links followed; otherwise this throws an error
    /// naming the command, the path and the rule. Every command that writes a file
    /// comes through here, and the dispatcher checks each argument the registry marks
    /// as written before the command runs.
    public func writableURL(for path: String, command: String) throws -> URL {
        let url = resolve(path: path).standardizedFileURL
        if isScript { try files.check(url, path: path, command: command, base: baseDirectory) }
        return url
    }

    /// Starts (creates or empties) the file `output`/`once` will send results to, so a bad
    /// path fails at the command that named it. A checked replay only checks it.
    public func beginOutputFile(_ url: URL, command: String) throws {
        try files.begin(url, command: command)
    }

    /// Points the next unit's results at `url` (`once FILE`; `url` comes from `writableURL`):
    /// checked now, so a bad path fails at `once`, but created or replaced only when the
    /// first result arrives, so a next command that fails leaves an existing file alone.
    public func armOnceFile(_ url: URL, command: String) throws {
        try files.checkWritable(url, command: command)
        onceFile = url
    }

    /// Writes a whole file (an exported chart or report) atomically; `url` comes from
    /// `writableURL`. A checked replay writes nothing and counts the file as withheld.
    public func writeFile(_ data: Data, to url: URL, shown: String, command: String) throws {
        try files.write(data, to: url, shown: shown, command: command)
    }

    /// Writes a result in the current mode to the current destination. A cell an analysis
    /// leaves empty on purpose reads as the result's `emptyCellText` in the human modes and
    /// reports (the renderers and the transcript's table carry it).
    public func emit(_ result: ResultSet, footer: String? = nil) {
        emit(result, footer: footer, rerun: nil)
    }

    /// `rerun`: the read-only query that made `result`, when `result` lacks rows it counted.
    func emit(_ result: ResultSet, footer: String?, rerun: String?) {
        keepShown(rerun.map(ShownPiece.query) ?? .table(result, footer: footer))
        let mode = effectiveMode
        var options = renderOptions
        if outputFile != nil || onceFile != nil || mode.isMachineReadable {
            options.width = nil
            options.maxRows = nil
            options.color = false
        }
        if showAllRows { options.maxRows = nil }
        options.cancellation = shell.interruptRequested.map { RenderCancellation($0) }
        var text = Renderer.render(result, mode: mode, options: options)
        // Ctrl-C while it was drawn: the part made so far is dropped (the caller says "interrupted").
        if options.cancellation?.isCancelled == true { return }
        if let footer, !mode.isMachineReadable {
            let wrapped = TextWrap.wrap(footer, width: options.width)
            text += wrapped.hasSuffix("\n") ? wrapped : wrapped + "\n"
        }
        transcript.captureTable(result, footer: footer)
        if let cancellation = options.cancellation, outputFile == nil, onceFile == nil {
            deliverToTerminal(text, until: cancellation)
        } else {
            deliver(text)
        }
    }

    /// Writes a drawn result to the terminal a screenful of lines at a time, stopping at a
    /// line's end once Ctrl-C has come: drawing 300,000 rows takes a moment, writing them to
    /// a terminal much longer, and Ctrl-C must stop the scrolling too (the caller then says
    /// "interrupted").
    private func deliverToTerminal(_ text: String, until cancellation: RenderCancellation) {
        let chunkBytes = 64 * 1024
        var rest = Substring(text)
        while !rest.isEmpty {
            var end = rest.utf8.index(rest.startIndex, offsetBy: chunkBytes, limitedBy: rest.endIndex) ?? rest.endIndex
            // To the end of that line (so every piece ends on a whole line and character).
            if end < rest.endIndex { end = rest[end...].firstIndex(of: "\n").map { rest.index(after: $0) } ?? rest.endIndex }
            deliver(String(rest[..<end]))
            rest = rest[end...]
            if cancellation.isCancelled { return }
        }
    }

    /// Writes several results as one piece of output (one JSON document in json mode; see
    /// `Renderer.render(sections:)`), each kept as a table for reports. For the machine modes:
    /// the human modes give each table its own caption and footer through `emit`.
    public func emit(sections: [ResultSection]) {
        keepShown(.sections(sections))
        var options = renderOptions
        if outputFile != nil || onceFile != nil || effectiveMode.isMachineReadable {
            options.width = nil
            options.maxRows = nil
            options.color = false
        }
        if showAllRows { options.maxRows = nil }
        for section in sections { transcript.captureTable(section.result, footer: nil) }
        deliver(Renderer.render(sections: sections, mode: effectiveMode, options: options))
    }

    /// Writes result text (not notes) to the current destination.
    public func write(_ text: String) {
        keepShown(.text(text))
        transcript.captureText(text)
        deliver(text)
    }

    /// Sends result text to `once`/`output`/stdout (`emit`, `write`, streamed results).
    /// Text bound for a file is captured for a checked replay, which writes nothing.
    func deliver(_ text: String) {
        if let file = onceFile ?? outputFile {
            if let transcript = files.capture {
                transcript.captureFile(path: RelativePath.from(files.captureFolder ?? baseDirectory, to: file), text: text)
            }
            // `once`: the first result replaces the file; the rest of the unit's output follows it.
            let replacing = onceFile != nil && !onceFileWritten
            if onceFile != nil { onceFileWritten = true }
            if !files.dryRun { appendOrCreate(file, text, truncate: replacing) }
        } else {
            transcript.captureStdout(text)
            showOnScreen(text)
        }
    }

    private func appendOrCreate(_ url: URL, _ text: String, truncate: Bool) {
        let data = Data(text.utf8)
        if truncate || !FileManager.default.fileExists(atPath: url.path) {
            do { try data.write(to: url) } catch { console.note("cannot write \(url.path): \(error.localizedDescription)") }
            return
        }
        guard let handle = try? FileHandle(forWritingTo: url) else {
            console.note("cannot write \(url.path)")
            return
        }
        handle.seekToEndOfFile()
        handle.write(data)
        try? handle.close()
    }

    public func note(_ text: String) { console.note(text) }

    func record(_ command: RecordedCommand) {
        recording.append(command)
        transcript.commit(command)
    }

    public func clearRecording() {
        recording.removeAll()
        transcript.clear()
        recordingStartMode = mode
        // What was loaded before is no longer in the recording: `save` must restore it.
        baseline = RecordingBaseline(workspace)
    }
}
