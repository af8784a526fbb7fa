import SVWAnalysis
import SVWRendering

/// `trend`: the headline figures across years.
enum TrendCommand {
    static let spec = CommandSpec(
        name: "trend", group: .analysis,
        abstract: "The headline figures for every year, with the change from the year before",
        options: [
            OptionSpec("metric", value: "NAME", completion: .choices(Trend.Metric.allCases.map(\.rawValue)),
                       "one figure and its change: " + Trend.Metric.allCases.map(\.rawValue).joined(separator: ", ")),
        ] + AnalysisOptions.common,
        discussion: """
            One row per financial year with contracts under the filter (a year filter is set
            aside: trend shows them all). Figures are defined as in headline. Columns ending
            _change_pct are the relative change from the previous year in %; those ending
            _change_pts are the difference in percentage points between the rounded figures.
            The first year has no change.
            """,
        examples: ["trend", "trend --partner Stockport", "trend --metric committed-pct", "trend --format csv"],
        handler: { try run($0) })

    static func run(_ context: CommandContext) throws {
        let filter = try AnalysisOptions.filter(context)
        if filter.year != nil, context.invocation.value("year") != nil {
            throw CommandError.usage("trend: shows every year; --year does not apply (use --from and --to for a range)")
        }
        let metric = try AnalysisOptions.choice(context, "metric", as: Trend.Metric.self)
        let result = try Trend.run(context.db, filter: filter, metric: metric)
        var footer: [String]
        switch metric?.changesInPoints {
        case nil: footer = ["_change_pct: % change from the year before; _change_pts: percentage points."]
        case true?: footer = ["_change_pts: the change from the year before, in percentage points."]
        case false?: footer = ["_change_pct: the change from the year before, in %."]
        }
        if filter.year != nil { footer.append("The filter's year is set aside: trend shows every year.") }
        // A count, the awarded value, the GM share or the weighting owes nothing to proxy values.
        let warning = metric?.usesProxyValues == false ? nil : try AnalysisPresenter.measuresWarning(context.db)
        let chart: Chart?
        if let metric {
            chart = Chart.from(result.result, title: "\(metric.label), by year", label: "year",
                               values: [result.result.columns[1]], excluding: [])
        } else {
            chart = Chart.from(result.result, title: "Awarded value and social value committed by year", label: "year",
                               values: ["awarded", "sv_committed"], seriesNames: ["awarded", "committed"], excluding: [])
        }
        var shown = filter
        shown.year = nil
        AnalysisPresenter(context: context, filter: shown).present(result, chart: GeographyCommand.emptyIfNoValue(chart), footer: footer,
                                                    warnings: warning.map { [$0] } ?? [])
    }
}
