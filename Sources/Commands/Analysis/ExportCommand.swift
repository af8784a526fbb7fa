import Foundation
import SVWRendering

/// `export chart FILE.svg`: the last analysis's chart as a standalone SVG file.
enum ExportCommand {
    static let kinds = ["chart"]

    static let spec = CommandSpec(
        name: "export", group: .output,
        abstract: "Write the last analysis's chart as an SVG file",
        arguments: [ArgumentSpec("KIND", "what to export: chart", completion: .choices(kinds)),
                    ArgumentSpec("FILE", "the file to write (.svg)", completion: .file)],
        discussion: """
            export chart FILE.svg writes the chart of the last analysis command, whether or not
            it was shown (charts are not drawn in csv/json modes or with --no-chart, but are
            still kept). The SVG is 800 px wide, fits an A4 page, and needs no fonts, scripts or
            network. A relative path resolves against the script's folder when run from a script.
            """,
        examples: ["geography --year 2020/21 --by authority", "export chart geography.svg"],
        handler: { try run($0) })

    static func run(_ context: CommandContext) throws {
        let kind = context.invocation.argument(0) ?? ""
        guard kinds.contains(kind.lowercased()) else {
            throw CommandError.usage("export: unknown kind \"\(kind)\" (one of: \(kinds.joined(separator: ", ")))")
        }
        let path = context.invocation.argument(1) ?? ""
        guard path.lowercased().hasSuffix(".svg") else {
            throw CommandError.usage("export chart: FILE must end in .svg, not \"\(path)\"")
        }
        guard let chart = context.session.lastChart else {
            throw CommandError.failed("export chart: no chart to export; run an analysis that draws one first (geography, themes, weighting, compliance, trend, supplier)")
        }
        let url = context.session.resolve(path: path)
        do {
            try Data(SVGChart.render(chart).utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandError.failed("export chart: cannot write \(url.path): \(error.localizedDescription)")
        }
        context.session.note("export chart: wrote \(url.path)")
    }
}
