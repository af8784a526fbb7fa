import SVWAnalysis
import SVWScript

/// `find TEXT`: full-text search over supplier names and contract titles.
enum FindCommand {
    static let spec = CommandSpec(
        name: "find", group: .analysis,
        abstract: "Search supplier names and contract titles, best matches first",
        arguments: [ArgumentSpec("TEXT", "words to find (all must match; each also matches as a prefix)", variadic: true)],
        options: [OptionSpec("limit", value: "N", "at most N matches (default 50)")]
            + AnalysisOptions.filters + [AnalysisOptions.sql],
        discussion: """
            Uses SQLite's FTS5 index over supplier names and contract titles, ranked by bm25
            (rank 1 is the best match). Every word must appear, and each matches the start of a
            word too (clean finds cleaning); case and accents are ignored; punctuation and FTS5
            operators are taken as plain text. Filters apply: a contract must pass them, and
            under a filter a supplier is listed only if it won a contract that does (contracts
            and value then count those contracts).
            """,
        examples: ["find cleaning", "find school meals --year 2020/21", "find construction --partner Stockport --limit 10"],
        handler: { try run($0) })

    static func run(_ context: CommandContext) throws {
        let filter = try AnalysisOptions.filter(context)
        let text = context.invocation.positionals.joined(separator: " ")
        let limit = try AnalysisOptions.positiveInt(context, "limit") ?? 50
        let result: AnalysisResult
        do {
            result = try Search.find(context.db, text: text, filter: filter, limit: limit)
        } catch let error as Search.Error {
            throw CommandError.usage(context.prefixed(error.description))
        }
        try AnalysisPresenter(context: context, filter: filter).present(result, chart: nil,
                                                    footer: result.result.isEmpty ? ["No matches."] : [])
    }
}
