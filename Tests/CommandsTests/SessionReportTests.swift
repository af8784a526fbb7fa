import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SVWScript
import Testing
import SVWDatabase
@testable import SVWCommands
import TestSupport

@Suite struct SessionReportTests {
    /// A session whose data is hostile to markup: tags, ampersands, pipes, backticks, control characters.
    private func session() throws -> SessionHarness {
        let h = try SessionHarness()
        h.session.record(RecordedCommand(text: "load contracts /data/c.csv", kind: .command,
                                         files: [LoadedFile(url: URL(fileURLWithPath: "/data/c.csv"), sha256: String(repeating: "e", count: 64), rows: 3)]))
        h.run("""
            param year = 2020/21
            CREATE TABLE t(name TEXT, pence INTEGER);
            INSERT INTO t VALUES ('<script>alert(1)</script>', 1234), ('A & B | "C" `d`', NULL), ('bell' || char(7), -5);
            SELECT name, pence FROM t ORDER BY rowid;
            """)
        h.session.transcript.beginUnit()
        h.session.emit(ResultSet(columns: ["awarded"], rows: [[.integer(125_000_050)]], kinds: [.money]), footer: "1. note <b>")
        h.session.record(RecordedCommand(text: "headline", kind: .command))
        return h
    }

    @Test func htmlIsWellFormedAndSelfContained() throws {
        let h = try session()
        let html = ReportWriter.render(ReportDocument(session: h.session, folder: URL(fileURLWithPath: "/data/reports"), title: "Board <pack>"), as: .html)
        let parser = XMLParser(data: Data(html.utf8))
        let collector = SessionXMLCollector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(collector.elements.first == "html")
        #expect(collector.elements.filter { $0 == "table" }.count == 4)   // parameters, two results, provenance
        #expect(collector.elements.filter { $0 == "script" }.isEmpty)
        #expect(collector.text.contains("<script>alert(1)</script>"))
        #expect(collector.text.contains("A & B | \"C\" `d`"))
        #expect(collector.text.contains("bell\u{2407}"))
        #expect(collector.text.contains("£1,250,000.50"))
        #expect(collector.text.contains("../c.csv"))
        #expect(collector.text.contains("Board <pack>"))
        #expect(html.contains("@media print"))
        #expect(!html.contains("http:") && !html.contains("https:") && !html.contains("url("))
        #expect(!html.contains("src=\"") || html.components(separatedBy: "src=\"").dropFirst().allSatisfy { $0.hasPrefix("data:") })
    }

    @Test func markdownEscapesMarkupAndAlignsNumbers() throws {
        let h = try session()
        let md = ReportWriter.render(ReportDocument(session: h.session, folder: URL(fileURLWithPath: "/data")), as: .markdown)
        #expect(md.contains("| name | pence |\n|---|--:|\n| \\<script\\>alert(1)\\</script\\> | 1234 |\n| A &amp; B \\| \"C\" \\`d\\` | NULL |\n"))
        #expect(md.contains("| awarded |\n|--:|\n| £1,250,000.50 |\n\n1\\. note \\<b\\>\n"))
        #expect(md.contains("**Parameters:** `year` = `2020/21`"))
        #expect(md.contains("| c.csv | 3 | `\(String(repeating: "e", count: 64))` | `load contracts /data/c.csv` |"))
        #expect(md.contains("`CREATE TABLE t(name TEXT, pence INTEGER);`\n"))
        #expect(md.contains("### `SELECT name, pence FROM t ORDER BY rowid;`\n"))
    }

    @Test func chartsAreEmbeddedAsSVGInPlaceOfTheirTextVersion() throws {
        let h = try SessionHarness()
        h.run("SELECT 1 AS one;")
        h.session.transcript.beginUnit()
        h.session.write("▇▇▇ 1\n")
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"5\" height=\"5\"/></svg>"
        h.session.transcript.attachChart(svg: svg, caption: "Ones", terminalText: "▇▇▇ 1\n")
        h.session.record(RecordedCommand(text: "chart", kind: .command))
        let entry = try #require(h.session.transcript.entries.last)
        #expect(entry.artefacts == [.chart(svg: svg, caption: "Ones")])
        let html = ReportWriter.render(ReportDocument(session: h.session, folder: URL(fileURLWithPath: "/")), as: .html)
        #expect(html.contains("<img alt=\"Ones\" src=\"data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())\" />"))
        #expect(!html.contains("▇"))
    }

    /// Analyses write their title on a line of its own, then the table: the title heads the table.
    @Test func aOneLineTitleBeforeATableHeadsIt() throws {
        let h = try SessionHarness()
        h.session.transcript.beginUnit()
        h.session.write("Headline 2020/21 <all partners>\n")
        h.session.emit(ResultSet(columns: ["n"], rows: [[.integer(1)]]))
        h.session.write("two\nlines\n")
        h.session.record(RecordedCommand(text: "headline", kind: .command))
        let document = ReportDocument(session: h.session, folder: URL(fileURLWithPath: "/"))
        let html = ReportWriter.render(document, as: .html)
        #expect(html.contains("<h2><code>headline</code></h2>\n<h3>Headline 2020/21 &lt;all partners&gt;</h3>\n<div class=\"table\">\n<table>"))
        #expect(html.contains("<pre class=\"output\">two\nlines</pre>"))
        let md = ReportWriter.render(document, as: .markdown)
        #expect(md.contains("### `headline`\n\n**Headline 2020/21 \\<all partners\\>**\n\n| n |\n|--:|\n| 1 |\n\n```text\ntwo\nlines\n```\n"))
    }

