import Foundation
import SVWImport
import SVWRendering
import SVWScript
import SVWText
import SVWWorkspace

/// How to replay a script: `svw run FILE [NAME=VALUE...] [--check|--update] [--strict] ...`
/// and `run FILE ...` in the shell both come here.
public struct ReplayOptions: Sendable {
    /// Parameter values given from outside; each must be declared by the script.
    public var parameters: [String: String] = [:]
    /// A data file whose hash differs stops the run instead of being reported.
    public var strict = false
    /// Compare each cell's stdout with its expected block; print diffs instead of the output.
    public var check = false
    /// Rewrite the expected blocks (and data hashes) from this run.
    public var update = false
    /// Stop at the first command that fails.
    public var bail = false
    /// The output mode the replay starts in (a saved script sets its own when it needs another).
    public var mode: OutputMode = .table
    /// Write a report of the run here (.md or .html) when it finishes.
    public var report: URL?
    /// Folders the script may write into besides its own folder tree (`--allow-writes DIR`).
    public var allowWrites: [URL] = []
    /// Run nothing: list what the script would read, write and be refused (`ScriptDryRun`).
    public var dryRun = false
    /// With `update`: capture what would be written to files but write none (`save`, whose
    /// session has just written them, stores the output this way).
    public var withholdWrites = false

    public init() {}

    /// Reads `NAME=VALUE` words.
    public static func parameters(from words: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for word in words {
            guard let eq = word.firstIndex(of: "="), Parameters.isValidName(String(word[..<eq])) else {
                throw CommandError.usage(ScriptReplay.prefixed("a parameter is given as NAME=VALUE, not \"\(word)\""))
            }
            let name = String(word[..<eq])
            guard result[name] == nil else { throw CommandError.usage(ScriptReplay.prefixed("parameter \(name) given twice")) }
            result[name] = String(word[word.index(after: eq)...])
        }
        return result
    }
}

/// What a replay came to.
public struct ReplayOutcome: Sendable, Equatable {
    public var cells = 0
    /// Commands that failed (each already reported with its line).
    public var failures = 0
    /// Cells whose output differed from the expected block (under --check).
    public var drifted = 0
    /// Data files whose hash differed from the recorded one (or that were missing).
    public var changedData = 0
    /// The run stopped early (--strict on changed data, or --bail).
    public var stopped = false
    /// The script file was rewritten (under --update).
    public var rewritten = false
    /// Files `export` (or a nested `run --report`) would have written, left unwritten by --check.
    public var withheld: [String] = []
    /// Under --check: the script stores no expected output at all, yet printed some, so
    /// nothing could be checked (one line says so, not a diff per command).
    public var nothingStored = false
    /// Under --dry-run: how many commands a replay would refuse.
    public var refused = 0

    public var succeeded: Bool { failures == 0 && drifted == 0 && !stopped && !nothingStored && refused == 0 }
}

/// Replays a session script in a fresh in-memory workspace, in a new session that
/// shares only the caller's output: the caller's workspace, mode, filter and
/// recording are untouched.
///
/// The script may write files only inside its own folder tree and the `allowWrites`
/// folders (Dispatch/FileWrites.swift). Under `--check` and `--update` what `output`
/// and `once` send to files is captured into each cell's expected output, beside its
/// stdout; `--check` writes no files at all.
public enum ScriptReplay {
    /// Scripts may run scripts (a notebook can build on another); this bounds accidental recursion.
    public static let maxDepth = 16

    /// `message` after the command's name: `svw run` and the shell's `run` are the one `run` spec.
    static func prefixed(_ message: String) -> String { "\(SessionCommands.run.name): \(message)" }

