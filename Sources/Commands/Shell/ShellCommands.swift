/// Help and the shell's own housekeeping.
enum ShellCommands {
    static let specs: [CommandSpec] = [help]

    static let help = CommandSpec(
        name: "help", aliases: ["?"], group: .shell,
        abstract: "List commands, or show one command's usage, options and examples",
        arguments: [ArgumentSpec("COMMAND", "a command name", optional: true, completion: .command)],
        examples: ["help", "help load"],
        recorded: false,
        handler: { context in
            if let name = context.invocation.argument(0) {
                guard let spec = CommandRegistry.command(named: name) else {
                    throw CommandError.unknownCommand(name, suggestion: CommandRegistry.suggestion(for: name))
                }
                context.session.write(HelpText.command(spec))
            } else {
                context.session.write(HelpText.overview())
            }
        })
}
