import ArgumentParser
import Foundation
import SVWCommands
import SVWRendering
import SVWSample
import SVWScript
import SVWShell
import SVWWorkspace

/// Builds the session the arguments ask for and hands over to the shell or the script runner.
struct Launcher {
    let session: Session
    let bail: Bool

    init(options: WorkspaceOptions) throws {
        let workspace: Workspace
        let announce = { (upgrade: String) in FileHandle.standardError.write(Data("svw: \(upgrade)\n".utf8)) }
        do { workspace = try Workspace(path: options.db, announce: announce) } catch {
            // The same refusals as `open`: a file that is not SQLite, or someone else's database.
            let reason = error is WorkspaceError ? ErrorText.describe(error)
                : "cannot open workspace \(options.db ?? "in memory"): \(ErrorText.describe(error))"
            FileHandle.standardError.write(Data("svw: \(reason)\n".utf8))
            throw ExitCode(1)
        }
        let interactive = Terminal.isInteractive
        let mode = options.format.flatMap { OutputMode(rawValue: $0.lowercased()) } ?? (interactive ? .box : .table)
        let console = Console.standard()
        console.errIsTerminal = TerminalInfo.stderrIsTerminal
        session = Session(workspace: workspace, console: console, mode: mode,
                          renderOptions: Terminal.renderOptions(environment: ProcessInfo.processInfo.environment))
        bail = options.bail
        for repair in workspace.repairs { session.note(repair) }
        if options.sample {
            let failures = ScriptRunner(session: session, bail: true, sourceName: "--sample")
                .run(units: [ScriptUnit(kind: .command, text: "load sample", line: 1)])
            if failures > 0 { throw ExitCode(1) }
        }
    }

    func runText(_ text: String, sourceName: String) -> Int32 {
        ScriptRunner(session: session, bail: bail, sourceName: sourceName).run(text) > 0 ? 1 : 0
    }

    /// The line-edited shell at a terminal; otherwise stdin read line by line, like `sqlite3 < script`.
    func runShell(_ shell: ShellArguments) -> Int32 {
        guard Terminal.isInteractive else {
            return LineShell.run(session: session, bail: bail) > 0 ? 1 : 0
        }
        let environment = ProcessInfo.processInfo.environment
        let historyFile = HistoryLocation.resolve(explicit: shell.history, disabled: shell.noHistory,
                                                  environment: environment,
                                                  home: environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path)
        return InteractiveShell.runAtTerminal(session: session, mode: shell.vi ? .vi : .emacs, historyFile: historyFile)
    }

    /// `svw run`: replays the script in its own fresh session; no workspace of ours is opened.
    static func runScript(at path: String, parameters: [String], options: ReplayOptions, report: String?,
                          allowWrites: [String] = []) -> Int32 {
        let console = Console.standard()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func resolve(_ path: String) -> URL {
            let expanded = PathExpansion.expandingTilde(path)
            return expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : cwd.appendingPathComponent(expanded).standardizedFileURL
        }
        var options = options
        do {
            options.parameters = try ReplayOptions.parameters(from: parameters)
            options.report = report.map(resolve)
            options.allowWrites = allowWrites.map(resolve)
            let outcome = try ScriptReplay.run(scriptAt: resolve(path), name: path, options: options,
                                               out: console.writeOut, err: console.writeErr)
            if let summary = ReplaySummary.text(outcome, name: path, options: options) { console.note(summary) }
            return outcome.succeeded ? 0 : 1
        } catch {
            console.note("svw: " + ErrorText.describe(error).replacingOccurrences(of: "run: ", with: "", options: .anchored))
            return 1
        }
    }

    static func writeSample(contracts: Int, seed: UInt64, out: String, postcodeIndex: String?) -> Int32 {
        let directory = URL(fileURLWithPath: out)
        do {
            guard let indexURL = postcodeIndex.map({ URL(fileURLWithPath: $0) }) ?? BundledSampleData.file(PostcodeIndexFile.name) else {
                throw SampleCommandError("cannot find the bundled SampleData/\(PostcodeIndexFile.name); give --postcode-index FILE")
            }
            let indexText: String
            do { indexText = try String(contentsOf: indexURL, encoding: .utf8) } catch {
                throw SampleCommandError("cannot read \(indexURL.path)")
            }
            let index = try PostcodeIndexFile(text: indexText)
            let summary = try SampleGenerator.write(contracts: contracts, seed: seed, postcodeIndex: index, toDirectory: directory)
            let note = "svw sample: wrote \(summary.suppliers) suppliers, \(summary.contracts) contracts and "
                + "\(summary.commitments) commitments (seed \(seed)), with measures.csv, postcode_districts.csv and "
                + "\(PostcodeIndexFile.name), to \(out)\n"
            FileHandle.standardError.write(Data(note.utf8))
            return 0
        } catch {
            FileHandle.standardError.write(Data("svw sample: \(error)\n".utf8))
            return 1
        }
    }
}

enum Terminal {
    static var isInteractive: Bool { TerminalInfo.isInteractive }

    /// On a terminal: fit its width, stop after a screenful of rows, colour unless NO_COLOR.
    /// Piped or redirected: every row, full width, no colour.
    static func renderOptions(environment: [String: String]) -> RenderOptions {
        guard TerminalInfo.stdoutIsTerminal else { return RenderOptions() }
        return RenderOptions(width: TerminalInfo.columns, maxRows: TerminalInfo.defaultMaxRows,
                             color: TerminalInfo.colorAllowed(environment: environment, isTerminal: true))
    }
}

/// Why `svw sample` could not start, in words.
struct SampleCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
