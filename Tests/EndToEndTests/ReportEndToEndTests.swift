import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// Reports written by the real binary: well-formed, self-contained, with the figures in them.
@Suite struct ReportEndToEndTests {
    @Test func htmlReportOfANotebookRun() throws {
        let scratch = try ScratchFolder()
        let run = try SVWBinary.run(["run", "Notebooks/example-sql.svw", "--report", scratch.file("board.html").path],
                                    in: SVWBinary.packageRoot)
        #expect(run.status == 0, "\(run.err)")
        let html = try scratch.read("board.html")
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />"))
        // The notebook's title line titles the report; its header comment introduces it,
        // and the comment above each statement goes with that statement's output.
        #expect(html.contains("<title>A worked example in plain SQL</title>"))
        #expect(html.contains("<div class=\"introduction\">\n<p>Which partners awarded the most in a financial year, and how much social value their suppliers committed."))
        #expect(!html.contains("Re-run it from the repository root"))
        #expect(html.contains("<div class=\"notes\">\n<p>The year&#39;s awards by partner, largest first.</p>\n</div>\n"))
        #expect(html.contains("<div class=\"notes step\">\n<p>Money is held as integer pence, so every sum is exact.</p>\n</div>\n<p class=\"step\"><code>CREATE TABLE awards ("))
        #expect(html.contains("<td class=\"num\">£4,849,623.45</td>"))   // printf'd amounts line up as numbers
        #expect(html.contains("<tr><th scope=\"row\"><code>year</code></th><td><code>2020/21</code></td></tr>"))
        // Nothing is fetched: no remote references, no scripts, no stylesheet links.
        for banned in ["http://", "https://", "<script", "<link", "@import", "url("] {
            #expect(!html.contains(banned), "report contains \(banned)")
        }
        let sources = html.components(separatedBy: "src=\"").dropFirst()
        #expect(sources.allSatisfy { $0.hasPrefix("data:") })
    }

    @Test func reportCommandInsideTheShellWritesMarkdown() throws {
        let scratch = try ScratchFolder()
        let run = try SVWBinary.run(["-c", "SELECT 'a|b' AS x, 2 AS n; export report out.md --title 'Pack'"], in: scratch.url)
        #expect(run.status == 0, "\(run.err)")
        #expect(try scratch.read("out.md") == """
            # Pack

            Produced by svw 0.1.0 from 1 recorded command.

            ### `SELECT 'a|b' AS x, 2 AS n;`

            | x | n |
            |---|--:|
            | a\\|b | 2 |

            """)
    }
}
