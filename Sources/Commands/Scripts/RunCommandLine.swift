/// `svw run …` on the command line, read by the same `run` spec the shell's `run` uses,
/// so its options, usage and help are declared once.
public enum RunCommandLine {
    /// What `svw run` was asked to do.
    public struct Request {
        public let script: String
        public let parameters: [String]
        public let options: ReplayOptions
        public let report: String?
        public let allowWrites: [String]
    }

    static var spec: CommandSpec { SessionCommands.run.withCommonOptions }

    /// `run SCRIPT [NAME=VALUE]... [--check] …`, as usage lines show it.
    public static var synopsis: String { spec.synopsis }

    /// `svw run --help`: the shell's help for `run`.
    public static var help: String {
        HelpText.command(spec).replacingOccurrences(of: "usage: run ", with: "usage: svw run ")
            .replacingOccurrences(of: "\n       run ", with: "\n       svw run ")
    }

    /// Reads the words after `svw run`; a usage error names `run` and shows its usage.
    public static func parse(_ words: [String]) throws -> Request {
        let invocation = try Invocation(spec: spec, words: words)
        var options = ReplayOptions()
        options.check = invocation.flag("check")
        options.update = invocation.flag("update")
        options.strict = invocation.flag("strict")
        options.bail = invocation.flag("bail")
        options.dryRun = invocation.flag("dry-run")
        if let format = invocation.value("format") {
            options.mode = try OutputCommands.parseMode(format, command: "run --format")
        }
        return Request(script: invocation.argument(0) ?? "", parameters: Array(invocation.positionals.dropFirst()),
                       options: options, report: invocation.value("report"), allowWrites: invocation.values("allow-writes"))
    }
}
