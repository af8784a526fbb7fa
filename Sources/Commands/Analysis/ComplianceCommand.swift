import SVWAnalysis
import SVWRendering

/// `compliance`: the policy checks over the £25k and £50k thresholds.
enum ComplianceCommand {
    static let spec = CommandSpec(
        name: "compliance", group: .analysis,
        abstract: "Contracts missing social value consideration, KPIs or the Portal; commitments behind after contract end",
        arguments: [AnalysisOptions.yearArgument],
        options: [
            OptionSpec("list", value: "considered|kpis|portal|lagging",
                       completion: .choices(Compliance.Rule.allCases.map(\.rawValue)), "list what one check flags"),
            OptionSpec("applicable-over", value: "£", "social value considered and KPIs apply above this value (default £25,000)"),
            OptionSpec("portal-over", value: "£", "the Portal applies above this value (default £50,000)"),
            OptionSpec("limit", value: "N", "with --list, at most N rows"),
            OptionSpec("as-of", value: "DATE", "contracts ended before this date should have delivered (default: the latest reporting date)"),
        ] + AnalysisOptions.common,
        discussion: """
            Policy: every contract worth more than £25,000 has social value considered and,
            where possible, social value KPIs; nearly every contract over £50,000 goes through
            the Social Value Portal. A flag left empty in the data is counted as not_recorded,
            apart from the failures. The lagging check takes commitments on contracts whose end
            date is before --as-of and whose units delivered are below the units committed;
            failing_value is then the undelivered £. A commitment with no delivery reported is
            not_recorded, not failing (each commitment is counted once); --list lagging lists
            it after the ones behind, with units_delivered and shortfall empty.
            """,
        examples: ["compliance --year 2020/21", "compliance --year 2020/21 --list portal",
                   "compliance --list lagging --partner Stockport", "compliance --applicable-over 30000 --format json"],
        handler: { try run($0) })

    static func run(_ context: CommandContext) throws {
        let filter = try AnalysisOptions.filter(context)
        let presenter = AnalysisPresenter(context: context, filter: filter)
        var options = Compliance.Options()
        if let v = try AnalysisOptions.money(context, "applicable-over") { options.consideredThresholdPence = v }
        if let v = try AnalysisOptions.money(context, "portal-over") { options.portalThresholdPence = v }
        options.asOf = try AnalysisOptions.date(context, "as-of") ?? Catalog.latestReportingDate(context.db)
        if let rule = try AnalysisOptions.choice(context, "list", as: Compliance.Rule.self) {
            let result = try Compliance.list(context.db, filter: filter, rule: rule, options: options,
                                             limit: try AnalysisOptions.positiveInt(context, "limit"))
            let warning = rule == .lagging ? try AnalysisPresenter.measuresWarning(context.db) : nil
            try presenter.present(result, chart: nil, footer: result.result.isEmpty ? ["Nothing flagged."] : [],
                              warnings: warning.map { [$0] } ?? [])
            return
        }
        let result = try Compliance.summary(context.db, filter: filter, options: options)
        var footer = ["not_recorded: the flag is empty in the data, or no delivery is reported (neither a pass nor a fail). compliance --list RULE lists them."]
        if options.asOf == nil { footer.append("No reporting dates and no --as-of, so no commitment can be checked for lag.") }
        let chart = Chart.from(result.result, title: "Share failing each check", label: "description",
                               values: ["failing_share"], excluding: [])
        // only the lagging line's undelivered £ comes from proxy values
        let warning = try AnalysisPresenter.measuresWarning(context.db)
        try presenter.present(result, chart: GeographyCommand.emptyIfNoValue(chart), footer: footer,
                          warnings: warning.map { [$0] } ?? [])
    }
}
