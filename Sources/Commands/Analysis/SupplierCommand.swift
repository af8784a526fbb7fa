import SVWAnalysis
import SVWRendering
import SVWScript

/// `supplier NAME|ID`: one firm's profile.
enum SupplierCommand {
    enum Section: String, CaseIterable {
        case all, profile, contracts, commitments
    }

    static let spec = CommandSpec(
        name: "supplier", group: .analysis,
        abstract: "One supplier's profile: location and GM status, contracts won, commitments committed vs delivered",
        arguments: [ArgumentSpec("NAME|ID", "a supplier id, its exact name, or words of its name", variadic: true, completion: .supplier)],
        options: [
            OptionSpec("show", value: "SECTION", completion: .choices(Section.allCases.map(\.rawValue)),
                       "profile, contracts or commitments only (default all)"),
        ] + AnalysisOptions.common,
        discussion: """
            Finds the supplier by id, then exact name (any case), then the words of its name;
            when several match, lists them so you can give the id. The profile shows its
            postcode, district and area, GM status (by its full postcode where the postcode index
            lists it, else by the district majority rule, with the district's GM share), SME/VCSE
            flags and what it won; then contracts by year and partner, and its commitments by
            measure, committed vs delivered (TOMs £). An award it shares with other suppliers (a
            framework) counts its equal share of the value (view award_shares), and all the
            award's commitments are listed. Filters narrow the
            contracts. In json the sections come as one object, {"profile": [...], "contracts":
            [...], "commitments": [...]}; in csv and tsv as tables separated by a blank line.
            --show picks one section (and the chart is drawn only with the contracts).
            """,
        examples: ["supplier SUP00001", "supplier \"Bollin Civils\"", "supplier SUP00001 --show contracts --format csv", "supplier SUP00001 --year 2020/21"],
        handler: { try run($0) })

    static func run(_ context: CommandContext) throws {
        let filter = try AnalysisOptions.filter(context)
        let text = context.invocation.positionals.joined(separator: " ")
        let section = try AnalysisOptions.choice(context, "show", as: Section.self) ?? .all
        let id: String
        switch try SupplierProfile.lookup(context.db, text) {
        case .found(let found): id = found
        case .none:
            throw CommandError.failed(context.prefixed("no supplier matches \"\(text)\" (find \(text) searches names and titles)"))
        case .ambiguous(let candidates):
            throw CommandError.failed(ambiguity(text, candidates, in: context))
        }
        let presenter = AnalysisPresenter(context: context, filter: filter)
        let db = context.db
        let warning = try AnalysisPresenter.measuresWarning(db)
        var sections: [AnalysisPresenter.Section] = []
        var chart: Chart?
        if section == .all || section == .profile {
            sections.append(.init(name: Section.profile.rawValue, result: try SupplierProfile.profile(db, id: id, filter: filter)))
        }
        if section == .all || section == .contracts {
            let contracts = try SupplierProfile.contracts(db, id: id, filter: filter)
            sections.append(.init(name: Section.contracts.rawValue, result: contracts))
            // the chart draws the contracts section, so only when that section is shown
            chart = self.chart(contracts, id: id)
        }
        if section == .all || section == .commitments {
            sections.append(.init(name: Section.commitments.rawValue, result: try SupplierProfile.commitments(db, id: id, filter: filter),
                                  warnings: warning.map { [$0] } ?? []))
        }
        if presenter.machine {
            try presenter.present(sections, chart: chart, supplierID: id)
            return
        }
        // People read the one-row profile turned on its side.
        for index in sections.indices where sections[index].name == Section.profile.rawValue {
            sections[index].result.result = HeadlineCommand.exactTable(sections[index].result.result)
        }
        try presenter.present(sections, chart: chart, supplierID: id)
    }

    /// "several suppliers match": the candidates one per line, id and name in columns.
    static func ambiguity(_ text: String, _ candidates: [SupplierProfile.SupplierCandidate], in context: CommandContext) -> String {
        let shown = candidates.prefix(10)
        let width = shown.map(\.id.count).max() ?? 0
        var lines = [context.prefixed("\"\(text)\" matches \(candidates.count > 10 ? "more than 10" : "\(candidates.count)") suppliers; give the id of one:")]
        for candidate in shown {
            lines.append("  " + candidate.id + String(repeating: " ", count: width - candidate.id.count) + "  " + candidate.name)
        }
        if candidates.count > 10 { lines.append("  … and more: find \(text) lists every match") }
        return lines.joined(separator: "\n")
    }

    /// Value won per year and partner.
    static func chart(_ contracts: AnalysisResult, id: String) -> Chart? {
        let rows = contracts.result.rows.filter { $0[0].string != "Total" }
        guard !rows.isEmpty else { return nil }
        return Chart(title: "Value awarded to \(id) by year and partner",
                     labels: rows.map { "\($0[0].string ?? "") \($0[1].string ?? "")" },
                     series: [Chart.Series(name: "awarded", values: rows.map { $0[3].double })], format: .money)
    }
}
