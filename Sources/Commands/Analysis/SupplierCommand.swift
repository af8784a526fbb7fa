import SVWAnalysis
import SVWRendering

/// `supplier NAME|ID`: one firm's profile.
enum SupplierCommand {
    enum Section: String, CaseIterable {
        case all, profile, contracts, commitments
    }

    static let spec = CommandSpec(
        name: "supplier", group: .analysis,
        abstract: "One supplier's profile: location and GM status, contracts won, commitments committed vs delivered",
        arguments: [ArgumentSpec("NAME|ID", "a supplier id, its exact name, or words of its name", variadic: true)],
        options: [
            OptionSpec("show", value: "SECTION", completion: .choices(Section.allCases.map(\.rawValue)),
                       "profile, contracts or commitments only (default all)"),
        ] + AnalysisOptions.common,
        discussion: """
            Finds the supplier by id, then exact name (any case), then the words of its name;
            when several match, lists them so you can give the id. The profile shows its
            postcode, district and area, GM status by the majority rule (and the district's GM
            share), SME/VCSE flags and what it won; then contracts by year and partner, and its
            commitments by measure, committed vs delivered (TOMs £). Filters narrow the
            contracts. In csv, tsv and json each section is its own table; --show picks one.
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
            throw CommandError.failed("supplier: no supplier matches \"\(text)\" (find \(text) searches names and titles)")
        case .ambiguous(let candidates):
            let shown = candidates.prefix(10).map { "\($0.id) \($0.name)" }.joined(separator: "; ")
            let more = candidates.count > 10 ? "; …" : ""
            throw CommandError.failed("supplier: \"\(text)\" matches several suppliers: \(shown)\(more). Give the id, e.g. supplier \(candidates[0].id)")
        }
        let presenter = AnalysisPresenter(context: context, filter: filter)
        let db = context.db
        var results: [AnalysisResult] = []
        if section == .all || section == .profile { results.append(try SupplierProfile.profile(db, id: id, filter: filter)) }
        let contracts = try SupplierProfile.contracts(db, id: id, filter: filter)
        if section == .all || section == .contracts { results.append(contracts) }
        if section == .all || section == .commitments { results.append(try SupplierProfile.commitments(db, id: id, filter: filter)) }
        presenter.showSQL(results)
        let warning = try AnalysisPresenter.measuresWarning(db)
        for (index, result) in results.enumerated() {
            if index > 0 && !presenter.machine { context.session.write("\n") }
            if result.title.hasPrefix("Supplier "), !presenter.machine {
                context.session.write(result.title + "\n")
                context.session.emit(HeadlineCommand.exactTable(result.result, labels: [:]))
            } else {
                let commitments = result.result.columns.contains("delivery_rate")
                presenter.section(result, warnings: commitments ? (warning.map { [$0] } ?? []) : [])
            }
        }
        presenter.finish(chart: chart(contracts, id: id))
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
