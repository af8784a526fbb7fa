import SVWAnalysis
import SVWDatabase
import SVWRendering
import SVWText

/// Writes an analysis the same way for every command: its SQL when `--sql` asks, a
/// caption, the table in the session's mode, footnotes, and the chart under it (in the
/// human modes only, when charts are on). The chart is kept for `export chart` either way.
///
/// A command may write several tables (sections). People get each with its caption,
/// a blank line between; the machine modes get them as one piece of output: one JSON
/// document keyed by section name, or csv/tsv blocks separated by a blank line.
struct AnalysisPresenter {
    let context: CommandContext
    /// The filter the figures were computed under; charts carry it in their title.
    var filter = Filter()

    /// One table of a command's output.
    struct Section {
        /// Its key in the json document when a command writes several.
        var name: String
        var result: AnalysisResult
        /// Lines under the table for people (human modes only).
        var footer: [String] = []
        /// Also reach stderr in the machine modes.
        var warnings: [String] = []
        /// False when people read these figures as sentences in another section's footer
        /// (a histogram's statistics): the table is then written in the machine modes only.
        var forPeople = true
    }

    var session: Session { context.session }
    var machine: Bool { session.effectiveMode.isMachineReadable }

    /// Whether a chart would be drawn in the terminal right now.
    var drawsCharts: Bool { session.showCharts && !machine && !context.invocation.flag("no-chart") }

    /// Prints the SQL of `results` when `--sql` was given: into the output in the human
    /// modes, to stderr in csv/tsv/json so the data stays clean.
    func showSQL(_ results: [AnalysisResult]) {
        guard context.invocation.flag("sql") else { return }
        var text = ""
        for r in results { text += "-- \(r.title)\n" + r.query.annotated + "\n" }
        if machine { session.note(text) } else { session.write(text) }
    }

    /// One analysis: SQL (if asked), caption, table, footer, chart.
    /// `footer` lines are for people (human modes only); `warnings` also reach stderr in machine modes.
    func present(_ result: AnalysisResult, chart: Chart?, footer: [String] = [], warnings: [String] = [],
                 alsoRan: [AnalysisResult] = []) throws {
        try present([Section(name: "result", result: result, footer: footer, warnings: warnings)],
                    chart: chart, alsoRan: alsoRan)
    }

    /// Several tables: SQL (if asked), a note when the filter matches no contract, then the
    /// sections and the chart.
    func present(_ sections: [Section], chart: Chart?, alsoRan: [AnalysisResult] = [],
                 supplierID: String? = nil) throws {
        showSQL(sections.map(\.result) + alsoRan)
        try noteIfNothingMatches(supplierID: supplierID)
        let caveat = try IllustrativeCaveat.applying(to: sections, db: context.db)
        if let caveat { session.transcript.captureCaveat(caveat.warning) }
        if machine {
            var seen: Set<String> = []
            for section in sections {
                if let line = Self.limitLine(section.result) { session.note(line) }
            }
            for warning in sections.flatMap(\.warnings) where seen.insert(warning).inserted { session.note(warning) }
            // A redirected file keeps the caveat: each row of £ figures says which edition valued it.
            session.emit(sections: sections.map { section in
                let result = if let caveat, section.warnings.contains(caveat.warning) {
                    caveat.labelling(section.result.result)
                } else {
                    section.result.result
                }
                return ResultSection(name: section.name, result: result)
            })
        } else {
            for (index, section) in sections.filter(\.forPeople).enumerated() {
                if index > 0 { session.write("\n") }
                var section = section
                if let line = Self.limitLine(section.result) { section.footer.insert(line, at: 0) }
                humanSection(section)
            }
        }
        finish(chart: chart, caveat: caveat)
    }

    /// For a list cut by --limit, the line that says so, or a reader takes the first rows
    /// for all there are: `15 of 322 shown (--limit); …`.
    static func limitLine(_ result: AnalysisResult) -> String? {
        guard let total = result.rowsWithoutLimit, total > result.result.rows.count else { return nil }
        return "\(NumberText.grouped(result.result.rows.count)) of \(NumberText.grouped(total)) shown (--limit); "
            + "without --limit the list has them all."
    }

    /// Caption, table and footnotes of one section, for people.
    func humanSection(_ section: Section) {
        session.write(section.result.title + "\n")
        let lines = section.footer + section.warnings
        session.emit(section.result.result, footer: lines.isEmpty ? nil : lines.joined(separator: "\n"))
    }

    /// Says on stderr when the filter (and supplier) select no contract at all, so zeros and
    /// empty lists are not mistaken for a failure: `weighting: no contracts match year=2020/21 …`.
    func noteIfNothingMatches(supplierID: String? = nil) throws {
        guard try !Catalog.anyContract(context.db, filter: filter, supplierID: supplierID) else { return }
        let command = context.invocation.spec.name
        let whose = supplierID.map { " of \($0)" } ?? ""
        if filter.isEmpty {
            session.note(supplierID == nil ? "\(command): no contracts are loaded yet"
                                           : "\(command): \(supplierID!) has won no contracts")
        } else {
            session.note("\(command): no contracts\(whose) match \(filter.description)")
        }
    }

    /// Keeps the chart for `export chart` and draws it when charts are on. With `caveat`, the
    /// chart's £ come from illustrative proxy values: the SVG (exported, or in a report) says
    /// so under the chart; the terminal has just said so under the table.
    func finish(chart: Chart?, caveat: IllustrativeCaveat? = nil) {
        var chart = chart
        if !filter.isEmpty { chart?.title += " — " + filter.label }
        guard var chart else {
            session.lastChart = nil
            return
        }
        var text: String?
        if drawsCharts {
            text = "\n" + TextChart.render(chart, width: session.renderOptions.width ?? 80)
            session.write(text!)
        }
        if let caveat, chart.note == nil { chart.note = caveat.chartNote }
        session.lastChart = chart
        // Reports show the SVG where the terminal showed the text chart.
        session.transcript.attachChart(svg: SVGChart.render(chart), caption: chart.title, terminalText: text)
    }

    /// The notice every £ figure from TOMs proxy values carries when they are illustrative.
    static func measuresWarning(_ db: Database) throws -> String? {
        let edition = try Catalog.measuresEdition(db)
        if edition.measures == 0 {
            return edition.edition.isEmpty
                ? "No measures are loaded, so commitments have no £ value: load measures FILE."
                : "The active measures edition \"\(edition.edition)\" has no measures, so commitments have no £ value."
        }
        if edition.illustrative {
            return "Proxy values in measures edition \"\(edition.edition)\" are illustrative, not published TOMs values: the £ figures show the method, not real social value."
        }
        return nil
    }
}
