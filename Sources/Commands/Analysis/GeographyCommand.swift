import SVWAnalysis
import SVWRendering
import SVWScript
import SVWText

/// `geography`: where the winning suppliers are.
enum GeographyCommand {
    static let spec = CommandSpec(
        name: "geography", group: .analysis,
        abstract: "Winning suppliers and awarded value inside Greater Manchester, outside it, and unknown",
        arguments: [AnalysisOptions.yearArgument],
        options: [
            OptionSpec("by", value: "authority|area|partner", completion: .choices(["authority", "area", "partner"]),
                       "break down by GM authority, postcode area or partner"),
            OptionSpec("top", value: "N", "list the N largest suppliers outside GM by value awarded instead, with their district's GM share"),
        ] + AnalysisOptions.common,
        discussion: """
            Counts each winning supplier once, with the contracts and value it won under the
            filter; an award with several suppliers (a framework) shares its value equally among
            them, so the Total is each contract's value once. A supplier whose full postcode is
            listed in postcode_index (load postcode-index; the sample loads gm_postcodes.csv) is
            placed exactly, in GM and in its borough or outside. Otherwise (an outward code
            alone, or a postcode not listed) the district rule: a GM business when most of its
            postcode district's live postcodes lie in the ten GM authorities (so WA3 at 49.8% GM
            is outside and BL7 at 58.0% inside). The footer says how many suppliers each rule
            placed. A well-formed postcode whose district is not in the table is outside GM; a missing or malformed postcode is
            "Unknown postcode", on its own line, never counted as outside, and kept in the
            denominator of the shares. --by authority lists every GM authority in
            postcode_districts (a supplier placed by district belongs to the authority holding
            most of it), then outside and unknown.
            """,
        examples: ["geography 2020/21", "geography --year 2020/21 --by authority",
                   "geography --year 2020/21 --by partner --format csv", "geography --year 2020/21 --top 10",
                   "geography --by area --partner Stockport --sql"],
        handler: { try run($0) })

    static func run(_ context: CommandContext) throws {
        let filter = try AnalysisOptions.filter(context)
        let presenter = AnalysisPresenter(context: context, filter: filter)
        if let top = try AnalysisOptions.positiveInt(context, "top") {
            if context.invocation.value("by") != nil {
                throw CommandError.usage(context.prefixed("--top lists suppliers; it does not combine with --by"))
            }
            let result = try Geography.topOutside(context.db, filter: filter, top: top)
            // The presenter adds the filter to a chart's title; the result's title already carries it.
            let chart = Chart.from(result.result, title: "Largest suppliers outside GM (top \(top)), by value awarded",
                                   label: "name", values: ["awarded"], excluding: [])
            try presenter.present(result, chart: chart,
                              footer: result.result.isEmpty ? ["No suppliers outside GM won contracts under this filter."] : [])
            return
        }
        let by = try AnalysisOptions.choice(context, "by", as: Geography.Breakdown.self,
                                            allowed: [.authority, .area, .partner]) ?? .status
        let result = try Geography.run(context.db, filter: filter, by: by)
        var footer = ["GM business: a full postcode listed in postcode_index decides; otherwise the postcode district is more than half in Greater Manchester. Unknown postcodes are never counted as outside GM."]
        let placement = try Geography.placement(context.db, filter: filter)
        footer.append(placement.sentence)
        if placement.sharedAwards > 0 {
            footer.append("\(NumberText.grouped(placement.sharedAwards)) \(Plural.noun(placement.sharedAwards, "award has", "awards have")) several suppliers: "
                          + "each supplier counts once, and an award's value is shared equally among its suppliers (award_shares).")
        }
        let chart: Chart?
        switch by {
        case .partner:
            chart = Chart.from(result.result, title: "Share of awarded value won by GM businesses, by partner",
                               label: "partner", values: ["gm_value_share"])
            footer.append("gm_supplier_share and gm_value_share: of the partner's winning suppliers and awarded value; the Total counts a supplier once.")
        case .status:
            chart = Chart.from(result.result, title: "Awarded value by supplier location", label: "location", values: ["awarded"])
        case .authority:
            chart = Chart.from(result.result, title: "Awarded value by supplier's GM authority", label: "authority", values: ["awarded"])
        case .area:
            chart = Chart.from(result.result, title: "Awarded value by supplier's postcode area", label: "area", values: ["awarded"])
        }
        try presenter.present(result, chart: emptyIfNoValue(chart), footer: footer)
    }

    /// No chart when every bar would be zero (nothing matched the filter).
    static func emptyIfNoValue(_ chart: Chart?) -> Chart? {
        guard let chart, chart.series.contains(where: { $0.values.contains { ($0 ?? 0) > 0 } }) else { return nil }
        return chart
    }
}
