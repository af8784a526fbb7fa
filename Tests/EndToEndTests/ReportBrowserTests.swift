import Foundation
import Testing
import TestSupport

/// The HTML report as a browser shows it: headless Chromium loads a report the real binary
/// wrote and hands back the page it built (`--dump-dom`) and its console (`--enable-logging`).
/// The report's Content-Security-Policy blocks any request or script, and the browser logs
/// each blocked one to the console, so a quiet console means nothing was fetched or run.
/// Skipped, saying so, on a machine with no Chromium.
@Suite(.serialized) struct ReportBrowserTests {
    /// Set SVW_CHROMIUM to a browser binary to use that one.
    static let browser: String? = {
        if let chosen = ProcessInfo.processInfo.environment["SVW_CHROMIUM"], !chosen.isEmpty { return chosen }
        let names = ["chromium-headless-shell", "headless_shell", "chromium", "chromium-browser", "google-chrome"]
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }()

    struct Page {
        let dom: String
        /// What the page wrote to its console: script errors, blocked requests.
        let console: [String]
    }

    static func load(_ file: URL, profile: URL) throws -> Page {
        let run = try SVWBinary.run(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr",
                                     "--v=0", "--user-data-dir=" + profile.path, "--dump-dom", file.absoluteString],
                                    executable: URL(fileURLWithPath: try #require(browser)))
        #expect(run.status == 0, "\(run.err)")
        let console = run.err.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
        return Page(dom: run.out, console: console)
    }

    @Test(.enabled(if: browser != nil, "skipped: no headless Chromium on this machine (looked for chromium-headless-shell, headless_shell, chromium, chromium-browser, google-chrome on PATH; SVW_CHROMIUM names one)"))
    func theHTMLReportLoadsInChromiumWithNoConsoleErrorsAndNoRequests() throws {
        let scratch = try ScratchFolder()
        let sample = SVWBinary.packageRoot.appendingPathComponent("SampleData").path
        let run = try SVWBinary.run(["-c", "load sample '\(sample)'; themes 2020/21; geography 2020/21 --by partner; "
                                      + "SELECT 1332 AS n; export report board.html --title 'Social value 2020/21'"], in: scratch.url)
        #expect(run.status == 0, "\(run.err)")
        let page = try Self.load(scratch.file("board.html"), profile: scratch.file("profile"))
        #expect(page.console.isEmpty, "the console: \(page.console)")
        // The page Chromium built from it: titled as asked, columns headed in words, counts grouped.
        #expect(page.dom.contains("<title>Social value 2020/21</title>"))
        #expect(page.dom.contains("<h1>Social value 2020/21</h1>"))
        #expect(page.dom.contains("<th scope=\"col\" class=\"num\">Committed, % of awarded</th>"))
        #expect(page.dom.contains("<th scope=\"col\" class=\"num\">GM share of suppliers</th>"))
        #expect(page.dom.contains("<td class=\"num\">1,836</td>"), "Jobs' commitments, grouped")
        #expect(!page.dom.contains("committed_pct_awarded"))
        // The caveat comes before the first table.
        let caveat = try #require(page.dom.range(of: "class=\"caveat\""))
        let firstTable = try #require(page.dom.range(of: "<table"))
        #expect(caveat.lowerBound < firstTable.lowerBound)
        // Nothing in the page points outside it.
        for reference in ["src=\"http", "href=\"http", "url(http", "<script"] {
            #expect(!page.dom.contains(reference), "\(reference)")
        }
        #expect(page.dom.components(separatedBy: "<img ").count - 1 == 2, "both charts are in the page")

        // The check can fail: the same report with one outside image is blocked, and the console says so.
        let html = try scratch.read("board.html")
        try html.replacingOccurrences(of: "</body>", with: "<img alt=\"\" src=\"https://example.invalid/beacon.png\" />\n</body>")
            .write(to: scratch.file("tampered.html"), atomically: true, encoding: .utf8)
        let tampered = try Self.load(scratch.file("tampered.html"), profile: scratch.file("profile2"))
        #expect(tampered.console.contains { $0.contains("https://example.invalid/beacon.png") && $0.contains("Content Security Policy") },
                "\(tampered.console)")
    }
}
