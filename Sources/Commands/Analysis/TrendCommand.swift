import SVWAnalysis
import SVWDatabase
import SVWRendering
import SVWScript
import SVWText

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
            Every financial year from the first to the last in the data (narrowed by --from and
            --to; a year filter is set aside: trend shows them all), with each headline figure
            as headline defines it and its change from the year before: the relative change in %
            for money and counts, the difference in percentage points (pts) for percentages,
            between the figures as shown. The first year has no change; a year with no contracts
            under the filter shows zeros. On screen the figures are rows and the years columns,
            each year after the first followed by its change (the oldest years are left out when
            the terminal is too narrow, and the footer says so). csv, tsv and json give one row
            per year: each figure, then its change in a column ending _change_pct or _change_pts.
            """,
        examples: ["trend", "trend --partner Stockport", "trend --metric committed-pct", "trend --format csv"],
        handler: { try run($0) })

    static func run(_ context: CommandContext) throws {
        let filter = try AnalysisOptions.filter(context)
        if filter.year != nil, context.invocation.value("year") != nil {
            throw CommandError.usage(context.prefixed("shows every year; --year does not apply (use --from and --to for a range)"))
        }
        let metric = try AnalysisOptions.choice(context, "metric", as: Trend.Metric.self)
        let result = try Trend.run(context.db, filter: filter, metric: metric)
        var shown = filter
        shown.year = nil
        let presenter = AnalysisPresenter(context: context, filter: shown)
        var footer: [String]
        switch metric?.changesInPoints {
        // the whole table reads on its side for people, each year followed by its change
        case nil: footer = ["change: from the year before, in % for money and counts, in percentage points (pts) for percentages."]
        case true?: footer = ["_change_pts: the change from the year before, in percentage points."]
        case false?: footer = ["_change_pct: the change from the year before, in %."]
        }
        if filter.year != nil { footer.append("The filter's year is set aside: trend shows every year.") }
        // A count, the awarded value, the GM share or the weighting owes nothing to proxy values.
        let warning = metric?.usesProxyValues == false ? nil : try AnalysisPresenter.measuresWarning(context.db)
        let chart: Chart?
        if let metric {
            chart = Chart.from(result.result, title: "\(metric.label), by year", label: "year",
                               values: [metric.column], excluding: [])
        } else {
            chart = Chart.from(result.result, title: "Awarded value and social value committed by year", label: "year",
                               values: ["awarded", "sv_committed"], seriesNames: ["awarded", "committed"], excluding: [])
        }
        var section = AnalysisPresenter.Section(name: "trend", result: result, footer: footer, warnings: warning.map { [$0] } ?? [])
        if metric == nil && !presenter.machine {
            let width = context.session.outputFile == nil && context.session.onceFile == nil ? context.session.renderOptions.width : nil
            let table = sideways(result.result, fitting: width, mode: context.session.effectiveMode)
            section.result.result = table.result
            if let left = table.leftOut { section.footer.append(left) }
        }
        try presenter.present([section], chart: GeographyCommand.emptyIfNoValue(chart))
    }

    /// What each figure is called on screen (as headline's exact table calls it).
    static func label(_ metric: Trend.Metric) -> String {
        Headline.columns.meaning(of: metric.column)?.heading ?? metric.column
    }

    /// The per-year table turned on its side for people: one row per figure, one column per
    /// year, each year after the first followed by its change. When `width` is given and the
    /// table would be wider, the oldest years are left out; `leftOut` says which.
    static func sideways(_ byYear: ResultSet, fitting width: Int?, mode: OutputMode) -> (result: ResultSet, leftOut: String?) {
        let years = byYear.rows.map { $0[0].string ?? "" }
        func table(from first: Int) -> ResultSet {
            var columns = ["figure"]
            for index in first..<years.count {
                columns.append(years[index])
                if index > 0 { columns.append("change") }
            }
            let rows = Trend.Metric.allCases.map { metric -> [SQLValue] in
                guard let valueIndex = byYear.column(named: metric.column),
                      let changeIndex = byYear.column(named: metric.changeColumn) else { return [] }
                var row: [SQLValue] = [.text(label(metric))]
                for index in first..<years.count {
                    let values = byYear.rows[index]
                    row.append(.text(figure(values[valueIndex], kind: byYear.kinds[valueIndex])))
                    if index > 0 { row.append(.text(change(values[changeIndex], points: metric.changesInPoints))) }
                }
                return row
            }
            var sideways = ResultSet(columns: columns, rows: rows, kinds: [.plain] + Array(repeating: .figure, count: columns.count - 1))
            sideways.headings = columns.map { $0 == "figure" ? "Figure" : $0 == "change" ? "Change" : $0 }
            return sideways
        }
        var first = 0
        var result = table(from: 0)
        if let width {
            // Keep at least the last two years (one change); drop older ones until the table fits.
            while first < years.count - 2, widest(Renderer.render(result, mode: mode)) > width {
                first += 1
                result = table(from: first)
            }
        }
        guard first > 0 else { return (result, nil) }
        let dropped = first == 1 ? years[0] : "\(years[0])–\(years[first - 1])"
        return (result, "Left out to fit the terminal: \(dropped) (a wider terminal, --format line or csv shows every year).")
    }

    static func widest(_ text: String) -> Int {
        text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
    }

    /// A figure as its column's kind shows it, counts with thousands separators.
    static func figure(_ value: SQLValue, kind: ColumnKind) -> String {
        if kind == .plain, let n = value.int64 { return NumberText.grouped(Int(n)) }
        return CellText.display(value, kind: kind, null: AnalysisResult.emptyCell)
    }

    /// `+7.4%`, `-1.2 pts`, `0.0%`; `–` where there is no change to give.
    static func change(_ value: SQLValue, points: Bool) -> String {
        guard let d = value.double else { return AnalysisResult.emptyCell }
        let text = NumberText.oneDecimal(d)
        let signed = d > 0 && text != "0.0" ? "+" + text : text
        return signed + (points ? " pts" : "%")
    }
}
