import Foundation
import SVWDatabase
import SVWRendering
import SVWScript
import SVWText

/// Recording, saving and replaying session scripts; parameters; reports.
enum SessionCommands {
    static let specs: [CommandSpec] = [session, save, run, param]

    static let session = CommandSpec(
        name: "session", group: .session,
        abstract: "Show what this session has recorded (what save would write), or clear it",
        arguments: [ArgumentSpec("clear", "start the recording afresh", optional: true, completion: .choices(["clear"]))],
        discussion: """
            The recording holds every command that succeeded and changed or answered
            something, in order: loads, filters, modes, analyses and SQL. Failed commands
            and look-ups such as help are left out. Paths are shown relative to the
            current folder, as save would write them relative to the script's. Loads
            made before the recording began (a --db workspace, or before session clear)
            come first, taken from the imports log, as save writes them.
            """,
        examples: ["session", "session clear"],
        recorded: false,
        handler: { context in
            let session = context.session
            switch context.invocation.argument(0)?.lowercased() {
            case nil:
                if session.recording.isEmpty {
                    session.note(context.prefixed("nothing recorded yet"))
                    return
                }
                session.write(SessionScriptWriter.body(recording: session.recording, startMode: session.recordingStartMode,
                                                       preamble: RecordingPreamble(session: session),
                                                       base: session.baseDirectory, folder: session.baseDirectory))
            case "clear":
                let count = session.recording.count
                session.clearRecording()
                session.note(context.prefixed("recording cleared (\(count) \(Plural.noun(count, "command")) dropped)"))
            case let other?:
                throw CommandError.usage(context.prefixed("unexpected \"\(other)\" (session shows the recording; session clear empties it)"))
            }
        })

