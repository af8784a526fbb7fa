import SVWImport
import SVWText
/// The one list of commands. Each area of svw contributes its specs; nothing else
/// in the program keeps a second list.
public enum CommandRegistry {
    public static let all: [CommandSpec] =
        DataCommands.specs + AnalysisCommands.specs + ExploreCommands.specs
        + OutputCommands.specs + SessionCommands.specs + ShellCommands.specs

    private static let byName: [String: CommandSpec] = {
        var map: [String: CommandSpec] = [:]
        for spec in all {
            precondition(map[spec.name] == nil, "command \(spec.name) declared twice")
            map[spec.name] = spec
            for alias in spec.aliases {
                precondition(map[alias] == nil, "alias \(alias) of \(spec.name) already names a command")
                map[alias] = spec
            }
        }
        return map
    }()

    public static func command(named name: String) -> CommandSpec? { byName[name.lowercased()] }

    public static var names: [String] { all.map(\.name) }

    /// The closest known command to a mistyped one, if any is close enough.
    public static func suggestion(for word: String) -> String? {
        Suggest.closest(to: word.lowercased(), among: Array(byName.keys))
    }
}
