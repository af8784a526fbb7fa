import SVWAnalysis
import SVWScript
import SVWText

/// `filter`: the session's analysis filter, which every analysis command starts from.
enum FilterCommand {
    static let spec = CommandSpec(
        name: "filter", group: .analysis,
        abstract: "Show, set or clear the filter every analysis command applies",
        arguments: [ArgumentSpec("KEY=VALUE", AnalysisOptions.filterKeys.joined(separator: ", ") + "; or clear",
                                 optional: true, variadic: true,
                                 completion: .choices(AnalysisOptions.filterKeys.map { $0 + "=" } + ["clear"]))],
        discussion: """
            filter alone shows the filter. filter KEY=VALUE... sets those keys and keeps the
            others; KEY= (empty) removes one; filter clear removes them all. Values are checked
            against the data as the command options are (an unknown partner or year is an error
            listing the valid ones), and an analysis command's own options take precedence over
            the filter for that command. The filter is recorded, so a saved session replays it.
            """,
        examples: ["filter year=2020/21 partner=Stockport", "filter", "filter partner=", "filter clear"],
        handler: { try run($0) })

    static func run(_ context: CommandContext) throws {
        let words = context.invocation.positionals
        let session = context.session
        if words.isEmpty {
            session.note(context.prefixed(session.filter.isEmpty ? "none" : session.filter.description))
            return
        }
        if words == ["clear"] {
            session.filter = Filter()
            return
        }
        var filter = session.filter
        for word in words {
            guard let eq = word.firstIndex(of: "=") else {
                throw CommandError.usage(context.prefixed("expected KEY=VALUE or clear, not \"\(word)\""))
            }
            let key = String(word[..<eq]).lowercased()
            let value = String(word[word.index(after: eq)...])
            guard AnalysisOptions.filterKeys.contains(key) else {
                var message = context.prefixed("unknown key \"\(key)\"")
                if let guess = Suggest.closest(to: key, among: AnalysisOptions.filterKeys) { message += "; did you mean \"\(guess)\"?" }
                throw CommandError.usage(message + " (keys: " + AnalysisOptions.filterKeys.joined(separator: ", ") + ")")
            }
            do { try AnalysisOptions.apply(key: key, value: value, to: &filter) } catch let error as CommandError {
                throw CommandError.usage(context.prefixed(error.description))
            }
        }
        session.filter = try FilterResolver.resolve(filter, db: context.db, command: context.invocation.spec.name)
    }
}
