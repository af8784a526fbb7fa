import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import SVWAnalysis
import SVWDatabase
@testable import SVWRendering

@Suite struct ChartTests {
    static let bars = Chart(title: "Awarded value by location",
                            labels: ["Inside GM", "Outside GM", "Unknown <postcode> & \"other\""],
                            series: [Chart.Series(name: "awarded", values: [25_500_001, 31_000_000, 4_000_000])],
                            format: .money)

    @Test func textBarsScaleToTheLargestInEighths() {
        let text = TextChart.render(Self.bars, width: 80)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Awarded value by location")
        // label column 28 wide (the longest label) + 2, value column "£255k" 5 wide: 80 − 30 − 1 − 5 = 44 cells
        #expect(lines[2] == "Outside GM" + String(repeating: " ", count: 20) + String(repeating: "█", count: 44) + " £310k")
        // 25,500,001 / 31,000,000 × 44 × 8 = 289.5 eighths → 290 → 36 full cells and 2/8 (▎)
        #expect(lines[1].filter { $0 == "█" }.count == 36)
        #expect(lines[1].contains("█▎ ") && lines[1].hasSuffix(" £255k"))
        // 4,000,000 / 31,000,000 × 352 = 45.4 → 45 → 5 cells and 5/8 (▋)
        #expect(lines[3].filter { $0 == "█" }.count == 5)
        #expect(lines[3].contains("█▋ ") && lines[3].hasSuffix(" £40k"))
        #expect(lines[4] == "")
        #expect(TextChart.bar(0.001, maximum: 100, width: 40) == "▏")   // tiny but not nothing
        #expect(TextChart.bar(0, maximum: 100, width: 40) == "")
        #expect(TextChart.bar(nil, maximum: 100, width: 40) == "")
    }

    @Test func twoSeriesShareAScale() {
        let chart = Chart(title: "t", labels: ["Jobs"], series: [Chart.Series(name: "committed", values: [200]),
                                                                  Chart.Series(name: "delivered", values: [100])],
                          format: .count)
        let lines = TextChart.render(chart, width: 40).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("Jobs  committed █"))
        #expect(lines[2].hasPrefix("      delivered █"))
        let full = lines[1].filter { $0 == "█" }.count
        let half = lines[2].filter { $0 == "█" }.count
        #expect(full == 2 * half)
    }

    @Test func valueText() {
        #expect(Self.bars.text(25_500_001) == "£255k")
        #expect(Self.bars.text(2_550_000_01) == "£2.55m")
        #expect(Self.bars.text(123_456) == "£1.23k")      // £1,234.56: rounded once, from pence
        #expect(Self.bars.text(99_999_999) == "£1m")
        #expect(Self.bars.text(99_949_999) == "£999k")
        #expect(Self.bars.text(99_999_999_999) == "£1bn")
        #expect(Self.bars.text(51_249) == "£512")
        #expect(Self.bars.text(nil) == "–")
        let pct = Chart(title: "", labels: ["a"], series: [Chart.Series(name: "s", values: [28.04])], format: .percent)
        #expect(pct.text(28.04) == "28.0%")
    }

    @Test func svgIsWellFormedAndCarriesLabelsAndValues() throws {
        let svg = SVGChart.render(Self.bars)
        let parsed = try SVGContents(svg)
        #expect(parsed.root == "svg")
        #expect(parsed.texts.contains("Awarded value by location"))
        #expect(parsed.texts.contains("Inside GM"))
        #expect(parsed.texts.contains("Unknown <postcode> & \"other\""))   // escaped in the file, intact once parsed
        #expect(parsed.texts.contains("£255k") && parsed.texts.contains("£310k") && parsed.texts.contains("£40k"))
        #expect(parsed.texts.contains("£0"))          // the axis starts at zero
        #expect(parsed.rects == 1 + 3)                  // background + one bar per label
        #expect(svg.contains("width=\"800\""))
        #expect(SVGChart.render(Self.bars) == svg)      // deterministic
        #expect(!svg.contains("<script") && !svg.contains("href"))
    }

    @Test func histogramSVGFromAnAnalysis() throws {
        let db = try Fixture.db()
        let h = try Weighting.histogram(db, filter: Filter(year: "2020/21"))
        let chart = try #require(Chart.from(h.result, title: "Contracts by weighting", label: "bin", values: ["contracts"],
                                            style: .histogram))
        #expect(chart.labels == ["0–5%", "5–10%", "10–15%", "15–20%", "20–25%", "25–30%", "≥30%"])   // Total left out
        #expect(chart.format == .count)
        let parsed = try SVGContents(SVGChart.render(chart))
        for label in chart.labels { #expect(parsed.texts.contains(label)) }
        #expect(parsed.texts.contains("3") && parsed.texts.contains("1"))
        let themes = try Themes.run(db, filter: Filter())
        let two = try #require(Chart.from(themes.result, title: "SV", label: "theme", values: ["committed", "delivered"],
                                          excluding: ["Total", "Measure not in edition"]))
        #expect(two.format == .money && two.series.count == 2)
        let legend = try SVGContents(SVGChart.render(two))
        #expect(legend.texts.contains("committed") && legend.texts.contains("delivered"))
        #expect(legend.texts.contains("£3k"))   // Jobs committed 300,000p
    }
}

/// An SVG parsed with Foundation's XMLParser: fails on anything not well-formed.
struct SVGContents {
    var root = ""
    var texts: [String] = []
    var rects = 0

    init(_ svg: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.coderReadCorrupt)
        }
        root = delegate.root ?? ""
        texts = delegate.texts
        rects = delegate.rects
    }

    final class Collector: NSObject, XMLParserDelegate {
        var root: String?
        var texts: [String] = []
        var rects = 0
        private var current: String?
        private var buffer = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root == nil { root = name }
            if name == "rect" { rects += 1 }
            if name == "text" { current = name; buffer = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if current != nil { buffer += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { texts.append(buffer); current = nil }
        }
    }
}
