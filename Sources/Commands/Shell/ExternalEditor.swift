import Foundation
import SVWScript

/// The user's editor on a statement, as psql's `\e` and bash's Ctrl-X Ctrl-E use it:
/// `$VISUAL`, else `$EDITOR`, else `vi`, run on a temporary file.
public enum ExternalEditor {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The editor command the environment names.
    public static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Opens `text` in the editor on the terminal and returns what the file holds when it exits.
    /// The file's path reaches the editor as an argument of its own, never spliced into the command.
    public static func edit(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let editor = command(environment: environment)
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("svw-edit-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).sql")
        defer { try? FileManager.default.removeItem(at: file) }
        do { try Data(text.utf8).write(to: file) } catch {
            throw Failure(description: "cannot write \(file.path): \(error.localizedDescription)")
        }
        switch TerminalProgram.run(editor + " \"$1\"", argument: file.path) {
        case .failed(let reason):
            throw Failure(description: "cannot start the editor \(editor): \(reason)")
        case .exited(let status) where status != 0:
            throw Failure(description: "the editor \(editor) failed (exit status \(status)); nothing was run")
        case .exited:
            break
        }
        do { return try String(contentsOf: file, encoding: .utf8) } catch {
            throw Failure(description: "cannot read back \(file.path): \(error.localizedDescription)")
        }
    }
}

/// `edit`: the last statement in the editor, run when the editor exits (psql's `\e`).
enum EditCommand {
    static let spec = CommandSpec(
        name: "edit", aliases: ["\\e"], group: .shell,
        abstract: "Edit the last statement in $VISUAL or $EDITOR, and run it when the editor exits",
        discussion: """
            As psql's \\e: the last line or statement typed opens in your editor ($VISUAL,
            else $EDITOR, else vi); what you save runs when the editor exits, as if typed,
            and goes into the history. Leave the file empty to run nothing. At the prompt,
            Ctrl-X Ctrl-E does the same with the line being typed.
            """,
        recorded: false, scriptSafe: false,
        handler: { context in
            let session = context.session
            guard session.shell.isInteractive else {
                throw CommandError.failed(context.prefixed("opens an editor, so it works only at the interactive prompt"))
            }
            let previous = (session.shell.history?() ?? []).last { line in
                let word = line.split(separator: " ").first.map(String.init) ?? ""
                return CommandRegistry.command(named: word)?.name != "edit"
            } ?? session.recording.last?.text ?? ""
            let edited: String
            do { edited = try ExternalEditor.edit(previous.isEmpty ? "" : previous + "\n") } catch let failure as ExternalEditor.Failure {
                throw CommandError.failed(context.prefixed(failure.description))
            }
            let text = edited.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else {
                session.note(context.prefixed("the file was left empty, so nothing was run"))
                return
            }
            session.shell.remember?(text)
            let failures = ScriptRunner(session: session, sourceName: "edit").run(text)
            if failures > 0 { throw CommandError.failed(context.prefixed("\(failures) of the edited commands failed")) }
        })
}
