import Foundation
import SVWScript
import Testing
import SVWAnalysis
import SVWCommands
import SVWDatabase

/// Reports a board can read: every analysis column headed in words (its identifier kept for
/// csv, json and SQL), counts grouped, the illustrative-values caveat before the first table.
@Suite struct ReportReadingTests {
    static let analyses = [
        "headline 2020/21", "trend", "geography --year 2020/21", "geography --by authority", "geography --by area",
        "geography --by partner", "geography --top 3", "themes", "themes --by measure", "themes --by partner",
        "themes --uncommitted", "weighting", "weighting --by partner", "weighting --below", "weighting --below --by year",
        "compliance", "compliance --list considered", "compliance --list kpis", "compliance --list portal",
        "compliance --list lagging", "find school meals", "supplier S1",
    ]

    @Test func everyAnalysisColumnHasAHeadingInWords() throws {
        let h = try Harness(mode: .table)
        for command in Self.analyses {
            h.run("session clear")
            // find draws no chart, so takes no --no-chart.
            #expect(h.run(command + (command.hasPrefix("find") ? "" : " --no-chart")).failures == 0, "\(command): \(h.capture.err)")
            let tables = h.session.transcript.entries.flatMap(\.artefacts).compactMap { artefact -> ResultSet? in
                if case .table(let result, _, _) = artefact { return result }
                return nil
            }
            #expect(!tables.isEmpty, "\(command)")
            for table in tables {
                let headings = try #require(table.headings, "\(command): \(table.columns)")
                #expect(headings.count == table.columns.count)
                for (column, heading) in zip(table.columns, headings) where !column.contains("/") {
                    // Words: capitalised, no underscores; the identifier itself never stands in.
                    #expect(heading != column && !heading.contains("_") && heading.first?.isUppercase != false,
                            "\(command): \(column) → \(heading)")
                }
            }
        }
    }

    @Test func identifiersStayInCSVAndJSON() throws {
        let h = try Harness()
        #expect(h.run("themes --year 2020/21 --format csv").out.hasPrefix(
            "theme,commitments,committed,delivered,delivery_rate,committed_pct_awarded,delivered_pct_awarded,"))
        #expect(h.run("geography --by partner --format json").out.contains("\"gm_supplier_share\":"))
    }

    @Test func reportsHeadColumnsInWordsAndPutTheCaveatFirst() throws {
        let h = try Harness(mode: .table)
        #expect(h.run("themes --year 2020/21 --by partner --no-chart").failures == 0)
        #expect(h.run("SELECT 1 AS n;").failures == 0)
        let document = ReportDocument(session: h.session, folder: FileManager.default.temporaryDirectory, title: "Board & pack")
        let html = ReportWriter.render(document, as: .html)
        #expect(html.contains("<title>Board &amp; pack</title>") && html.contains("<h1>Board &amp; pack</h1>"))
        #expect(html.contains("<th scope=\"col\">Partner</th><th scope=\"col\" class=\"num\">Contracts</th>"
                              + "<th scope=\"col\" class=\"num\">Awarded</th>"))
        #expect(html.contains("<th scope=\"col\" class=\"num\">Committed, % of awarded</th>"))
        #expect(!html.contains("committed_pct_awarded"))
        // SQL keeps its own column names.
        #expect(html.contains("<th scope=\"col\" class=\"num\">n</th>"))
        let caveat = try #require(html.range(of: "<p class=\"caveat\" role=\"note\"><strong>Illustrative values.</strong> Proxy values in measures edition"))
        #expect(caveat.upperBound < html.range(of: "<table")!.lowerBound)
        #expect(html.components(separatedBy: "class=\"caveat\"").count == 2, "said once at the top")

        let md = ReportWriter.render(document, as: .markdown)
        #expect(md.hasPrefix("# Board &amp; pack\n\nProduced by svw"))
        #expect(md.contains("\n> **Illustrative values.** Proxy values in measures edition"))
        #expect(md.range(of: "> **Illustrative values.**")!.lowerBound < md.range(of: "| Partner | Contracts | Awarded |")!.lowerBound)
    }

    @Test func aReportWithoutProxyFiguresHasNoCaveat() throws {
        let h = try Harness(mode: .table)
        #expect(h.run("weighting --year 2020/21 --no-chart").failures == 0)
        let document = ReportDocument(session: h.session, folder: FileManager.default.temporaryDirectory)
        #expect(!ReportWriter.render(document, as: .html).contains("class=\"caveat\""))
        #expect(!ReportWriter.render(document, as: .markdown).contains("Illustrative values."))
    }
}
