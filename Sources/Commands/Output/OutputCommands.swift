import Foundation
import SVWRendering
import SVWScript
import SVWText

/// How and where results are shown: `mode`, `headers`, `maxrows`, `output`, `once`, `timer`.
enum OutputCommands {
    static let specs: [CommandSpec] = [mode, expanded, headers, maxrows, output, once, timer] + LastAndPager.specs

    static let mode = CommandSpec(
        name: "mode", aliases: [".mode"], group: .output,
        abstract: "Show or set how results are written",
        arguments: [ArgumentSpec("MODE", "one of " + OutputMode.allCases.map(\.rawValue).joined(separator: ", "),
                                 optional: true, completion: .outputMode)],
        discussion: "Modes:\n" + OutputMode.allCases.map { "  " + $0.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + $0.summary }
            .joined(separator: "\n")
            + "\n\nThe mode lasts for the session; --format MODE on any command changes it for\nthat command only."
            + "\n\nOn a terminal too narrow for a box or table, long headings break after _, text\ncolumns are shortened, then the box's borders go, then money shows in £m or £k\nnamed in the heading; only then are trailing columns left out (… N more columns).\nFiles, csv, json and reports always get exact amounts."
            + "\n\nA command that writes several tables (supplier, weighting) writes, in json, one\nobject with an array per table ({\"profile\": [...], \"contracts\": [...]}); in csv\nand tsv, the tables one after another with a blank line between them.",
        examples: ["mode markdown", "mode", "mode box"],
        handler: { context in
            guard let name = context.invocation.argument(0) else {
                context.session.note(context.prefixed("\(context.session.mode.rawValue) (one of: "
                    + OutputMode.allCases.map(\.rawValue).joined(separator: ", ") + ")"))
                return
            }
            context.session.mode = try parseMode(name, command: context.invocation.spec.name)
        })

    static let expanded = CommandSpec(
        name: "expanded", aliases: ["\\x"], group: .output,
        abstract: "One field per line (mode line), the grid again, or auto (as psql's \\x)",
        arguments: [ArgumentSpec("on|off|auto", "on for one field per line, off for the grid, auto for the grid only when it fits; without it, on and off in turn",
                                 optional: true, completion: .choices(["on", "off", "auto"]))],
        examples: ["expanded auto", "\\x"],
        handler: { context in
            let session = context.session
            let word = context.invocation.argument(0)?.lowercased()
            let expanded: OutputMode?
            switch word {
            case nil: expanded = session.mode == .line ? nil : .line
            case "auto": expanded = .auto
            default: expanded = try onOff(word ?? "", command: context.invocation.spec.name) ? .line : nil
            }
            if let expanded {
                if session.mode != .line && session.mode != .auto { session.gridMode = session.mode }
                session.mode = expanded
            } else {
                session.mode = session.gridMode
            }
            session.note("expanded display is " + (session.mode == .line ? "on" : session.mode == .auto ? "auto" : "off")
                + " (mode \(session.mode.rawValue))")
        })

    static func parseMode(_ name: String, command: String) throws -> OutputMode {
        if let mode = OutputMode(rawValue: name.lowercased()) { return mode }
        let names = OutputMode.allCases.map(\.rawValue)
        var message = "\(command): unknown mode \"\(name)\""
        if let guess = Suggest.closest(to: name.lowercased(), among: names) { message += "; did you mean \"\(guess)\"?" }
        throw CommandError.usage(message + " (one of: " + names.joined(separator: ", ") + ")")
    }

    static let headers = CommandSpec(
        name: "headers", aliases: [".headers"], group: .output,
        abstract: "Show or hide the header row of results",
        arguments: [ArgumentSpec("on|off", "on to show column names (the default), off to leave them out",
                                 optional: true, completion: .choices(["on", "off"]))],
        examples: ["headers off", "headers on"],
        handler: { context in
            guard let word = context.invocation.argument(0) else {
                context.session.note(context.prefixed(context.session.renderOptions.showHeaders ? "on" : "off"))
                return
            }
            context.session.renderOptions.showHeaders = try onOff(word, command: context.invocation.spec.name)
        })

