import SVWAnalysis
import SVWRendering
import SVWScript
import SVWText
import SVWWorkspace

/// `themes`: social value committed and delivered by TOMs theme, measure or partner.
enum ThemesCommand {
    static let spec = CommandSpec(
        name: "themes", group: .analysis,
        abstract: "Social value committed and delivered (TOMs £) by theme, measure or partner",
        arguments: [AnalysisOptions.yearArgument],
        options: [
            OptionSpec("by", value: "measure|partner", completion: .choices(["measure", "partner"]),
                       "break down by measure or partner instead of theme"),
            OptionSpec("theme", value: "THEME", completion: .theme, "only commitments under this TOMs theme"),
            OptionSpec("measure", value: "CODE", completion: .measure, "only commitments against this measure code"),
            OptionSpec("uncommitted", "list the contracts over the threshold with no commitments instead"),
            OptionSpec("limit", value: "N", "with --uncommitted, at most N contracts"),
            OptionSpec("over", value: "£", "threshold for contracts with no commitments (default £50,000)"),
        ] + AnalysisOptions.common,
        discussion: """
            A commitment's social value is its units times its measure's proxy value in the
            active measures edition (settings.measures_edition), rounded to the penny; delivered
            £ values the units delivered to date. Committed is what winning suppliers promised;
            delivered is what they have reported. delivery_rate = delivered / committed;
            committed_pct_awarded = committed / the awarded value of the filtered contracts.
            Commitments whose measure is not in the active edition are shown on their own line
            with no £ value. Own-workforce commitments (no contract) are reported by headline.
            The footer counts contracts over £50,000 with no commitments; --uncommitted lists them.
            """,
        examples: ["themes --year 2020/21", "themes --year 2020/21 --by measure --theme Jobs",
                   "themes --by partner --year 2020/21 --format json", "themes --year 2020/21 --uncommitted"],
        handler: { try run($0) })

    static func run(_ context: CommandContext) throws {
        let filter = try AnalysisOptions.filter(context)
        let presenter = AnalysisPresenter(context: context, filter: filter)
        let db = context.db
        let over = try AnalysisOptions.money(context, "over") ?? Policy.portalThresholdPence
        let warning = try AnalysisPresenter.measuresWarning(db)
        let illustrative = try Catalog.measuresEdition(db).illustrative
        if context.invocation.flag("uncommitted") {
            if context.invocation.value("by") != nil || context.invocation.value("theme") != nil || context.invocation.value("measure") != nil {
                throw CommandError.usage(context.prefixed("--uncommitted lists contracts; it does not combine with --by, --theme or --measure"))
            }
            let result = try Themes.uncommitted(db, filter: filter, thresholdPence: over,
                                                limit: try AnalysisOptions.positiveInt(context, "limit"))
            try presenter.present(result, chart: nil,
                              footer: result.result.isEmpty ? ["Every contract over \(MoneyCaption.short(over)) has commitments."] : [])
            return
        }
        let by = try AnalysisOptions.choice(context, "by", as: Themes.Breakdown.self, allowed: [.measure, .partner]) ?? .theme
        let theme = try context.invocation.value("theme").map { value in
            try FilterResolver.match(value, among: Schema.themes, what: "theme", plural: "themes", command: context.invocation.spec.name)
        }
        let measure = try context.invocation.value("measure").map { value in
            try FilterResolver.match(value, among: try Catalog.measures(db), what: "measure", plural: "measures", command: context.invocation.spec.name)
        }
        let result = try Themes.run(db, filter: filter, by: by, theme: theme, measure: measure)
        let gap = try Themes.uncommittedCount(db, filter: filter, thresholdPence: over)
        var footer: [String] = []
        if let count = gap.result.rows.first?[0].int64, let value = gap.result.rows.first?[1].int64 {
            footer.append("Contracts over \(MoneyCaption.short(over)) with no commitments: \(NumberText.grouped(count))"
                          + (count > 0 ? " (\(CellText.pounds(value, grouped: true, symbol: true)) awarded; themes --uncommitted lists them)" : ""))
        }
        let label = by == .theme ? "theme" : by.rawValue
        let chart = Chart.from(result.result, title: "Social value committed and delivered by \(by.rawValue)",
                               label: label, values: ["committed", "delivered"], seriesNames: ["committed", "delivered"],
                               excluding: ["Total", "Measure not in edition"], note: illustrative ? "£ from illustrative proxy values, not published TOMs values." : nil)
        try presenter.present(result, chart: GeographyCommand.emptyIfNoValue(chart), footer: footer,
                          warnings: warning.map { [$0] } ?? [], alsoRan: [gap])
    }
}
