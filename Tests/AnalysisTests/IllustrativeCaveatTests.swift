import Foundation
import Testing
import SVWAnalysis
import SVWCommands
import SVWDatabase
import SVWRendering

/// The caveat that the fixture's proxy values (edition ill-1) are illustrative travels
/// with every £ social value figure: into csv and json files, SVG charts and reports,
/// not only onto stderr.
@Suite struct IllustrativeCaveatTests {
    @Test func machineModesPutTheEditionOnEveryRowOfSocialValueFigures() throws {
        let h = try Harness()
        let json = h.run("themes --year 2020/21 --format json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row["measures_edition"] as? String == "ill-1")
            #expect(row["proxy_values"] as? String == "illustrative")
        }
        let csv = h.run("trend --format csv").out.split(separator: "\n")
        #expect(csv.first?.hasSuffix(",measures_edition,proxy_values") == true)
        #expect(csv.dropFirst().allSatisfy { $0.hasSuffix(",ill-1,illustrative") })
        // Figures that owe nothing to proxy values carry no such columns.
        #expect(!h.run("trend --metric contracts --format csv").out.contains("measures_edition"))
        #expect(!h.run("weighting --year 2020/21 --format json").out.contains("measures_edition"))
    }

    @Test func svgChartsAndReportsCarryIt() throws {
        let h = try Harness()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svw-caveat-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let note = "£ from illustrative proxy values (measures edition ill-1), not published TOMs values."
        for command in ["trend", "trend --metric committed", "compliance --year 2020/21"] {
            #expect(h.run(command).failures == 0)
            let file = folder.appendingPathComponent("chart.svg").path
            #expect(h.run("export chart \(file)").failures == 0, "\(command)")
            let svg = try String(contentsOfFile: file, encoding: .utf8)
            #expect(svg.contains(XMLText.escape(note)), "\(command)")
            // The terminal's text chart does not repeat what the table's footer just said.
            #expect(!h.run(command).out.contains(note), "\(command)")
        }
        #expect(h.run("trend --metric contracts").failures == 0)
        let file = folder.appendingPathComponent("contracts.svg").path
        #expect(h.run("export chart \(file)").failures == 0)
        #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains("illustrative"))

        let report = folder.appendingPathComponent("r.html").path
        h.run("session clear")
        #expect(h.run("trend --format json").failures == 0)
        #expect(h.run("export report \(report)").failures == 0, "\(h.capture.err)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("ill-1") && html.contains("illustrative"))
    }
}
