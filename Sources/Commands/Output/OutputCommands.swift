import SVWRendering

/// How and where results are shown.
enum OutputCommands {
    static let specs: [CommandSpec] = [mode]

    static let mode = CommandSpec(
        name: "mode", group: .output,
        abstract: "Show or set how results are written",
        arguments: [ArgumentSpec("MODE", "one of " + OutputMode.allCases.map(\.rawValue).joined(separator: ", "),
                                 optional: true, completion: .outputMode)],
        examples: ["mode csv", "mode"],
        handler: { context in
            guard let name = context.invocation.argument(0) else {
                context.session.note("mode: \(context.session.mode.rawValue)")
                return
            }
            guard let mode = OutputMode(rawValue: name.lowercased()) else {
                let names = OutputMode.allCases.map(\.rawValue)
                var message = "mode: unknown mode \"\(name)\""
                if let guess = Suggest.closest(to: name.lowercased(), among: names) { message += "; did you mean \"\(guess)\"?" }
                throw CommandError.usage(message + " (one of: " + names.joined(separator: ", ") + ")")
            }
            context.session.mode = mode
        })
}