    static let maxrows = CommandSpec(
        name: "maxrows", group: .output,
        abstract: "Show or set how many rows a terminal shows before \"… N more rows\"",
        arguments: [ArgumentSpec("N|all", "a row count, or all for no limit", optional: true,
                                 completion: .choices(["all", "20", "40", "100"]))],
        discussion: """
            Only output to the screen is shortened: files (output, once, export) and the
            csv, tsv and json modes always get every row. --all on a single command shows
            every row of that command's result.
            """,
        examples: ["maxrows 100", "maxrows all"],
        handler: { context in
            let session = context.session
            guard let word = context.invocation.argument(0) else {
                session.note(context.prefixed(session.renderOptions.maxRows.map(String.init) ?? "all"))
                return
            }
            if word.lowercased() == "all" {
                session.renderOptions.maxRows = nil
            } else if let n = Int(word), n > 0 {
                session.renderOptions.maxRows = n
            } else {
                throw CommandError.usage(context.prefixed("expected a positive whole number or all, not \"\(word)\""))
            }
        })

    static let output = CommandSpec(
        name: "output", aliases: [".output"], group: .output,
        abstract: "Send results to a file until output alone sends them back to the screen",
        arguments: [ArgumentSpec("FILE", "the file to write (replaced if it exists)", optional: true, completion: .file, writes: true)],
        discussion: """
            Results (not notes or warnings) go to FILE without colour or truncation, in the
            mode its extension names (.csv, .tsv, .json, .md, .html), --format MODE, or else
            the session's mode.
            """,
        examples: ["output partners.md", "output partners.csv --format csv", "output"],
        handler: { context in
            let session = context.session
            guard let path = context.invocation.argument(0) else {
                if let file = session.outputFile { session.note("results go to the screen again (were going to \(file.path))") }
                session.outputFile = nil
                return
            }
            let url = try session.writableURL(for: path, command: context.invocation.spec.name)
            let fileMode = try fileMode(context, path: path)
            try session.beginOutputFile(url, command: context.invocation.spec.name)
            session.outputFile = url
            session.outputFileMode = fileMode
            let shownMode = " as " + (fileMode ?? session.mode).rawValue
            session.note(session.files.dryRun
                ? "results now go to \(url.path)\(shownMode) (run --check compares them and leaves the file alone); output alone sends them back to the screen"
                : "results now go to \(url.path)\(shownMode); output alone sends them back to the screen")
        })

    static let once = CommandSpec(
        name: "once", aliases: [".once"], group: .output,
        abstract: "Send the next command's results to a file",
        arguments: [ArgumentSpec("FILE", "the file to write (replaced if it exists)", completion: .file, writes: true)],
        discussion: """
            The results take the mode FILE's extension names (.csv, .tsv, .json, .md,
            .html), or --format MODE, or else the session's mode. FILE is checked now but
            written only when the next command produces a result: if that command fails,
            or none follows, an existing FILE keeps its contents. One line sends an SQL
            result to a file: once contracts.csv; SELECT * FROM contracts;
            """,
        examples: ["once contracts.csv", "once partners.txt --format csv", "once contracts.csv; SELECT * FROM contracts;"],
        handler: { context in
            let path = context.invocation.argument(0) ?? ""
            let url = try context.session.writableURL(for: path, command: context.invocation.spec.name)
            let fileMode = try fileMode(context, path: path)
            try context.session.armOnceFile(url, command: context.invocation.spec.name)
            context.session.onceFileMode = fileMode
        })

    /// The mode `once`/`output` write FILE in: `--format`, else its extension; nil for the session's.
    static func fileMode(_ context: CommandContext, path: String) throws -> OutputMode? {
        if let format = context.invocation.value("format") { return try parseMode(format, command: context.invocation.spec.name) }
        return OutputMode.forFile(named: path)
    }

    static let timer = CommandSpec(
        name: "timer", aliases: [".timer", "\\timing"], group: .output,
        abstract: "Print how long each command took (to stderr)",
        arguments: [ArgumentSpec("on|off", "on to time every command, off to stop", optional: true,
                                 completion: .choices(["on", "off"]))],
        examples: ["timer on", "timer off"],
        recorded: false,
        handler: { context in
            guard let word = context.invocation.argument(0) else {
                context.session.note(context.prefixed(context.session.timer ? "on" : "off"))
                return
            }
            context.session.timer = try onOff(word, command: context.invocation.spec.name)
        })

    static func onOff(_ word: String, command: String) throws -> Bool {
        switch word.lowercased() {
        case "on", "yes", "true", "1": return true
        case "off", "no", "false", "0": return false
        default: throw CommandError.usage("\(command): expected on or off, not \"\(word)\"")
        }
    }
}
