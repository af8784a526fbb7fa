import SVWAnalysis
import SVWDatabase
import SVWRendering

/// Writes an analysis the same way for every command: its SQL when `--sql` asks, a
/// caption, the table in the session's mode, footnotes, and the chart under it (in the
/// human modes only, when charts are on). The chart is kept for `export chart` either way.
struct AnalysisPresenter {
    let context: CommandContext
    /// The filter the figures were computed under; charts carry it in their title.
    var filter = Filter()

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
                 alsoRan: [AnalysisResult] = []) {
        showSQL([result] + alsoRan)
        section(result, footer: footer, warnings: warnings)
        finish(chart: chart)
    }

    /// Caption, table and footnotes of one result, without SQL or chart (for multi-table commands).
    func section(_ result: AnalysisResult, footer: [String] = [], warnings: [String] = []) {
        var footer = footer
        // A list cut by --limit says so, or a reader takes the first rows for all there are.
        if let total = result.rowsWithoutLimit, total > result.result.rows.count {
            let line = "\(CellText.count(result.result.rows.count)) of \(CellText.count(total)) shown (--limit); "
                + "without --limit the list has them all."
            if machine { session.note(line) } else { footer.insert(line, at: 0) }
        }
        if machine {
            for w in warnings { session.note(w) }
            // csv and json write NULL their own way; the blank is for a report of this run.
            session.emit(result.result, nullText: "")
        } else {
            session.write(result.title + "\n")
            let lines = footer + warnings
            // NULL in an analysis means "does not apply" (a Total row's labels, a first year's
            // change): a blank reads better than NULL. csv and json keep their own empty/null.
            session.emit(result.result, footer: lines.isEmpty ? nil : lines.joined(separator: "\n"), nullText: "")
        }
    }

    /// Keeps the chart for `export chart` and draws it when charts are on.
    func finish(chart: Chart?) {
        var chart = chart
        if !filter.isEmpty { chart?.title += " — " + filter.label }
        session.lastChart = chart
        guard let chart else { return }
        var text: String?
        if drawsCharts {
            text = "\n" + TextChart.render(chart, width: session.renderOptions.width ?? 80)
            session.write(text!)
        }
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
