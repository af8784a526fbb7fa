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
                throw CommandError.usage("run: a parameter is given as NAME=VALUE, not \"\(word)\"")
            }
            let name = String(word[..<eq])
            guard result[name] == nil else { throw CommandError.usage("run: parameter \(name) given twice") }
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

    /// - Parameters:
    ///   - name: how messages name the script (the path as the user typed it).
    ///   - out: where results (or, under --check, diffs) go.
    ///   - err: where notes and errors go.
    ///   - files: the calling script's write policy, for a script run by a script: where it
    ///     may write and whether writes are made stay those of the outermost replay.
    public static func run(scriptAt url: URL, name: String, options: ReplayOptions, depth: Int = 1,
                           files inherited: FileWrites? = nil,
                           out: @escaping (String) -> Void, err: @escaping (String) -> Void) throws -> ReplayOutcome {
        guard depth <= maxDepth else {
            throw CommandError.failed("run: \(name): scripts nested more than \(maxDepth) deep (does a script run itself?)")
        }
        if options.check && options.update {
            throw CommandError.usage("run: --check and --update cannot be used together")
        }
        if options.dryRun {
            let plan = try ScriptDryRun.plan(scriptAt: url, name: name, options: options)
            out(ScriptDryRun.text(plan, name: name))
            var outcome = ReplayOutcome()
            outcome.refused = plan.refusals.count
            return outcome
        }
        let (text, notebook) = try read(scriptAt: url, name: name, parameters: options.parameters)
        for folder in options.allowWrites {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw CommandError.usage("run: --allow-writes \(folder.path): no such folder")
            }
        }

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

        var outcome = ReplayOutcome()
        var outputs: [CellOutput?] = []
        var refreshedData: [DataDeclaration] = []
        let runner = ScriptRunner(session: session, bail: options.bail, sourceName: name)
        // A script saved before outputs were stored, or never updated: one line says so, not a diff per command.
        let storesNothing = notebook.cells.allSatisfy { $0.expected == nil }

        cells: for cell in notebook.cells {
            outcome.cells += 1
            let line = cell.units.first?.line ?? 0
            for declaration in cell.data {
                let (verdict, refreshed) = verify(declaration, in: session)
                refreshedData.append(refreshed)
                guard let problem = verdict else { continue }
                outcome.changedData += 1
                if options.strict {
                    let lines = problem.split(separator: "\n", maxSplits: 1)
                    err("\(name):\(line): \(lines[0]) (--strict stops the run)\n" + lines.dropFirst().map { $0 + "\n" }.joined())
                    outcome.stopped = true
                    break cells
                }
                err("\(name):\(line): \(problem)\n")
            }
            var printed = CellOutput()
            session.transcript.pendingNotes = cell.notes
            for unit in cell.units {
                let ok = runner.runOne(unit)
                printed.append(CellOutput(stdout: session.transcript.unit.stdout, files: session.transcript.unit.files))
                if !ok {
                    outcome.failures += 1
                    if options.bail { outcome.stopped = true; outputs.append(printed); break cells }
                }
            }
            refreshRows(cell.data, into: &refreshedData, session: session)
            outputs.append(printed)
            if options.check && storesNothing {
                if !printed.isEmpty { outcome.nothingStored = true }
            } else if options.check, let diff = CellOutput.diff(expected: cell.expected ?? CellOutput(), actual: printed,
                                                         label: "\(name):\(line)") {
                outcome.drifted += 1
                out("\(name):\(line): output differs: \(caption(cell))\n" + diff)
            }
        }
        outcome.withheld = session.files.withheld
        if outcome.nothingStored {
            out("\(name): no expected output stored: run `svw run \(Tokenizer.quote(name)) --update` to store it\n")
        }

        if options.update {
            if outcome.failures > 0 || outcome.stopped {
                err("\(name): not updated, because the run did not complete cleanly\n")
            } else {
                let updated = notebook.rewritten(outputs: outputs, data: refreshedData)
                if updated != text {
                    do { try updated.write(to: url, atomically: true, encoding: .utf8) } catch {
                        throw CommandError.failed("run: cannot write \(name): \(FileProblem.describe(error, url: url))")
                    }
                    outcome.rewritten = true
                }
            }
        }
        if let report = options.report, !outcome.stopped {
            var document = ReportDocument(session: session, folder: report.deletingLastPathComponent(),
                                          title: notebook.title ?? ReportDocument.defaultTitle(forScript: url))
            document.introduction = notebook.introduction
            if let inherited {
                // Asked for by the calling script: its rules for writing apply (checked by its `run`).
                try inherited.write(ReportWriter.data(document, for: report), to: report,
                                    shown: RelativePath.from(inherited.captureFolder ?? folder, to: report), command: "run --report")
            } else {
                try ReportWriter.write(document, to: report)
            }
        }
        return outcome
    }

    /// The script's text and its cells, once the parameters given are known to suit it.
    static func read(scriptAt url: URL, name: String, parameters: [String: String]) throws -> (String, Notebook) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw CommandError.failed("run: cannot read \(name): \(FileProblem.describe(error, url: url))")
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
            var message = "run: \(name) has no parameter \"\(key)\""
            if let guess = Suggest.closest(to: key, among: names) { message += "; did you mean \"\(guess)\"?" }
            message += names.isEmpty ? " (it declares none)" : " (it declares: \(names.joined(separator: ", ")))"
            throw CommandError.usage(message)
        }
        for parameter in declared where parameter.defaultValue == nil && given[parameter.name] == nil {
            throw CommandError.usage("run: missing parameter \(parameter.name): \(name) needs a value for it (\(parameter.name)=VALUE)")
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

/// File errors as one short phrase, not Foundation's long sentences.
enum FileProblem {
    static func describe(_ error: Error, url: URL) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            return "it is a folder"
        }
        let folder = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) || !isFolder.boolValue {
            return "folder \(folder.path) does not exist"
        }
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
            case NSFileReadInapplicableStringEncodingError: return "not UTF-8 text"
            default: break
            }
        }
        if nsError.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(nsError.code)) {
            switch code {
            case .ENOENT: return "no such file"
            case .EACCES: return "permission denied"
            case .EISDIR: return "is a folder"
            default: break
            }
        }
        return nsError.localizedDescription
    }
}