    static let save = CommandSpec(
        name: "save", group: .session,
        abstract: "Write the session's recording as a script that svw run replays",
        arguments: [ArgumentSpec("FILE", "the script to write, e.g. board.svw", completion: .file, writes: true)],
        options: [OptionSpec("force", "replace FILE if it exists")],
        discussion: """
            The script starts with a comment naming the svw version and the date, then
            holds one command or SQL statement per unit. Before each command that read
            data files, a line like

              # data: SampleData/contracts.csv sha256=4f2c... rows=4000

            records the file (relative to the script), its SHA-256 and its row count, so a
            replay can tell when the data has changed. Every file a command names (load,
            output, once, export) is rewritten relative to the script, so the script runs
            from any folder and writes where the session wrote. If the workspace held data
            before the recording began, the script starts with the loads that built it,
            from the imports log; tables made otherwise (with SQL) are named in a warning.
            The output is stored too, as #> lines after each command: save replays the
            script in a fresh workspace (writing no files) and keeps what it prints, so
            svw run FILE --check straight after saving checks clean. Scripts cannot save.
            """,
        examples: ["save board-2020-21.svw", "save board.svw --force"],
        recorded: false, scriptSafe: false,
        handler: { context in
            let session = context.session
            guard let path = context.invocation.argument(0) else { return }
            guard !session.recording.isEmpty else {
                throw CommandError.failed(context.prefixed("nothing recorded yet (commands that succeed are recorded; see session)"))
            }
            let url = try session.writableURL(for: path, command: context.invocation.spec.name)
            if FileManager.default.fileExists(atPath: url.path), !context.invocation.flag("force") {
                throw CommandError.failed(context.prefixed("\(path) exists; use --force to replace it"))
            }
            let folder = url.deletingLastPathComponent()
            let preamble = RecordingPreamble(session: session)
            let text = SessionScriptWriter.script(recording: session.recording, startMode: session.recordingStartMode,
                                                  preamble: preamble, base: session.baseDirectory, scriptURL: url, savedOn: Date())
            do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
                throw CommandError.failed(context.prefixed("cannot write \(path): \(FileProblem.describe(error, url: url))"))
            }
            let n = session.recording.count
            if let problem = SavedOutput.store(scriptAt: url, shown: path) {
                session.note("saved \(n) \(Plural.noun(n, "command")) to \(path), without expected output: replaying it failed (\(problem)); "
                             + "when it replays cleanly, svw run \(Tokenizer.quote(path)) --update stores it")
            } else {
                session.note("saved \(n) \(Plural.noun(n, "command and its", "commands and their")) output to \(path) (svw run \(Tokenizer.quote(path)) --check checks it)")
            }
            for note in preamble.notes(script: path, folder: folder) { session.note(context.prefixed(note)) }
            let outside = SessionScriptWriter.writesOutside(recording: session.recording, base: session.baseDirectory, folder: folder)
            if !outside.isEmpty {
                let folders = Set(outside.map { RelativePath.from(session.baseDirectory, to: folder.appendingPathComponent($0).deletingLastPathComponent()) })
                session.note(context.prefixed("note: \(path) writes outside its own folder (\(outside.joined(separator: ", "))); a replay refuses "
                    + "that unless it is run with " + folders.sorted().map { "--allow-writes \(Tokenizer.quote($0))" }.joined(separator: " ")))
            }
        })

    static let run = CommandSpec(
        name: "run", group: .session,
        abstract: "Replay a session script in a fresh workspace, or check it against its expected output",
        arguments: [ArgumentSpec("SCRIPT", "the script to run", completion: .file),
                    ArgumentSpec("NAME=VALUE", "a value for one of the script's parameters", optional: true, variadic: true)],
        options: [
            OptionSpec("check", "compare each command's output with the expected output stored in the script; print a diff where it differs"),
            OptionSpec("update", "store this run's output in the script as its expected output"),
            OptionSpec("dry-run", "run nothing: list the files the script would read and write, and what a replay would refuse"),
            OptionSpec("strict", "stop if a data file differs from the one the script recorded"),
            OptionSpec("bail", "stop at the first command that fails"),
            OptionSpec("report", value: "FILE", completion: .file, writes: true, "write a report of the run (.md or .html)"),
            OptionSpec("allow-writes", value: "DIR", repeatable: true, completion: .file,
                       "let the script write files inside DIR too (it may otherwise write only inside its own folder)"),
        ],
        discussion: """
            The script runs in a new in-memory workspace: this session's data, mode, filter
            and recording are untouched, and only its output is shared. Paths in the script
            resolve relative to the script's folder. Parameters declared with param take
            their defaults unless given here as NAME=VALUE.

            A script cannot run shell commands (svw has none) and writes only the files its
            export, output and once commands (and run --report) name, and only inside its
            own folder tree: a path that leaves it (.., an absolute path, a symbolic link)
            is refused unless --allow-writes names a folder it lies in. Commands that write
            other files (save, open, persist) and SQL ATTACH or VACUUM INTO are refused.

            Expected output lives in the script, as #> lines after each command, with what
            output and once sent to a file under a #>> FILE line. --check compares both
            (notes and load summaries go to stderr and are not part of it) and writes no
            files: exports are listed as not written.
            """,
        examples: ["run board.svw", "run Notebooks/example-sql.svw year=2021/22", "run Notebooks/example-sql.svw --check"],
        recorded: false,
        handler: { context in
            let session = context.session
            let invocation = context.invocation
            guard let path = invocation.argument(0) else { return }
            var options = ReplayOptions()
            options.parameters = try ReplayOptions.parameters(from: Array(invocation.positionals.dropFirst()))
            options.check = invocation.flag("check")
            options.update = invocation.flag("update")
            options.strict = invocation.flag("strict")
            options.bail = invocation.flag("bail")
            options.dryRun = invocation.flag("dry-run")
            // --format (common to every command) chooses the mode the replay starts in.
            if let format = invocation.value("format"), let mode = OutputMode(rawValue: format.lowercased()) { options.mode = mode }
            if session.isScript, options.update {
                throw CommandError.failed(context.prefixed("--update rewrites a script, which a script may not do"))
            }
            if session.isScript, !invocation.values("allow-writes").isEmpty {
                throw CommandError.failed(context.prefixed("--allow-writes is for the person running svw, not for a script (a script run by a script may write where its caller may)"))
            }
            // In a script, --report is a write like export report: inside the script's folder.
            options.report = try invocation.value("report").map { try session.writableURL(for: $0, command: "run --report") }
            options.allowWrites = invocation.values("allow-writes").map(session.resolve(path:))
            let outcome = try ScriptReplay.run(scriptAt: session.resolve(path: path), name: path, options: options,
                                               depth: session.scriptDepth + 1, files: session.isScript ? session.files : nil,
                                               out: { session.write($0) }, err: { session.console.writeErr($0) })
            let summary = ReplaySummary.text(outcome, name: path, options: options)
            if !outcome.succeeded { throw CommandError.failed(summary ?? context.prefixed("\(path) failed")) }
            if let summary { session.note(summary) }
        })

    static let param = CommandSpec(
        name: "param", group: .session,
        abstract: "Declare a script parameter, or list them",
        arguments: [ArgumentSpec("NAME", "the parameter, used as $NAME in commands and SQL", optional: true),
                    ArgumentSpec("= VALUE", "its default value", optional: true, variadic: true)],
        discussion: """
            param year = 2020/21 declares $year. In a command, $year (or ${year}) is
            replaced inside the word it appears in, so a value with spaces or ; stays one
            argument; $$ is a literal $. In SQL, $year is bound as a parameter, never
            pasted into the text: WHERE financial_year = $year. Whole numbers bind as
            integers and decimals as reals, everything else as text.

            svw run SCRIPT year=2021/22 overrides the default. A parameter declared
            without a value (param year) must be given that way. Using an undeclared
            parameter is an error naming it.
            """,
        examples: ["param year = 2020/21", "param partner = 'Stockport Council'", "param"],
        handler: { context in
            let session = context.session
            let declaration = try ParamCommand.parse(context.invocation.positionals)
            guard let name = declaration.name else {
                let rows = session.parameters.names.map { [SQLValue.text($0), SQLValue.text(session.parameters[$0] ?? "")] }
                session.emit(ResultSet(columns: ["name", "value"], rows: rows))
                return
            }
            let value = try session.parameters.declare(name, default: declaration.value)
            if let given = session.parameters.overrides[name], given == value, declaration.value != given {
                session.note("param \(name) = \(value) (given when run; the script's default is \(declaration.value ?? "unset"))")
            }
        })

    /// What `export report FILE` does.
    static func writeReport(of session: Session, to path: String, title: String?) throws {
        let command = "\(ExportCommand.spec.name) report"
        let url = try session.writableURL(for: path, command: command)
        let document = ReportDocument(session: session, folder: url.deletingLastPathComponent(), title: title)
        try session.writeFile(ReportWriter.data(document, for: url), to: url, shown: path, command: command)
        let n = document.steps.count
        session.note(session.files.dryRun ? "\(command): \(path) not written (run --check writes no files)"
                                          : "wrote report \(path) (\(n) \(Plural.noun(n, "command")))")
    }
}