    /// - Parameters:
    ///   - name: how messages name the script (the path as the user typed it).
    ///   - out: where results (or, under --check, diffs) go.
    ///   - err: where notes and errors go.
    ///   - files: the calling script's write policy, for a script run by a script: where it
    ///     may write and whether writes are made stay those of the outermost replay.
    public static func run(scriptAt url: URL, name: String, options: ReplayOptions, depth: Int = 1,
                           files inherited: FileWrites? = nil,
                           out: @escaping (String) -> Void, err: @escaping (String) -> Void) throws -> ReplayOutcome {
        try checkRequest(name: name, options: options, depth: depth)
        if options.dryRun {
            let plan = try ScriptDryRun.plan(scriptAt: url, name: name, options: options)
            out(ScriptDryRun.text(plan, name: name))
            var outcome = ReplayOutcome()
            outcome.refused = plan.refusals.count
            return outcome
        }
        let (text, notebook) = try read(scriptAt: url, name: name, parameters: options.parameters)
        try checkFolders(options.allowWrites)
        let session = try freshSession(forScriptAt: url, options: options, depth: depth, files: inherited, out: out, err: err)

        var replay = CellReplay(session: session, runner: ScriptRunner(session: session, bail: options.bail, sourceName: name),
                                name: name, options: options, storesNothing: notebook.cells.allSatisfy { $0.expected == nil },
                                out: out, err: err)
        replay.play(notebook.cells)
        var outcome = replay.outcome
        outcome.withheld = session.files.withheld
        if outcome.nothingStored {
            out("\(name): no expected output stored: run `svw run \(Tokenizer.quote(name)) --update` to store it\n")
        }
        if options.update {
            if outcome.failures > 0 || outcome.stopped {
                err("\(name): not updated, because the run did not complete cleanly\n")
            } else {
                let updated = notebook.rewritten(outputs: replay.outputs, data: replay.refreshedData)
                outcome.rewritten = try rewrite(scriptAt: url, name: name, from: text, to: updated)
            }
        }
        if let report = options.report, !outcome.stopped {
            try writeReport(of: session, notebook: notebook, scriptAt: url, to: report, files: inherited)
        }
        return outcome
    }

    /// Refuses a run too deeply nested, or asked to check and update at once.
    static func checkRequest(name: String, options: ReplayOptions, depth: Int) throws {
        guard depth <= maxDepth else {
            throw CommandError.failed(prefixed("\(name): scripts nested more than \(maxDepth) deep (does a script run itself?)"))
        }
        if options.check && options.update {
            throw CommandError.usage(prefixed("--check and --update cannot be used together"))
        }
    }

