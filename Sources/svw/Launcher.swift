import ArgumentParser
import Foundation
import SVWCommands
import SVWRendering
import SVWShell
import SVWWorkspace

/// Builds the session the arguments ask for and hands over to the shell or the script runner.
struct Launcher {
    let session: Session
    let bail: Bool

    init(options: WorkspaceOptions) throws {
        let workspace = try Workspace(path: options.db)
        let interactive = Terminal.isInteractive
        let mode = options.format.flatMap { OutputMode(rawValue: $0.lowercased()) } ?? (interactive ? .box : .table)
        session = Session(workspace: workspace, console: .standard(), mode: mode,
                          renderOptions: Terminal.renderOptions(environment: ProcessInfo.processInfo.environment))
        bail = options.bail
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

    func runScript(at path: String, parameters: [String]) -> Int32 {
        let words = ["run", path] + parameters
        return runText(words.map(Tokenizer.quote).joined(separator: " "), sourceName: "svw run")
    }

    static func writeSample(contracts: Int, seed: UInt64, out: String) -> Int32 {
        FileHandle.standardError.write(Data("svw sample: not available yet\n".utf8))
        return 1
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
