import SVWAnalysis
import SVWRendering
import SVWScript
import SVWText

/// `weighting`: how much of the award criteria went to social value.
enum WeightingCommand {
    static let spec = CommandSpec(
        name: "weighting", group: .analysis,
        abstract: "Distribution of social value weighting over applicable contracts, against the 20% target",
        arguments: [AnalysisOptions.yearArgument],
        options: [
            OptionSpec("all", "every contract, not only those over £25,000"),
            OptionSpec("bins", value: "EDGES", "histogram bin edges in % (default 0,5,10,15,20,25,30)"),
            OptionSpec("target", value: "%", "the target weighting (default 20)"),
            OptionSpec("by", value: "partner|category|year", completion: .choices(["partner", "category", "year"]),
                       "mean, weighted mean, median and share at target per group; with --below, the list by group"),
            OptionSpec("stats", "the summary figures as a table instead of the histogram (as --show statistics)"),
            OptionSpec("show", value: "histogram|statistics", completion: .choices(Section.allCases.map(\.rawValue)),
                       "only the histogram, or only the statistics (csv, tsv and json otherwise write both)"),
            OptionSpec("below", "list the contracts weighted below the target instead"),
            OptionSpec("limit", value: "N", "with --below, at most N contracts (with --by, N in each group)"),
        ] + AnalysisOptions.common,
        discussion: """
            Policy: on average no less than 20% of the award criteria weighting goes to social
            value on applicable contracts (worth more than £25,000). Bins run from each edge up to
            the next (0–5% holds 0 up to but not including 5); the last is open (≥30%); a first
            edge above 0 adds a "<" bin. mean is the simple mean, weighted_mean weights each
            contract by its awarded value, median is the middle weighting (mean of the middle two
            when even), at_or_above_target is the share of contracts weighted at or above
            --target, below_target the number of contracts under it. Every figure counts the
            applicable contracts with a weighting recorded: contracts and value are theirs (the
            same as the histogram's Total); not_recorded counts the applicable contracts with
            no weighting, which no figure includes. In json the
            histogram and its statistics come as one object, {"histogram": [...], "statistics":
            [...]}; in csv and tsv as two tables separated by a blank line (--show histogram or
            --show statistics writes one).

            --below lists the contracts under the target, largest first; --below --by partner
            lists them partner by partner, and --limit N then keeps the N largest of each.
            """,
        examples: ["weighting --year 2020/21", "weighting --year 2020/21 --by partner",
                   "weighting --year 2020/21 --below --partner Trafford", "weighting --year 2020/21 --below --by partner --limit 5",
                   "weighting --all --bins 0,10,20,30 --format csv",
                   "weighting --stats --year 2020/21"],
        handler: { try run($0) })

    /// The tables the default view writes (both in the machine modes; people read the
    /// statistics as sentences under the histogram).
    enum Section: String, CaseIterable {
        case histogram, statistics
    }

    static func run(_ context: CommandContext) throws {
        let filter = try AnalysisOptions.filter(context)
        let presenter = AnalysisPresenter(context: context, filter: filter)
        let invocation = context.invocation
        var options = Weighting.Options()
        if invocation.flag("all") { options.thresholdPence = nil }
        do {
            if let bins = invocation.value("bins") { options.bins = try ValueParsing.bins(bins) }
            if let target = invocation.value("target") { options.target = try ValueParsing.percent(target, option: "target") }
        } catch let failure as ValueParsing.Failure {
            throw CommandError.usage(context.prefixed(failure.message))
        }
        let by = try AnalysisOptions.choice(context, "by", as: Weighting.Breakdown.self)
        let show = try AnalysisOptions.choice(context, "show", as: Section.self)
        if invocation.flag("stats") && (by != nil || invocation.flag("below")) {
            throw CommandError.usage(context.prefixed("--stats does not combine with --by or --below"))
        }
        if show != nil && (by != nil || invocation.flag("below")) {
            throw CommandError.usage(context.prefixed("--show does not combine with --by or --below"))
        }
        if invocation.flag("stats"), show == .histogram {
            throw CommandError.usage(context.prefixed("--stats shows the statistics; it does not combine with --show histogram"))
        }
        if invocation.value("limit") != nil && !invocation.flag("below") {
            throw CommandError.usage(context.prefixed("--limit applies to the --below list"))
        }

        if invocation.flag("below") {
            let result = try Weighting.below(context.db, filter: filter, options: options,
                                             limit: try AnalysisOptions.positiveInt(context, "limit"), by: by)
            try presenter.present(result, chart: nil,
                              footer: result.result.isEmpty ? ["No contract in scope is weighted below \(percentText(options.target))."] : [])
            return
        }
        let stats = try Weighting.statistics(context.db, filter: filter, by: by, options: options)
        if by != nil || invocation.flag("stats") || show == .statistics {
            let chart = by.flatMap { by in
                Chart.from(stats.result, title: "Mean social value weighting by \(by.rawValue)",
                           label: stats.result.columns[0], values: ["mean"])
            }
            try presenter.present(stats, chart: chart, footer: ["Target: \(percentText(options.target)) on average."])
            return
        }
        let histogram = try Weighting.histogram(context.db, filter: filter, options: options)
        let chart = Chart.from(histogram.result, title: "Contracts by social value weighting", label: "bin",
                               values: ["contracts"], style: .histogram)
        var sections = [AnalysisPresenter.Section(name: Section.histogram.rawValue, result: histogram,
                                                  footer: summary(stats, target: options.target))]
        if show == nil {
            sections.append(AnalysisPresenter.Section(name: Section.statistics.rawValue, result: stats, forPeople: false))
        }
        try presenter.present(sections, chart: GeographyCommand.emptyIfNoValue(chart), alsoRan: show == nil ? [] : [stats])
    }

    /// The statistics row as sentences under the histogram.
    static func summary(_ stats: AnalysisResult, target: Double) -> [String] {
        let row = stats.firstRow
        func pct(_ key: String) -> String {
            row[key]?.double.map { NumberText.oneDecimal($0) + "%" } ?? "–"
        }
        var lines: [String]
        if row["mean"]?.isNull ?? true {
            lines = ["No contract in scope has a weighting recorded."]
        } else {
            lines = ["Mean \(pct("mean")) (value-weighted \(pct("weighted_mean"))), median \(pct("median")); "
                     + "\(pct("at_or_above_target")) of contracts at or above the \(percentText(target)) target."]
        }
        if let missing = row["not_recorded"]?.int64, missing > 0 {
            lines.append("\(missing) \(Plural.noun(missing, "contract")) in scope with no weighting recorded, left out.")
        }
        return lines
    }

    static func percentText(_ d: Double) -> String {
        (d == d.rounded() ? String(Int(d)) : NumberText.oneDecimal(d)) + "%"
    }
}
