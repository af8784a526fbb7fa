import Foundation
import SVWDatabase
import SVWRendering
import SVWScript
import SVWWorkspace

/// Runs one unit — a command or an SQL statement — in a session. The shell,
/// `-c`, stdin and `run SCRIPT` all come through here.
public enum Dispatcher {
    public static func run(_ unit: ScriptUnit, in session: Session) throws {
        // `once FILE` applies to the whole next unit (a `run` included), then output returns
        // to where it was; `timer` times each unit typed, not the units a script runs inside it.
        session.unitDepth += 1
        let outermost = session.unitDepth == 1
        if outermost { session.shell.beginAction() }
        let onceArmed = outermost && session.onceFile != nil
        let started = outermost && session.timer ? ContinuousClock.now : nil
        if outermost {
            session.beginShownOutput()
            session.beginPaging()
        }
        defer {
            session.unitDepth -= 1
            if outermost {
                session.endPaging()
                session.endShownOutput()
            }
            if onceArmed { session.onceFile = nil }
            if let started, session.timer { session.note(ElapsedTime.describe(ContinuousClock.now - started)) }
        }
        switch unit.kind {
        case .sql: try runSQL(unit.text, in: session)
        case .command: try runCommand(unit.text, in: session)
        }
    }

    static func runCommand(_ text: String, in session: Session) throws {
        session.transcript.beginUnit()
        // `$name` is replaced inside words already split, so a value can never add words or commands.
        var words = try session.parameters.substitute(in: Tokenizer.words(text))
        guard !words.isEmpty else { return }
        var name = words.removeFirst()
        if name.hasPrefix(".") { name.removeFirst() }
        guard let spec = CommandRegistry.command(named: name) else {
            throw CommandError.unknownCommand(name, suggestion: CommandRegistry.suggestion(for: name))
        }
        let invocation = try Invocation(spec: spec.withCommonOptions, words: words)
        if let format = invocation.value("format") {
            guard let mode = OutputMode(rawValue: format.lowercased()) else {
                throw CommandError.usage("\(spec.name): unknown --format \"\(format)\" (one of: "
                    + OutputMode.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            session.modeOverride = mode
        }
        session.showAllRows = invocation.flag("all")
        defer {
            session.modeOverride = nil
            session.showAllRows = false
        }
        if session.isScript && !spec.scriptSafe {
            throw CommandError.failed("\(spec.name): not allowed in a script (scripts write only the files their export and output commands name)")
        }
        if session.isScript {
            // Every file the registry says this command writes must lie where the script may
            // write, before the command runs: no writer can forget the rule.
            for word in invocation.fileWords where word.writes {
                _ = try session.writableURL(for: word.path, command: spec.name + (word.option.map { " --" + $0 } ?? ""))
            }
        }
        let context = CommandContext(session: session, invocation: invocation)
        // A command that reads the rollups or the search index may first bring them up to date.
        try Upkeep.$listener.withValue(UpkeepMeter.listener(console: session.console)) {
            if spec.readsData { try PendingIndexes.build(session.db) }
            try spec.handler(context)
        }
        if spec.recorded {
            session.record(RecordedCommand(text: context.recordAs ?? text, kind: .command, files: context.loadedFiles))
        }
    }

    static func runSQL(_ sql: String, in session: Session) throws {
        session.transcript.beginUnit()
        do {
            try Upkeep.$listener.withValue(UpkeepMeter.listener(console: session.console)) {
                try PendingIndexes.build(session.db)
                // SQL that reads the search index directly (find --sql pasted back) sees it up to date.
                if sql.range(of: "search_fts", options: .caseInsensitive) != nil { try SearchIndex.refreshIfStale(session.db) }
            }
        } catch let error as SQLiteError { throw SQLFailure(error: error) }
        let statement: Statement
        // SQL typed by the analyst may not drop or alter svw's own tables (Database.guardingSchema).
        do { statement = try session.db.guardingSchema { try session.db.prepare(sql) } } catch let error as SQLiteError {
            throw SQLFailure(error: error, suggestion: SQLNameSuggestion.suggest(for: error.message, sql: sql, db: session.db))
        }
        // `$name` in SQL is an SQLite parameter: the value is bound, never spliced into the text.
        try session.parameters.bind(to: statement)
        do {
            if statement.columnCount > 0 {
                // csv, tsv and json are written as they are read; the grid modes need every row they draw.
                if try !session.emitStreaming(statement, sql: sql) {
                    let result = try statement.all(maxRows: session.rowsWorthCollecting ?? .max)
                    // `last` runs a query again for the rows it only counted; never one that writes.
                    session.emit(result, footer: nil, rerun: result.omittedRows > 0 && statement.isReadOnly ? sql : nil)
                }
                if session.interruptRequested { throw Interrupted() }
            } else {
                while try statement.step() {}
            }
        } catch let error as SQLiteError {
            throw SQLFailure(error: error)
        }
        // `export chart` now refers to this result, which has none.
        if statement.columnCount > 0 { session.lastChart = nil }
        session.record(RecordedCommand(text: sql, kind: .sql))
    }
}

/// An SQL statement that SQLite refused, shown with a caret under the problem.
public struct SQLFailure: Error, CustomStringConvertible {
    public let error: SQLiteError
    /// A table, column or keyword near the one SQLite could not make sense of.
    public var suggestion: String?

    public init(error: SQLiteError, suggestion: String? = nil) {
        self.error = error
        self.suggestion = suggestion
    }

    public var description: String {
        // Only script workspaces set the attached-database limit to 0 (Database.forbidAttachingFiles).
        if error.message.hasPrefix("too many attached databases - max 0") {
            return "ATTACH and VACUUM INTO are not allowed in a script (scripts write only the files their export and output commands name)"
        }
        var text = error.isInterrupt ? "interrupted" : "SQL error: \(error.message)"
        if let suggestion { text += " — did you mean \(suggestion)?" }
        if let pointer = error.pointer { text += "\n" + pointer.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") }
        return text
    }
}

extension CommandSpec {
    /// Options every command takes, declared once here.
    static let commonOptions = [
        OptionSpec("format", value: "MODE", completion: .outputMode,
                   "output mode for this command only (" + OutputMode.allCases.map(\.rawValue).joined(separator: ", ") + ")"),
        OptionSpec("all", "show every row, however many (a terminal otherwise shows the first few)"),
    ]

    /// The names of `commonOptions`, for completion in the shell layer.
    public static var commonOptionNames: [String] { commonOptions.map(\.name) }

    public var withCommonOptions: CommandSpec {
        CommandSpec(name: name, aliases: aliases, group: group, abstract: abstract, arguments: arguments,
                    options: options + CommandSpec.commonOptions.filter { c in !options.contains { $0.name == c.name } },
                    discussion: discussion, examples: examples, recorded: recorded, scriptSafe: scriptSafe,
                    readsData: readsData, handler: handler)
    }
}
