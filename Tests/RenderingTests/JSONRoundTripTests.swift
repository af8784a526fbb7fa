import Foundation
import Testing
import SVWDatabase
@testable import SVWRendering

/// json output parsed back (by Foundation's parser) must give the query's values,
/// with numbers as numbers and NULL as null.
@Suite struct JSONRoundTripTests {
    @Test func jsonParsesBackToTheQueryResult() throws {
        let result = try Fixtures.awkward()
        let text = Renderer.render(result, mode: .json)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed.count == result.rows.count)
        for (row, object) in zip(result.rows, parsed) {
            #expect(object.count == result.columns.count)
            for (name, value) in zip(result.columns, row) {
                let parsedValue = try #require(object[name], "column \(name) missing")
                switch value {
                case .null: #expect(parsedValue is NSNull)
                case .integer(let n): #expect((parsedValue as? NSNumber)?.int64Value == n)
                case .real(let d): #expect((parsedValue as? NSNumber)?.doubleValue == d)
                case .text(let s): #expect(parsedValue as? String == s)
                case .blob: Issue.record("no blobs in the fixture")
                }
            }
        }
    }

    @Test func integersBeyondDoublePrecisionAreWrittenExactly() throws {
        let text = Renderer.render(try Fixtures.awkward(), mode: .json)
        #expect(text.contains("9007199254740993"))
        #expect(text.contains("-9223372036854775808"))
    }

    @Test func keysFollowColumnOrder() throws {
        let text = Renderer.render(Fixtures.board(), mode: .json)
        let first = text.split(separator: "\n")[0]
        #expect(first == #"[{"partner":"Stockport","awarded":1234567.89,"share":28.0,"contracts":412},"#)
    }

    @Test func moneyIsAPoundsNumberExactToThePenny() throws {
        let text = Renderer.render(Fixtures.board(), mode: .json)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let awarded = parsed.map { ($0["awarded"] as? NSNumber).map { Int64(($0.doubleValue * 100).rounded()) } }
        #expect(awarded == [123_456_789, -500, nil])
        #expect(parsed[2]["share"] is NSNull)
    }

    @Test func nonFiniteRealsBecomeNull() throws {
        let result = ResultSet(columns: ["x"], rows: [[.real(.infinity)], [.real(.nan)]])
        let text = Renderer.render(result, mode: .json)
        #expect(text == "[{\"x\":null},\n{\"x\":null}]\n")
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [Any])
    }

    @Test func emptyResultIsAnEmptyArray() {
        #expect(Renderer.render(ResultSet(columns: ["a"], rows: []), mode: .json) == "[]\n")
    }
}
