import SVWScript

/// Help and the shell's own housekeeping: `help`, `history`, `quit`, and the
/// workspace-switching commands in `WorkspaceCommands`.
enum ShellCommands {
    static let specs: [CommandSpec] = [help, history, quit, ReadCommand.spec, EditCommand.spec] + WorkspaceCommands.specs

    static let help = CommandSpec(
        name: "help", aliases: ["?", ".help", "\\?"], group: .shell,
        abstract: "List commands, or show one command's usage, options and examples",
        arguments: [ArgumentSpec("COMMAND", "a command name, or rollups for the analyses' pre-aggregated table",
                                 optional: true, completion: .command)],
        examples: ["help", "help describe", "help rollups"],
        recorded: false,
        handler: { context in
            if let name = context.invocation.argument(0) {
                let word = name.hasPrefix(".") ? String(name.dropFirst()) : name
                if word == "rollups" {
                    context.session.write(HelpText.rollups)
                    return
                }
                guard let spec = CommandRegistry.command(named: word) else {
                    throw CommandError.unknownCommand(word, suggestion: CommandRegistry.suggestion(for: word))
                }
                context.session.write(HelpText.command(spec))
            } else {
                context.session.write(HelpText.overview(interactive: context.session.shell.isInteractive))
            }
        })

    static let history = CommandSpec(
        name: "history", group: .shell,
        abstract: "Show the lines typed at the prompt, oldest first",
        arguments: [ArgumentSpec("N", "show only the last N lines", optional: true)],
        discussion: """
            This is the raw line history (Up and Ctrl-R recall it), kept across runs in
            $XDG_STATE_HOME/svw/history or ~/.svw_history (svw --history FILE chooses
            another, --no-history keeps none). The session recording — the commands that
            succeeded, which save turns into a script — is a different list.
            """,
        examples: ["history", "history 20"],
        recorded: false,
        handler: { context in
            guard let provider = context.session.shell.history else {
                context.session.note(context.prefixed("there is no line history outside the interactive shell"))
                return
            }
            var lines = provider()
            let first: Int
            if let word = context.invocation.argument(0) {
                guard let n = Int(word), n >= 0 else {
                    throw CommandError.usage(context.prefixed("N must be a whole number, not \"\(word)\""))
                }
                first = max(0, lines.count - n)
                lines = Array(lines[first...])
            } else {
                first = 0
            }
            let width = String(first + lines.count).count
            let text = lines.enumerated().map { offset, line in
                let number = String(first + offset + 1)
                return String(repeating: " ", count: width - number.count + 2) + number + "  " + line + "\n"
            }.joined()
            context.session.write(text)
        })

    static let quit = CommandSpec(
        name: "quit", aliases: ["exit", ".quit", ".exit", "\\q"], group: .shell,
        abstract: "Leave svw (Ctrl-D on an empty line does the same)",
        discussion: """
            Leaving an in-memory workspace that holds data (loaded rows, or tables made
            with SQL) warns and stays, every time; persist FILE keeps the data, or quit
            again straight away leaves without it. A workspace holding just the bundled
            sample as load sample left it leaves without a warning.
            """,
        examples: ["quit"],
        recorded: false,
        handler: { context in
            if context.session.confirmLeaving(again: "type quit again (or Ctrl-D) to leave anyway") {
                context.session.shell.quitRequested = true
            }
        })
}

extension Session {
    /// Whether leaving this workspace now would lose data: it is in memory, it holds
    /// something (loaded rows, or a table made with SQL), and it changed since `persist`
    /// last wrote it out and since the bundled sample was loaded into it.
    public var wouldLoseData: Bool {
        guard workspace.path == nil else { return false }
        let changes = workspace.changeCounter
        guard shell.persistedAtChanges != changes, shell.sampleOnlyAtChanges != changes else { return false }
        return workspace.holdsData
    }

    /// At a terminal, an attempt to leave a workspace that would lose data explains how
    /// to keep it and returns false, unless the action just before was such an attempt
    /// (then it returns true): every attempt after anything else warns again.
    /// Scripts and piped input never stop to ask.
    public func confirmLeaving(again: String) -> Bool {
        guard shell.isInteractive, wouldLoseData, !shell.warnedJustBefore else { return true }
        shell.warnedAboutLeaving = true
        note("""
            This in-memory workspace holds data that will be lost when you leave it.
            To keep it: persist FILE.db, then svw --db FILE.db (or open FILE.db) next time.
            Or \(again).
            """)
        return false
    }
}
