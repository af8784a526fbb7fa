import Foundation
import SVWScript

/// `svw run --dry-run SCRIPT`: what a script would read and write, and what a replay
/// would refuse, worked out from the registry's declarations without running anything.
///
/// Every word a command's spec declares as a file is a read or a write; writes are
/// checked against the same rule a replay enforces (`FileWrites`: the script's own
/// folder tree and any `--allow-writes` folders); commands a script may not run, unknown
/// commands, undeclared parameters and ATTACH / VACUUM INTO are listed as refusals.
/// Paths are shown relative to the script's folder, as the script names them.
public enum ScriptDryRun {
    public struct Plan: Equatable, Sendable {
        public var reads: [String] = []
        public var writes: [String] = []
        public var refusals: [String] = []
    }

    /// The plan for the script at `url` (`name` is how messages name it).
    public static func plan(scriptAt url: URL, name: String, options: ReplayOptions) throws -> Plan {
        let (_, notebook) = try ScriptReplay.read(scriptAt: url, name: name, parameters: options.parameters)
        let folder = url.deletingLastPathComponent()
        let policy = FileWrites(roots: [folder] + options.allowWrites, dryRun: true)
        var parameters = Parameters(overrides: options.parameters)
        var plan = Plan()
        func shown(_ path: String) -> String {
            let expanded = PathExpansion.expandingTilde(path)
            let resolved = expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : folder.appendingPathComponent(expanded)
            return RelativePath.from(folder, to: resolved.standardizedFileURL)
        }
        for cell in notebook.cells {
            for unit in cell.units {
                let at = "line \(unit.line)"
                switch unit.kind {
                case .sql:
                    if let refusal = sqlRefusal(unit.text) { plan.refusals.append("\(at): \(refusal)") }
                case .command:
                    do {
                        try planCommand(unit.text, at: at, parameters: &parameters, policy: policy, folder: folder,
                                 shown: shown, into: &plan)
                    } catch {
                        plan.refusals.append("\(at): \(ErrorText.describe(error))")
                    }
                }
            }
        }
        return plan
    }

    /// One command's files (or why a replay would refuse it).
    private static func planCommand(_ text: String, at: String, parameters: inout Parameters, policy: FileWrites,
                             folder: URL, shown: (String) -> String, into plan: inout Plan) throws {
        var words = try Tokenizer.words(text)
        guard !words.isEmpty else { return }
        var name = words.removeFirst()
        if name.hasPrefix(".") { name.removeFirst() }
        guard let spec = CommandRegistry.command(named: name) else {
            throw CommandError.unknownCommand(name, suggestion: CommandRegistry.suggestion(for: name))
        }
        guard spec.scriptSafe else {
            throw CommandError.failed("\(spec.name): not allowed in a script (scripts write only the files their export and output commands name)")
        }
        if spec.name == "param", let declared = try? ParamCommand.parse(words), let parameter = declared.name {
            _ = try parameters.declare(parameter, default: declared.value)
            return
        }
        let invocation = try Invocation(spec: spec.withCommonOptions, words: try parameters.substitute(in: words))
        for word in invocation.fileWords {
            let label = spec.name + (word.option.map { " --" + $0 } ?? "")
            if word.writes {
                let expanded = PathExpansion.expandingTilde(word.path)
                let url = expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : folder.appendingPathComponent(expanded)
                try policy.check(url.standardizedFileURL, path: word.path, command: label, base: folder)
                add("\(shown(word.path))  (\(at): \(label))", to: &plan.writes)
            } else {
                add("\(shown(word.path))  (\(at): \(label))", to: &plan.reads)
            }
        }
        if spec.name == "load", invocation.argument(0)?.lowercased() == "sample", invocation.argument(1) == nil {
            add("the bundled SampleData folder  (\(at): load sample)", to: &plan.reads)
        }
    }

    /// Why a replay refuses this SQL, if it does: it may not attach (or write) other database files.
    static func sqlRefusal(_ sql: String) -> String? {
        let words = sql.uppercased().split(whereSeparator: { !$0.isLetter && $0 != "_" }).prefix(3)
        if words.first == "ATTACH" || (words.first == "VACUUM" && words.contains("INTO")) {
            return "ATTACH and VACUUM INTO are not allowed in a script (scripts write only the files their export and output commands name)"
        }
        return nil
    }

    private static func add(_ entry: String, to list: inout [String]) {
        if !list.contains(entry) { list.append(entry) }
    }

    /// The plan as the user reads it.
    public static func text(_ plan: Plan, name: String) -> String {
        func section(_ title: String, _ entries: [String]) -> String {
            title + (entries.isEmpty ? " nothing\n" : "\n" + entries.map { "  " + $0 + "\n" }.joined())
        }
        return section("\(name) would read:", plan.reads) + section("\(name) would write:", plan.writes)
            + section("\(name) would refuse:", plan.refusals)
    }
}