    @Test func bigTablesAreCutWithANote() throws {
        let h = try SessionHarness()
        h.session.transcript.capturesOutput = false
        h.run("mode csv\nWITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < \(Transcript.maxTableRows + 7)) SELECT i FROM c;")
        let md = ReportWriter.render(ReportDocument(session: h.session, folder: URL(fileURLWithPath: "/")), as: .markdown)
        // Counts in a report read with their digits grouped.
        #expect(Transcript.maxTableRows == 5_000)
        #expect(md.contains("| 5000 |\n\n_7 more rows not shown (5,007 in all)._\n"))
        #expect(!md.contains("| \(Transcript.maxTableRows + 1) |"))
    }

    @Test func reportCommandWritesByExtensionAndRejectsOthers() throws {
        let scratch = try ScratchFolder()
        let h = try SessionHarness(folder: scratch.url)
        #expect(h.run("SELECT 1 AS one;\nexport report r.md --title 'Q3 pack'\nexport report r.html\nexport report r.txt") == 1)
        #expect(try scratch.read("r.md").hasPrefix("# Q3 pack\n\nProduced by svw"))
        #expect(try scratch.read("r.html").hasPrefix("<!DOCTYPE html>\n"))
        #expect(h.capture.err.hasSuffix("test:4: export report: r.txt: name the file .md or .html to choose the format\n"))
        // A report leaves earlier reports out of the story.
        #expect(!(try scratch.read("r.html")).contains("export report r.md"))
    }

    /// A replayed notebook's prose reaches the report: introduction under the title, each
    /// cell's comment with its output; paragraphs stay paragraphs, indented lines stay as typed.
    @Test func notebookProseIsPartOfTheReport() throws {
        let scratch = try ScratchFolder()
        try scratch.write("nb.svw", """
            # svw notebook: ones and twos.
            #
            # Why: the board asked
            # twice.
            #   svw run nb.svw

            -- The first <one>.
            SELECT 1 AS number_of_things_seen;
            """)
        let h = try SessionHarness(folder: scratch.url)
        #expect(h.run("run nb.svw --report r.html\nrun nb.svw --report r.md") == 0)
        let html = try scratch.read("r.html")
        #expect(html.contains("<title>Ones and twos</title>"))
        #expect(html.contains("<div class=\"introduction\">\n<p>Why: the board asked twice.</p>\n<pre class=\"prose\">svw run nb.svw</pre>\n</div>\n"))
        #expect(html.contains("<h2><code>SELECT 1 AS number_of_things_seen;</code></h2>\n<div class=\"notes\">\n<p>The first &lt;one&gt;.</p>\n</div>\n"))
        // long snake_case headers may break after an underscore
        #expect(html.contains("<th scope=\"col\" class=\"num\">number_<wbr />of_<wbr />things_<wbr />seen</th>"))
        #expect(!HTMLReport.table(ResultSet(columns: ["contract_id"], rows: [[.text("C1")]])).contains("wbr"))   // short ones stay whole
        let md = try scratch.read("r.md")
        #expect(md.hasPrefix("# Ones and twos\n\nProduced by svw \(SVWVersion.current) from 1 recorded command.\n\nWhy: the board asked twice.\n\n```text\nsvw run nb.svw\n```\n"))
        #expect(md.contains("### `SELECT 1 AS number_of_things_seen;`\n\nThe first \\<one\\>.\n"))
    }

    /// Provenance names files relative to the report when they share a folder below the
    /// root, and by their absolute path when `../../..` would only climb to the root.
    @Test func provenancePathsReadSensibly() {
        #expect(RelativePath.shown(from: URL(fileURLWithPath: "/data/reports"), to: URL(fileURLWithPath: "/data/c.csv")) == "../c.csv")
        #expect(RelativePath.shown(from: URL(fileURLWithPath: "/tmp/out"), to: URL(fileURLWithPath: "/srv/data/c.csv")) == "/srv/data/c.csv")
        #expect(RelativePath.shown(from: URL(fileURLWithPath: "/"), to: URL(fileURLWithPath: "/c.csv")) == "/c.csv")
    }

    @Test func sameSessionGivesTheSameReport() throws {
        let a = try session(), b = try session()
        let folder = URL(fileURLWithPath: "/data")
        #expect(ReportWriter.render(ReportDocument(session: a.session, folder: folder), as: .html)
                == ReportWriter.render(ReportDocument(session: b.session, folder: folder), as: .html))
    }
}

/// Collects element names and text content while XMLParser checks well-formedness.
final class SessionXMLCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var text = ""
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(elementName)
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
