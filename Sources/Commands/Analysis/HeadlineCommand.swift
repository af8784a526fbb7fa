import SVWAnalysis
import SVWDatabase
import SVWRendering
import SVWScript
import SVWText

/// `headline`: the board figures for one financial year.
enum HeadlineCommand {
    static let spec = CommandSpec(
        name: "headline", group: .analysis,
        abstract: "The board's headline figures for a financial year, in the published style",
        arguments: [AnalysisOptions.yearArgument],
        options: AnalysisOptions.common,
        discussion: """
            For financial year Y: awarded = value of contracts awarded in Y; social value
            committed and delivered = TOMs £ of the commitments on those contracts (own workforce
            excluded), each also as a % of awarded; winning businesses in GM = distinct GM
            suppliers of those contracts / all their distinct suppliers (unknown postcodes stay
            in the denominator and are reported apart); own-workforce social value = delivered £
            of commitments with no contract reported in Y (not attributable to a partner,
            category or value band, so blank under such a filter); mean weighting = simple mean
            over contracts over £25,000 with a weighting, value-weighted alongside. The
            published lines round as a board paper does (£60m, 28%); the table below them is
            exact; csv and json give the exact row only.
            """,
        examples: ["headline 2020/21", "headline --year 2020/21 --partner Stockport", "headline 2020/21 --format json",
                   "headline 2020/21 --sql"],
        handler: { try run($0) })

    static func run(_ context: CommandContext) throws {
        // Without a year: --year, the filter's year, or the latest in the data.
        let filter = try AnalysisOptions.filter(context)
        guard let year = try filter.year ?? Headline.latestYear(context.db) else {
            throw CommandError.failed(context.prefixed("no contracts are loaded yet (load contracts FILE, or start svw with --sample)"))
        }
        if filter.year == nil { context.session.note(context.prefixed("showing \(year), the latest year in the data (headline YEAR for another)")) }
        let result = try Headline.run(context.db, year: year, filter: filter)
        var shown = filter
        shown.year = year
        let presenter = AnalysisPresenter(context: context, filter: shown)
        let warning = try AnalysisPresenter.measuresWarning(context.db)
        if presenter.machine {
            try presenter.present(result, chart: nil, warnings: warning.map { [$0] } ?? [])
            return
        }
        presenter.showSQL([result])
        try presenter.noteIfNothingMatches()
        context.session.write(published(result, filter: filter) + "\n")
        var footer: [String] = []
        if let warning { footer.append(warning) }
        context.session.emit(exactTable(result.result), footer: footer.isEmpty ? nil : footer.joined(separator: "\n"))
        presenter.finish(chart: nil)
    }

    /// The figures as a board paper prints them, one per line.
    static func published(_ result: AnalysisResult, filter: Filter) -> String {
        let row = result.firstRow
        func int(_ key: String) -> Int64 { row[key]?.int64 ?? 0 }
        // Counts print as a board paper prints them: 1,332.
        func count(_ key: String) -> String { NumberText.grouped(Int(int(key))) }
        func pct(_ key: String) -> String { row[key]?.double.map(MoneyCaption.publishedPercent) ?? "–" }
        func money(_ key: String) -> String { row[key]?.int64.map(MoneyCaption.published) ?? "–" }
        var lines: [(String, String)] = []
        lines.append((money("awarded"), "awarded in \(count("contracts")) \(Plural.noun(int("contracts"), "contract"))"))
        lines.append((pct("sv_committed_pct"), "of the value awarded committed as social value: \(money("sv_committed")) (TOMs £ committed by winning suppliers)"))
        lines.append((pct("sv_delivered_pct"), "delivered to date: \(money("sv_delivered"))"))
        var gm = "of winning businesses are GM businesses (\(count("gm_suppliers")) of \(count("suppliers"))"
        let unknown = int("unknown_suppliers")
        gm += unknown > 0 ? "; \(count("unknown_suppliers")) with an unknown postcode)" : ")"
        lines.append((pct("gm_suppliers_pct"), gm))
        if row["own_workforce_sv"]?.isNull == false {
            lines.append((money("own_workforce_sv"), "social value delivered through the service's own workforce"))
        } else {
            lines.append(("–", "own-workforce social value: not attributable under a partner, category or value filter"))
        }
        lines.append((pct("mean_weighting"), "mean social value weighting on contracts over £25k (value-weighted \(pct("weighted_mean_weighting")))"))
        lines.append((count("contracts_over_25k"), "contracts over £25k; \(count("contracts_over_50k")) over £50k"))
        let width = lines.map(\.0.count).max() ?? 0
        var out = result.title + "\n"
        for (figure, words) in lines {
            out += "  " + String(repeating: " ", count: width - figure.count) + figure + "  " + words + "\n"
        }
        return out
    }

    /// The one-row result turned on its side, each value shown exactly as the renderer would.
    /// Each figure is named by its heading in words (the analysis layer declares them).
    static func exactTable(_ result: ResultSet) -> ResultSet {
        var table = ResultSet(columns: ["figure", "value"], rows: [])
        table.headings = ["Figure", "Value"]
        guard let row = result.rows.first else { return table }
        let names = result.headings ?? result.columns
        table.rows = result.columns.indices.map { i -> [SQLValue] in
            [.text(names[i]), .text(CellText.display(row[i], kind: result.kinds[i], null: "–"))]
        }
        return table
    }
}
