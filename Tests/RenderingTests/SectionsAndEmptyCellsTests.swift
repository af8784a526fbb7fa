import Foundation
import Testing
import SVWDatabase
@testable import SVWRendering

/// Several tables as one output, and how an analysis's intentionally empty cells read.
@Suite struct SectionsAndEmptyCellsTests {
    static var analysis: ResultSet {
        var result = Fixtures.board()
        result.emptyCellText = "–"
        return result
    }

    @Test func emptyCellsReadAsADashForPeopleOnly() {
        #expect(Renderer.render(Self.analysis, mode: .table) == """
            partner          awarded  share  contracts
            ---------  -------------  -----  ---------
            Stockport  £1,234,567.89  28.0%        412
            Trafford          -£5.00   5.0%          9
            Rochdale               –      –          0

            """)
        #expect(Renderer.render(Self.analysis, mode: .line).contains("awarded = –\n"))
        #expect(Renderer.render(Self.analysis, mode: .markdown).contains("| Rochdale  |             – |     – |         0 |"))
        #expect(Renderer.render(Self.analysis, mode: .box).contains("│ Rochdale  │             – │     – │         0 │"))
        // the machine modes keep NULL as NULL: an empty field, and null
        #expect(Renderer.render(Self.analysis, mode: .csv).hasSuffix("Rochdale,,,0\n"))
        #expect(Renderer.render(Self.analysis, mode: .tsv).hasSuffix("Rochdale\t\t\t0\n"))
        #expect(Renderer.render(Self.analysis, mode: .json).contains("{\"partner\":\"Rochdale\",\"awarded\":null,\"share\":null,\"contracts\":0}"))
        // a plain SQL result (no emptyCellText) still shows NULL, visibly distinct
        #expect(Renderer.render(Fixtures.board(), mode: .table).contains("Rochdale            NULL   NULL"))
    }

    @Test func figureColumnsAreShownAsWrittenAndRightAligned() {
        let result = ResultSet(columns: ["figure", "2020/21"], rows: [[.text("Awarded"), .text("£1.00")], [.text("Share"), .text("28.0%")]],
                               kinds: [.plain, .figure])
        #expect(Renderer.render(result, mode: .table) == """
            figure   2020/21
            -------  -------
            Awarded    £1.00
            Share      28.0%

            """)
    }

    static let sections = [
        ResultSection(name: "profile", result: ResultSet(columns: ["id", "name"], rows: [[.text("S1"), .text("Acme, Ltd")]])),
        ResultSection(name: "contracts", result: ResultSet(columns: ["year", "awarded"], rows: [[.text("2020/21"), .integer(12_345)],
                                                                                                [.text("Total"), .null]],
                                                           kinds: [.plain, .money])),
        ResultSection(name: "commitments", result: ResultSet(columns: ["measure"], rows: [])),
    ]

    @Test func severalSectionsAreOneJSONDocument() throws {
        let text = Renderer.render(sections: Self.sections, mode: .json)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: [[String: Any]]])
        #expect(Set(parsed.keys) == ["profile", "contracts", "commitments"])
        #expect(parsed["profile"]?.first?["name"] as? String == "Acme, Ltd")
        #expect((parsed["contracts"]?.first?["awarded"] as? NSNumber)?.doubleValue == 123.45)
        #expect(parsed["contracts"]?.last?["awarded"] is NSNull)
        #expect(parsed["commitments"]?.isEmpty == true)
        // keys in the order given, so the document reads like the human output
        #expect(text.hasPrefix("{\"profile\":[") && text.contains("],\n\"contracts\":[") && text.hasSuffix("\"commitments\":[]}\n"))
        // one section is written as that table alone: an array, as for any single result
        let one = Renderer.render(sections: [Self.sections[1]], mode: .json)
        #expect(one == Renderer.render(Self.sections[1].result, mode: .json))
    }

    @Test func severalSectionsInCSVAreBlocksSeparatedByABlankLine() {
        #expect(Renderer.render(sections: Self.sections, mode: .csv) == """
            id,name
            S1,"Acme, Ltd"

            year,awarded
            2020/21,123.45
            Total,

            measure

            """)
        let tsv = Renderer.render(sections: Self.sections, mode: .tsv)
        #expect(tsv.components(separatedBy: "\n\n").count == 3)
    }
}
