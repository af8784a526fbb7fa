import Foundation
/// Help derived from the command specs, never written separately.
public enum HelpText {
    public static func overview() -> String {
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
        out += "SQL: any statement ending in ; runs against the workspace (SELECT, WITH, CREATE VIEW...).\n"
        out += "Type help COMMAND for its options and an example.\n"
        return out
    }

    public static func command(_ spec: CommandSpec) -> String {
        var out = "usage: \(spec.synopsis)\n\n\(spec.abstract).\n"
        if !spec.discussion.isEmpty { out += "\n" + spec.discussion + "\n" }
        if !spec.arguments.isEmpty {
            out += "\nArguments:\n"
            let w = (spec.arguments.map(\.name.count).max() ?? 0) + 2
            for a in spec.arguments { out += "  " + a.name.padding(toLength: w, withPad: " ", startingAt: 0) + a.help + "\n" }
        }
        let options = spec.withCommonOptions.options
        if !options.isEmpty {
            out += "\nOptions:\n"
            let shown = options.map { o in "--" + o.name + (o.valueName.map { " " + $0 } ?? "") }
            let w = (shown.map(\.count).max() ?? 0) + 2
            for (o, s) in zip(options, shown) { out += "  " + s.padding(toLength: w, withPad: " ", startingAt: 0) + o.help + "\n" }
        }
        if !spec.aliases.isEmpty { out += "\nAlso: " + spec.aliases.joined(separator: ", ") + "\n" }
        if !spec.examples.isEmpty {
            out += "\nExamples:\n" + spec.examples.map { "  " + $0 + "\n" }.joined()
        }
        return out
    }
}