/// `param NAME [= VALUE]` read from its words: `year = 2020/21`, `year=2020/21`, or `year`.
enum ParamCommand {
    /// `message` after the command's name, as the `param` spec declares it.
    private static func prefixed(_ message: String) -> String { "\(SessionCommands.param.name): \(message)" }

    static func parse(_ words: [String]) throws -> (name: String?, value: String?) {
        guard var first = words.first else { return (nil, nil) }
        var rest = Array(words.dropFirst())
        if let eq = first.firstIndex(of: "=") {
            let value = String(first[first.index(after: eq)...])
            first = String(first[..<eq])
            rest = (value.isEmpty ? [] : [value]) + rest
            if rest.isEmpty { throw CommandError.usage(prefixed("\(first) = needs a value")) }
        } else if let next = rest.first {
            guard next == "=" || next.hasPrefix("=") else {
                throw CommandError.usage(prefixed("expected \"=\" after \(first) (param \(first) = VALUE)"))
            }
            rest[0] = String(next.dropFirst())
            if rest[0].isEmpty { rest.removeFirst() }
            if rest.isEmpty { throw CommandError.usage(prefixed("\(first) = needs a value")) }
        }
        guard Parameters.isValidName(first) else {
            throw CommandError.usage(prefixed("\"\(first)\" is not a parameter name (letters, digits and _, not starting with a digit)"))
        }
        return (first, rest.isEmpty ? nil : rest.joined(separator: " "))
    }
}

/// The one-line verdict on a replay, for stderr (nil when a plain run succeeded: silence is success).
public enum ReplaySummary {
    public static func text(_ outcome: ReplayOutcome, name: String, options: ReplayOptions) -> String? {
        var parts: [String] = []
        if outcome.failures > 0 { parts.append("\(outcome.failures) \(Plural.noun(outcome.failures, "command")) failed") }
        if outcome.changedData > 0 { parts.append("\(outcome.changedData) data \(Plural.noun(outcome.changedData, "file")) changed") }
        if options.dryRun {
            return outcome.refused == 0 ? nil : "\(name): a replay would refuse \(outcome.refused) \(Plural.noun(outcome.refused, "command"))"
        }
        if options.check && outcome.nothingStored {
            parts.append("nothing checked (no expected output stored)")
        } else if options.check {
            parts.append(outcome.drifted == 0
                         ? "all \(outcome.cells) outputs match"
                         : "\(outcome.drifted) of \(outcome.cells) outputs differ")
        }
        if !outcome.withheld.isEmpty {
            parts.append("not written under --check: " + outcome.withheld.joined(separator: ", "))
        }
        if options.update {
            if outcome.rewritten { parts.append("expected output updated") }
            else if outcome.failures == 0 && !outcome.stopped { parts.append("expected output already up to date") }
        }
        if outcome.stopped { parts.append("stopped early") }
        return parts.isEmpty ? nil : "\(name): " + parts.joined(separator: "; ")
    }
}
