import Foundation
import SVWText

/// Help derived from the command specs, never written separately.
public enum HelpText {
    /// `help`: every command in its group, one line each, then how SQL and the keys work.
    public static func overview(interactive: Bool = false) -> String {
        var out = ""
        let width = (CommandRegistry.all.map(\.name.count).max() ?? 8) + 2
        for group in CommandGroup.allCases {
            let specs = CommandRegistry.all.filter { $0.group == group }
            guard !specs.isEmpty else { continue }
            out += group.rawValue + ":\n"
            for spec in specs {
                out += wrap(spec.abstract, indent: 2 + width, first: "  " + spec.name.padding(toLength: width, withPad: " ", startingAt: 0))
            }
            out += "\n"
        }
        out += wrap("""
            SQL: any statement ending in ; runs against the workspace, across as many lines
            as it needs (SELECT, WITH, CREATE VIEW...); tables and describe TABLE show what
            there is.
            """.replacingOccurrences(of: "\n", with: " "), indent: 0, first: "")
        out += wrap(commonOptionsSentence, indent: 0, first: "") + "\n"
        out += wrap("As in sqlite3 and psql: " + familiarAliases, indent: 2, first: "") + "\n"
        if interactive {
            out += """
                Keys: Tab completes commands, options, tables, columns, files and values such
                as partner names; Up/Down and Ctrl-R recall earlier lines; Ctrl-C cancels a
                running query or clears the line; Ctrl-D on an empty line leaves.

                """
        }
        out += "Type help COMMAND for its options and a worked example.\n"
        return out
    }

    /// "Every command takes --format MODE (box, table, …) and --all (every row, however many)."
    /// from the common options' own declarations.
    static var commonOptionsSentence: String {
        let parts = CommandSpec.commonOptions.map { option in
            "--" + option.name + (option.valueName.map { " " + $0 } ?? "") + ", " + option.help
        }
        return "Every command takes " + parts.joined(separator: "; ") + "."
    }

    /// `.tables = tables, \d = describe, …`: the sqlite3 and psql spellings the registry declares.
    static var familiarAliases: String {
        CommandRegistry.all.flatMap { spec in
            spec.aliases.filter { $0.hasPrefix(".") || $0.hasPrefix("\\") }.map { "\($0) = \(spec.name)" }
        }.joined(separator: ", ") + "."
    }

    /// `help NAME`: usage line, what it does, arguments, options, aliases, examples.
    public static func command(_ spec: CommandSpec) -> String {
        let usages = spec.synopses
        var out = "usage: " + usages.joined(separator: "\n       ") + "\n\n\(spec.abstract).\n"
        if let first = spec.arguments.first, !first.forms.isEmpty {
            // The forms, one line each: the general one, then those the first argument selects.
            let general = ([spec.name] + spec.arguments.map(ArgumentSpec.shown)).joined(separator: " ")
            var lines = [(general, first.help)]
            for form in first.forms {
                let words = [spec.name, form.choice] + form.arguments.map(ArgumentSpec.shown)
                lines.append((words.joined(separator: " "), form.summary))
            }
            let w = (lines.map(\.0.count).max() ?? 0) + 2
            out += "\nForms:\n" + lines.map { wrap($0.1, indent: 2 + w, first: "  " + $0.0.padding(toLength: w, withPad: " ", startingAt: 0)) }.joined()
        }
        if !spec.discussion.isEmpty { out += "\n" + spec.discussion + "\n" }
        let arguments = spec.allArguments
        if !arguments.isEmpty {
            out += "\nArguments:\n"
            let w = (arguments.map(\.name.count).max() ?? 0) + 2
            for a in arguments {
                let note = a.optional ? " (optional)" : ""
                out += wrap(a.help + note, indent: 2 + w, first: "  " + a.name.padding(toLength: w, withPad: " ", startingAt: 0))
            }
        }
        let options = spec.withCommonOptions.options
        if !options.isEmpty {
            out += "\nOptions:\n"
            let shown = options.map { o in
                (o.shortName.map { "-\($0), " } ?? "") + "--" + o.name + (o.valueName.map { " " + $0 } ?? "")
            }
            let w = (shown.map(\.count).max() ?? 0) + 2
            for (o, s) in zip(options, shown) {
                out += wrap(o.help + (o.repeatable ? " (repeatable)" : ""), indent: 2 + w,
                            first: "  " + s.padding(toLength: w, withPad: " ", startingAt: 0))
            }
        }
        if !spec.aliases.isEmpty { out += "\nAlso: " + spec.aliases.joined(separator: ", ") + "\n" }
        if !spec.examples.isEmpty {
            out += "\n" + Plural.noun(spec.examples.count, "Example") + ":\n"
                + spec.examples.map { "  " + $0 + "\n" }.joined()
        }
        return out
    }

    /// Help reads in an 80-column terminal: long text wraps under its own column.
    static let width = 80

    static func wrap(_ text: String, indent: Int, first: String) -> String {
        var lines: [String] = []
        var line = first
        var lineHasWords = false
        for word in text.split(separator: " ") {
            if lineHasWords && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineHasWords = false
            }
            line += (lineHasWords ? " " : "") + word
            lineHasWords = true
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
