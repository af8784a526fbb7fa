import Foundation
import SVWRendering
import SVWScript

/// `export chart FILE.svg` (the last analysis's chart as a standalone SVG) and
/// `export report FILE.md|FILE.html` (the session as a document, written by the session layer).
enum ExportCommand {
    static let kinds = ["chart", "report"]

    static let spec = CommandSpec(
        name: "export", group: .output,
        abstract: "Write the last chart as SVG, or the session as a Markdown/HTML report",
        arguments: [ArgumentSpec("KIND", "what to export: chart or report", completion: .choices(kinds)),
                    ArgumentSpec("FILE", "the file to write (.svg for a chart; .md or .html for a report)", completion: .file, writes: true)],
        options: [OptionSpec("title", value: "TEXT", "a report's title (default: svw session report)")],
        discussion: """
            export report FILE.html writes the session so far as a self-contained document a
            board member can open: commands as captions, tables (an analysis's columns headed
            in words, counts grouped), charts as embedded SVG, and the data files' provenance
            (paths, SHA-256, rows) at the end; --title names it, and when figures come from
            illustrative proxy values it says so first. FILE.md writes Markdown.

            export chart FILE.svg writes the chart of the last analysis command, whether or not
            it was shown (charts are not drawn in csv/json modes or with --no-chart, but are
            still kept). The SVG is 800 px wide, fits an A4 page, and needs no fonts, scripts or
            network. A relative path resolves against the script's folder when run from a script.
            """,
        examples: ["geography --year 2020/21 --by authority", "export chart geography.svg",
                   "export report board.html --title 'Social value 2020/21'"],
        handler: { try run($0) })

    static func run(_ context: CommandContext) throws {
        let kind = context.invocation.argument(0) ?? ""
        guard kinds.contains(kind.lowercased()) else {
            throw CommandError.usage(context.prefixed("unknown kind \"\(kind)\" (one of: \(kinds.joined(separator: ", ")))"))
        }
        let path = context.invocation.argument(1) ?? ""
        if kind.lowercased() == "report" {
            try SessionCommands.writeReport(of: context.session, to: path, title: context.invocation.value("title"))
            return
        }
        func prefixed(_ message: String) -> String { context.invocation.prefixed(message, form: "chart") }
        if context.invocation.value("title") != nil {
            throw CommandError.usage(prefixed("--title is for reports; a chart keeps its analysis's title"))
        }
        guard path.lowercased().hasSuffix(".svg") else {
            throw CommandError.usage(prefixed("FILE must end in .svg, not \"\(path)\""))
        }
        guard let chart = context.session.lastChart else {
            throw CommandError.failed(prefixed("the last result has no chart (SQL results and tables draw none); run an analysis that draws one first (geography, themes, weighting, compliance, trend, supplier)"))
        }
        let session = context.session
        let command = "\(context.invocation.spec.name) chart"
        let url = try session.writableURL(for: path, command: command)
        try session.writeFile(Data(SVGChart.render(chart).utf8), to: url, shown: path, command: command)
        session.note(prefixed(session.files.dryRun ? "\(path) not written (run --check writes no files)" : "wrote \(url.path)"))
    }
}