    /// Every `--allow-writes` folder must exist.
    static func checkFolders(_ folders: [URL]) throws {
        for folder in folders {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw CommandError.usage(prefixed("--allow-writes \(folder.path): no such folder"))
            }
        }
    }

    /// A new session over a fresh in-memory workspace, in the script's folder, writing files
    /// as the options (or the calling script's policy) allow.
    static func freshSession(forScriptAt url: URL, options: ReplayOptions, depth: Int, files inherited: FileWrites?,
                             out: @escaping (String) -> Void, err: @escaping (String) -> Void) throws -> Session {
        let quiet = options.check || options.update
        let console = Console(out: quiet ? { _ in } : out, err: err)
        let workspace = try Workspace()
        workspace.db.forbidAttachingFiles()
        let folder = url.deletingLastPathComponent()
        let session = Session(workspace: workspace, console: console, mode: options.mode, baseDirectory: folder)
        session.isScript = true
        session.scriptDepth = depth
        session.parameters = Parameters(overrides: options.parameters)
        session.transcript.capturesOutput = quiet
        let writesNothing = options.check || (options.update && options.withholdWrites)
        session.files = inherited?.child(dryRun: writesNothing)
            ?? FileWrites(roots: [folder] + options.allowWrites, dryRun: writesNothing)
        if quiet || inherited == nil {
            // This run's cells own what is written to files; otherwise the calling script's do.
            session.files.captureFolder = folder
            session.files.capture = quiet ? session.transcript : nil
        }
        return session
    }

    /// `--update`: writes the script's new text when it changed; true when it did.
    static func rewrite(scriptAt url: URL, name: String, from text: String, to updated: String) throws -> Bool {
        guard updated != text else { return false }
        do { try updated.write(to: url, atomically: true, encoding: .utf8) } catch {
            throw CommandError.failed(prefixed("cannot write \(name): \(FileProblem.describe(error, url: url))"))
        }
        return true
    }

    /// `--report FILE`: the run as a document, titled by the notebook (else the script's name).
    static func writeReport(of session: Session, notebook: Notebook, scriptAt url: URL, to report: URL,
                            files inherited: FileWrites?) throws {
        var document = ReportDocument(session: session, folder: report.deletingLastPathComponent(),
                                      title: notebook.title ?? ReportDocument.defaultTitle(forScript: url))
        document.introduction = notebook.introduction
        if let inherited {
            // Asked for by the calling script: its rules for writing apply (checked by its `run`).
            try inherited.write(ReportWriter.data(document, for: report), to: report,
                                shown: RelativePath.from(inherited.captureFolder ?? url.deletingLastPathComponent(), to: report),
                                command: "run --report")
        } else {
            try ReportWriter.write(document, to: report)
        }
    }

    /// The script's text and its cells, once the parameters given are known to suit it.
    static func read(scriptAt url: URL, name: String, parameters: [String: String]) throws -> (String, Notebook) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw CommandError.failed(prefixed("cannot read \(name): \(FileProblem.describe(error, url: url))"))
        }
        let notebook: Notebook
        do { notebook = try Notebook(text: text) } catch let error as NotebookError {
            throw CommandError.failed("\(name):\(error.line): \(error.message)")
        }
        try checkParameters(parameters, against: notebook, name: name)
        return (text, notebook)
    }

    /// Every override must name a declared parameter, and every parameter without a default needs one.
    static func checkParameters(_ given: [String: String], against notebook: Notebook, name: String) throws {
        let declared = notebook.declaredParameters
        let names = declared.map(\.name)
        for key in given.keys.sorted() where !names.contains(key) {
            var message = prefixed("\(name) has no parameter \"\(key)\"")
            if let guess = Suggest.closest(to: key, among: names) { message += "; did you mean \"\(guess)\"?" }
            message += names.isEmpty ? " (it declares none)" : " (it declares: \(names.joined(separator: ", ")))"
            throw CommandError.usage(message)
        }
        for parameter in declared where parameter.defaultValue == nil && given[parameter.name] == nil {
            throw CommandError.usage(prefixed("missing parameter \(parameter.name): \(name) needs a value for it (\(parameter.name)=VALUE)"))
        }
    }

    /// Compares a declared data file with the file now on disk; returns the problem, if
    /// any, and the declaration as it should read now.
    static func verify(_ declaration: DataDeclaration, in session: Session) -> (String?, DataDeclaration) {
        let url = session.resolve(path: declaration.path)
        let actual: String
        do { actual = try SHA256.hex(ofFileAt: url) } catch {
            return ("data file \(declaration.path) is missing or unreadable (\(FileProblem.describe(error, url: url)))", declaration)
        }
        var refreshed = declaration
        refreshed.sha256 = actual
        guard actual != declaration.sha256 else { return (nil, refreshed) }
        return ("data file \(declaration.path) has changed since the script was saved\n"
                + "  expected sha256 \(declaration.sha256)\n  actual   sha256 \(actual)", refreshed)
    }

    /// Row counts come from what the cell's commands actually loaded.
    static func refreshRows(_ declarations: [DataDeclaration], into refreshed: inout [DataDeclaration], session: Session) {
        guard !declarations.isEmpty else { return }
        let loaded = session.transcript.entries.last.map(\.command.files) ?? []
        let first = refreshed.count - declarations.count
        for (offset, declaration) in declarations.enumerated() {
            let url = session.resolve(path: declaration.path)
            if let file = loaded.first(where: { RelativePath.same($0.url, url) }) {
                refreshed[first + offset].rows = file.rows
                if let expected = declaration.rows, expected != file.rows {
                    session.note("data file \(declaration.path): expected \(expected) rows, loaded \(file.rows)")
                }
            }
        }
    }

    /// The first line of a cell's first unit, short enough for a diff heading.
    static func caption(_ cell: Notebook.Cell) -> String {
        let first = cell.units.first?.text.split(separator: "\n").first.map(String.init) ?? ""
        return first.count > 72 ? String(first.prefix(71)) + "…" : first
    }
}
