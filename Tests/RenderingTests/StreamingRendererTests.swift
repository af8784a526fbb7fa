import Testing
import SVWDatabase
@testable import SVWRendering

/// Streamed csv, tsv and json are the whole-result text, cut into pieces.
@Suite struct StreamingRendererTests {
    func streamed(_ result: ResultSet, _ mode: OutputMode, batch: Int, options: RenderOptions = RenderOptions()) throws -> String {
        var renderer = try #require(StreamingRenderer(mode: mode, columns: result.columns, kinds: result.kinds, options: options))
        var out = renderer.begin()
        var index = 0
        repeat {
            out += renderer.rows(Array(result.rows[index..<min(index + batch, result.rows.count)]))
            index += batch
        } while index < result.rows.count
        return out + renderer.end()
    }

    @Test func piecesConcatenateToTheWholeText() throws {
        let empty = ResultSet(columns: ["a", "b"], rows: [])
        for result in [try Fixtures.awkward(), Fixtures.board(), empty] {
            for mode in [OutputMode.csv, .tsv, .json] {
                for headers in [true, false] {
                    var options = RenderOptions()
                    options.showHeaders = headers
                    let whole = Renderer.render(result, mode: mode, options: options)
                    for batch in [1, 2, 1000] {
                        #expect(try streamed(result, mode, batch: batch, options: options) == whole, "\(mode) batch \(batch)")
                    }
                }
            }
        }
    }

    @Test func gridModesDoNotStream() {
        for mode in [OutputMode.box, .table, .markdown, .line] {
            #expect(StreamingRenderer(mode: mode, columns: ["a"], options: RenderOptions()) == nil)
        }
    }

    /// A cancelled render stops early instead of drawing every row.
    @Test func cancellationStopsEveryRenderer() {
        let rows = (0..<10_000).map { [SQLValue.integer(Int64($0)), .text("row \($0)")] }
        let result = ResultSet(columns: ["n", "label"], rows: rows)
        var options = RenderOptions()
        options.cancellation = RenderCancellation { true }
        for mode in OutputMode.allCases {
            let text = Renderer.render(result, mode: mode, options: options)
            #expect(!text.contains("row 9999"), "\(mode)")
        }
        options.cancellation = RenderCancellation { false }
        for mode in OutputMode.allCases {
            #expect(Renderer.render(result, mode: mode, options: options).contains("row 9999"), "\(mode)")
        }
    }
}
