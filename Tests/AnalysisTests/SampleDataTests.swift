import Foundation
import SVWScript
import Testing
import SVWAnalysis
import SVWDatabase
import SVWRendering
@testable import SVWCommands

/// The bundled sample data, loaded the way `svw --sample` loads it. These tests run once
/// SampleData/ and the `load` command exist (they come from the foundation work); until
/// then Swift Testing reports them as skipped, not passed.
enum SampleData {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("SampleData")

    static var available: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("contracts.csv").path)
            && CommandRegistry.command(named: "load") != nil
    }

    static func harness(mode: OutputMode) throws -> Harness {
        let h = try Harness(mode: mode, empty: true)
        h.session.baseDirectory = folder
        let load = h.run("load sample")
        guard load.failures == 0 else { throw CommandError.failed("load sample failed: \(load.err)") }
        return h
    }
}

@Suite(.enabled(if: SampleData.available, "needs SampleData/ and the load command"))
struct SampleDataTests {
    @Test func headline2020MatchesThePublishedFigures() throws {
        let h = try SampleData.harness(mode: .table)
        let out = h.run("headline 2020/21 --no-chart").out
        let lines = out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        // published: 28% of the value awarded came back as social value, £60m; 77% of winning
        // businesses in GM; £1m through the service's own workforce
        #expect(lines.contains { $0.hasPrefix("28%") && $0.contains("committed as social value: £60m") }, "\(out)")
        #expect(lines.contains { $0.hasPrefix("77%") && $0.contains("of winning businesses are GM businesses") }, "\(out)")
        #expect(lines.contains { $0.hasPrefix("£1m") && $0.contains("own workforce") }, "\(out)")
        // the same figures, exact, against hand-written SQL over the raw tables
        let db = h.session.db
        let check = try db.query("""
            WITH y AS (SELECT * FROM contracts WHERE award_date BETWEEN '2020-04-01' AND '2021-03-31'),
            edition AS (SELECT value FROM settings WHERE key = 'measures_edition')
            SELECT (SELECT sum(value_pence) FROM y),
                   (SELECT sum(CAST(round(k.units_committed * m.proxy_pence) AS INTEGER))
                      FROM commitments k JOIN y ON y.contract_id = k.contract_id
                      JOIN measures m ON m.code = k.measure_code AND m.edition = (SELECT value FROM edition)),
                   (SELECT sum(CAST(round(coalesce(k.units_delivered, 0) * m.proxy_pence) AS INTEGER))
                      FROM commitments k JOIN measures m ON m.code = k.measure_code AND m.edition = (SELECT value FROM edition)
                     WHERE k.contract_id IS NULL AND k.reporting_date BETWEEN '2020-04-01' AND '2021-03-31')
            """).rows[0]
        let headline = try Headline.run(db, year: "2020/21", filter: Filter()).firstRow
        #expect(headline["awarded"] == check[0])
        #expect(headline["sv_committed"] == check[1])
        #expect(headline["own_workforce_sv"] == check[2])
        let pct = try #require(headline["sv_committed_pct"]?.double)
        #expect(pct >= 27.5 && pct < 28.5)
        let gm = try #require(headline["gm_suppliers_pct"]?.double)
        #expect(gm >= 76.5 && gm < 77.5)
        let mean = try #require(headline["mean_weighting"]?.double)
        #expect(mean >= 20)
    }

    @Test func everyAnalysisExampleRunsOnTheSampleData() throws {
        let h = try SampleData.harness(mode: .table)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svw-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        h.session.baseDirectory = dir
        for spec in AnalysisCommands.specs {
            for example in spec.examples {
                let r = h.run(example)
                #expect(r.failures == 0, "\(example): \(r.err)")
            }
        }
        h.run("filter clear")
    }
}
