import Foundation
import SVWCommands
import SVWDatabase
import SVWScript

/// The read-eval-print loop at a terminal: prompts, multi-line SQL, Ctrl-C, Ctrl-D.
/// No error ends it: each is printed and the prompt comes back.
public final class InteractiveShell {
    let session: Session
    let input: LineInput
    let interrupts: InterruptWatcher?
    private var splitter = ScriptSplitter()
    /// Brings derived data up to date while the analyst types (not again after it failed, until the workspace changes).
    private var upkeepSchedule = IdleUpkeep.Schedule()
    /// The lines of an SQL statement still open, shared with completion for its later lines.
    var pending = PendingSQL()

    /// - Parameter interrupts: nil in tests that feed lines without a terminal.
    public init(session: Session, input: LineInput, interrupts: InterruptWatcher?) {
        self.session = session
        self.input = input
        self.interrupts = interrupts
        session.shell.isInteractive = true
        session.shell.history = { [weak input] in input?.rememberedLines ?? [] }
        session.shell.remember = { [weak input] in input?.remember($0) }
        if let interrupts { session.shell.interruptRequested = { interrupts.isRequested } }
    }

    /// Opens libedit on the terminal with history and completion, and runs until quit or Ctrl-D.
    public static func runAtTerminal(session: Session, mode: EditorMode, historyFile: URL?) -> Int32 {
        let watcher = InterruptWatcher.shared
        watcher.install()
        let history = LineHistory(file: historyFile)
        let completer = Completer(source: WorkspaceCompletionSource(session: session))
        let pending = PendingSQL()
        let input = EditLineInput(mode: mode, history: history, interrupts: watcher) { before in
            completer.complete(before: before, pendingSQL: pending.text)
        }
        if TerminalInfo.stdoutIsTerminal {
            session.pager = Pager(command: ProcessInfo.processInfo.environment["PAGER"]) {
                guard let columns = TerminalInfo.columns, let rows = TerminalInfo.rows else { return nil }
                return (columns, rows)
            }
        }
        let shell = InteractiveShell(session: session, input: input, interrupts: watcher)
        shell.pending = pending
        input.externalEditor = { [weak session] line in
            do {
                let edited = try ExternalEditor.edit(pending.text + line + (pending.text.isEmpty && line.isEmpty ? "" : "\n"))
                let text = edited.trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty ? nil : text
            } catch {
                session?.console.writeErr("\n")
                session?.note(ErrorText.describe(error))
                return nil
            }
        }
        return shell.run()
    }

    public func run() -> Int32 {
        session.note(InteractiveShell.banner(session))
        while !session.shell.quitRequested {
            let main = Prompt.main(workspacePath: session.workspace.path, filter: session.filter)
            // While the analyst types, what the last loads left out of date is brought up to date.
            let upkeep = upkeepSchedule.start(for: session.workspace)
            let event = input.readLine(prompt: splitter.isContinuing ? Prompt.continuation(under: main) : main)
            upkeepSchedule.stop(upkeep, for: session.workspace)
            switch event {
            case .interrupted:
                session.console.writeOut("^C\n")
                rememberStatementSoFar()
                splitter = ScriptSplitter()
                pending.lines = []
            case .endOfInput:
                session.console.writeOut("\n")
                if splitter.isContinuing {
                    session.note("the unfinished SQL statement was not run")
                    rememberStatementSoFar()
                    splitter = ScriptSplitter()
                    pending.lines = []
                }
                session.shell.beginAction()
                if session.confirmLeaving(again: "press Ctrl-D again (or type quit) to leave anyway") { return 0 }
            case .edited(let text):
                // What the editor saved replaces the statement that was open, and runs as if typed.
                session.console.writeOut(text + "\n")
                splitter = ScriptSplitter()
                pending.lines = []
                statementLines = []
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) { take(String(line)) }
            case .line(let line):
                take(line)
            }
        }
        return 0
    }

    /// One line typed (or edited): fed to the splitter, remembered, and its complete units run.
    private func take(_ line: String) {
        // Now, not when the prompt was drawn: the terminal may have been resized while typing.
        session.renderOptions.width = TerminalInfo.columns ?? session.renderOptions.width
        if TerminalInfo.stderrIsTerminal { session.console.noteWidth = TerminalInfo.columns }
        let units = splitter.feed(line: line)
        // History holds a statement typed over several lines as one entry, as psql does,
        // so Up brings all of it back; a line is remembered once its statement is complete.
        statementLines.append(line)
        if !splitter.isContinuing { rememberStatementSoFar() }
        pending.lines = splitter.isContinuing ? (units.isEmpty ? pending.lines : []) + [line] : []
        for unit in units where !session.shell.quitRequested { execute(unit) }
    }

    /// Lines typed since the last history entry: the statement still open, if any.
    private var statementLines: [String] = []

    /// One history entry for the lines typed since the last one (a statement left unfinished
    /// by Ctrl-C or Ctrl-D is kept too, so Up can bring it back to be finished).
    private func rememberStatementSoFar() {
        defer { statementLines = [] }
        guard !statementLines.isEmpty else { return }
        input.remember(statementLines.joined(separator: "\n"))
    }

    /// Runs one unit with Ctrl-C armed to cancel it; prints any error.
    func execute(_ unit: ScriptUnit) {
        let db = session.db
        let wasAutocommit = db.isAutocommit
        var failure: Error?
        let body = {
            do { try Dispatcher.run(unit, in: self.session) } catch { failure = error }
        }
        let interrupted = interrupts?.run(on: db, body) ?? { body(); return false }()
        guard let failure else {
            // Stopped while drawing its result (SQLite had finished), or Ctrl-C came just as it ended.
            if interrupted { session.console.writeErr("\n"); session.note("interrupted") }
            return
        }
        // A cancelled command must not leave behind a transaction it opened itself.
        if interrupted && wasAutocommit && !db.isAutocommit { try? db.execute("ROLLBACK") }
        // The terminal echoed ^C where the cursor was; start the message on a line of its own.
        if interrupted { session.console.writeErr("\n") }
        session.note(ErrorText.describe(failure))
    }

    static func banner(_ session: Session) -> String {
        let workspace = session.workspace.path.map { "workspace \($0)" }
            ?? "an in-memory workspace (persist FILE keeps it)"
        return """
            svw \(SVWVersion.current), the Social Value Workbench, on \(workspace).
            Type help for the commands, or SQL ending in ;. Tab completes; Ctrl-D leaves.
            """
    }
}

/// The earlier lines of an SQL statement still being typed.
final class PendingSQL {
    var lines: [String] = []
    var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }
}
