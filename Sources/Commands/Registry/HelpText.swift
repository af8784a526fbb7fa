import Foundation

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
                out += "  " + spec.name.padding(toLength: width, withPad: " ", startingAt: 0) + spec.abstract + "\n"
            }
            out += "\n"
        }
        out += """
            SQL: any statement ending in ; runs against the workspace, across as many lines as
            it needs (SELECT, WITH, CREATE VIEW...). tables and describe TABLE show what is there.
            Every command takes --format MODE (box, table, markdown, csv, tsv, json, line) and --all.

            """
        if interactive {
            out += """
                Keys: Tab completes commands, options, tables, columns, files and values such as
                partner names; Up/Down and Ctrl-R recall earlier lines; Ctrl-C cancels a running
                query or clears the line; Ctrl-D on an empty line leaves.

                """
        }
        out += "Type help COMMAND for its options and a worked example.\n"
        return out
    }

    /// `help NAME`: usage line, what it does, arguments, options, aliases, examples.
    public static func command(_ spec: CommandSpec) -> String {
        var out = "usage: \(spec.synopsis)\n\n\(spec.abstract).\n"
        if !spec.discussion.isEmpty { out += "\n" + spec.discussion + "\n" }
        if !spec.arguments.isEmpty {
            out += "\nArguments:\n"
            let w = (spec.arguments.map(\.name.count).max() ?? 0) + 2
            for a in spec.arguments {
                let note = a.optional ? " (optional)" : ""
                out += "  " + a.name.padding(toLength: w, withPad: " ", startingAt: 0) + a.help + note + "\n"
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
                out += "  " + s.padding(toLength: w, withPad: " ", startingAt: 0) + o.help
                    + (o.repeatable ? " (repeatable)" : "") + "\n"
            }
        }
        if !spec.aliases.isEmpty { out += "\nAlso: " + spec.aliases.joined(separator: ", ") + "\n" }
        if !spec.examples.isEmpty {
            out += "\nExample" + (spec.examples.count == 1 ? "" : "s") + ":\n"
                + spec.examples.map { "  " + $0 + "\n" }.joined()
        }
        return out
    }
}
