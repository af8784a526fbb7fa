import Foundation
import SVWScript

/// `read FILE`: a file of commands and SQL run in this session (sqlite3's `.read`, psql's `\i`),
/// where `run` replays a script in a fresh workspace.
enum ReadCommand {
    /// How deep `read` may nest (a file that reads itself stops here rather than never).
    static let maxDepth = 16

    static let spec = CommandSpec(
        name: "read", aliases: [".read", "\\i"], group: .session,
        abstract: "Run a file of commands and SQL in the current workspace",
        arguments: [ArgumentSpec("FILE", "the file to run, one command or SQL statement after another", completion: .file)],
        discussion: """
            The file runs here, as if typed: its loads, filters and tables stay in this
            workspace, and each command it runs is recorded as if typed (read itself is
            not). A failing line is reported as FILE:LINE and the rest still run; read then
            fails, saying how many did. run SCRIPT instead replays a script in a fresh
            workspace and can check its output.
            """,
        examples: ["read queries.sql"],
        recorded: false,
        handler: { context in
            let session = context.session
            let path = context.invocation.argument(0) ?? ""
            let url = session.resolve(path: path)
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw CommandError.failed(context.prefixed("cannot read \(path): \(FileProblem.describe(error, url: url))"))
            }
            guard session.readDepth < maxDepth else {
                throw CommandError.failed(context.prefixed("\(path) reads files \(maxDepth) deep; does it read itself?"))
            }
            session.readDepth += 1
            defer { session.readDepth -= 1 }
            let runner = ScriptRunner(session: session, sourceName: path)
            let units = ScriptSplitter.split(text)
            let failures = runner.run(units: units)
            if failures > 0 {
                throw CommandError.failed(context.prefixed("\(failures) of \(units.count) in \(path) failed"))
            }
        })
}
