import Foundation
import Testing
import TestSupport

/// Loads the bundled SampleData through the real binary and recomputes the published
/// 2020/21 figures with SQL written here, independently of the schema's views and of
/// the analysis commands.
@Suite struct SampleDataFiguresTests {
    static let figuresSQL = """
        WITH year AS (SELECT contract_id, supplier_id, value_pence, sv_weighting FROM contracts
                       WHERE award_date BETWEEN '2020-04-01' AND '2021-03-31'),
             gm AS (SELECT outward_code FROM postcode_districts GROUP BY outward_code HAVING sum(share) > 0.5)
        SELECT
          (SELECT sum(value_pence) FROM year) AS awarded,
          (SELECT sum(CAST(round(k.units_committed * m.proxy_pence) AS INTEGER))
             FROM commitments k JOIN year y ON y.contract_id = k.contract_id
             JOIN measures m ON m.code = k.measure_code) AS committed,
          (SELECT sum(CAST(round(coalesce(k.units_delivered, 0) * m.proxy_pence) AS INTEGER))
             FROM commitments k JOIN year y ON y.contract_id = k.contract_id
             JOIN measures m ON m.code = k.measure_code) AS delivered,
          (SELECT count(DISTINCT y.supplier_id) FROM year y) AS winners,
          (SELECT count(DISTINCT y.supplier_id) FROM year y JOIN suppliers s ON s.supplier_id = y.supplier_id
            WHERE s.district IN (SELECT outward_code FROM gm)
              AND s.postcode_status = 'ok') AS gm_winners,
          (SELECT sum(CAST(round(coalesce(k.units_delivered, 0) * m.proxy_pence) AS INTEGER))
             FROM commitments k JOIN measures m ON m.code = k.measure_code
            WHERE k.contract_id IS NULL AND k.reporting_date BETWEEN '2020-04-01' AND '2021-03-31') AS own_workforce,
          (SELECT avg(sv_weighting) FROM year WHERE value_pence > 2500000 AND sv_weighting IS NOT NULL) AS mean_weighting,
          (SELECT count(DISTINCT edition) FROM measures) AS editions
        """

    struct Figures {
        let awarded, committed, delivered, winners, gmWinners, ownWorkforce: Double
        let meanWeighting: Double
        let editions: Int
    }

    static func figures(_ csv: String) throws -> Figures {
        let lines = csv.split(separator: "\n")
        try #require(lines.count == 2, "unexpected output: \(csv)")
        let v = lines[1].split(separator: ",", omittingEmptySubsequences: false).map { Double($0) ?? .nan }
        // Money columns come back from raw SQL as integer pence.
        return Figures(awarded: v[0], committed: v[1], delivered: v[2], winners: v[3], gmWinners: v[4],
                       ownWorkforce: v[5], meanWeighting: v[6], editions: Int(v[7]))
    }

    @Test func reproducesThePublished2020_21Figures() throws {
        let r = try SVWBinary.run(["--sample", "--format", "csv", "-c", Self.figuresSQL])
        #expect(r.status == 0, "\(r.err)")
        let f = try Self.figures(r.out)
        #expect(f.editions == 1)
        let share = f.committed / f.awarded * 100
        #expect((27.5..<28.5).contains(share), "committed SV is \(share)% of awarded")
        #expect((5_950_000_000.0...6_050_000_000.0).contains(f.committed), "committed \(f.committed / 100) pounds")
        #expect(f.delivered < f.committed)
        #expect((f.gmWinners / f.winners * 100).rounded() == 77, "\(f.gmWinners) of \(f.winners) winners in GM")
        #expect((95_000_000.0...105_000_000.0).contains(f.ownWorkforce), "own workforce \(f.ownWorkforce / 100)")
        #expect(f.meanWeighting >= 20)
    }

    /// The published lines read as the board paper did: 28%, £60m, 77%, £1m, counts with separators.
    @Test func headlineLinesReadAsPublished() throws {
        let r = try SVWBinary.run(["--sample", "--format", "table", "-c", "headline 2020/21"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("""
            Headline figures — 2020/21
              £214m  awarded in 1,332 contracts
                28%  of the value awarded committed as social value: £60m (TOMs £ committed by winning suppliers)
                12%  delivered to date: £25m
                77%  of winning businesses are GM businesses (539 of 700; 15 with an unknown postcode)
                £1m  social value delivered through the service's own workforce
                21%  mean social value weighting on contracts over £25k (value-weighted 23%)
                885  contracts over £25k; 684 over £50k

            """))
    }

    /// A published whole percent is rounded once, from the exact share: 2019/20's mean weighting
    /// is 17.46% (17.5% to one decimal) and reads 17%, not 18%; 2021/22's delivered share is
    /// 3.48% (3.5%) and reads 3%, not 4%. Both exact shares are recomputed here in SQL.
    @Test func publishedPercentsAreRoundedOnceFromExactValues() throws {
        let exact = try SVWBinary.run(["--sample", "--format", "csv", "-c", """
            SELECT (SELECT avg(sv_weighting) FROM contracts
                     WHERE award_date BETWEEN '2019-04-01' AND '2020-03-31' AND value_pence > 2500000) AS weighting_2019,
                   (SELECT 100.0 * sum(CAST(round(coalesce(k.units_delivered, 0) * m.proxy_pence) AS INTEGER))
                           / (SELECT sum(value_pence) FROM contracts WHERE award_date BETWEEN '2021-04-01' AND '2022-03-31')
                      FROM commitments k JOIN contracts c ON c.contract_id = k.contract_id
                      JOIN measures m ON m.code = k.measure_code
                     WHERE c.award_date BETWEEN '2021-04-01' AND '2022-03-31') AS delivered_2021
            """])
        let values = try #require(exact.out.split(separator: "\n").last).split(separator: ",").compactMap { Double($0) }
        try #require(values.count == 2, "\(exact.out)\(exact.err)")
        #expect((17.45..<17.5).contains(values[0]), "2019/20 mean weighting \(values[0])")
        #expect((3.45..<3.5).contains(values[1]), "2021/22 delivered share \(values[1])")
        let y2019 = try SVWBinary.run(["--sample", "--format", "table", "-c", "headline 2019/20"])
        #expect(y2019.out.contains("\n    17%  mean social value weighting on contracts over £25k"), "\(y2019.out)")
        #expect(y2019.out.contains("Mean SV weighting (over £25k)                         17.5%"), "the table keeps one decimal")
        let y2021 = try SVWBinary.run(["--sample", "--format", "table", "-c", "headline 2021/22"])
        #expect(y2021.out.contains("\n     3%  delivered to date: £8.3m"), "\(y2021.out)")
    }

    @Test func loadingTheSampleAgainChangesNothing() throws {
        // Every row of every data table, in a fixed order: the second load must leave them identical.
        let dump = """
            SELECT 'S', * FROM suppliers ORDER BY supplier_id;
            SELECT 'C', * FROM contracts ORDER BY contract_id;
            SELECT 'K', * FROM commitments ORDER BY commitment_id;
            SELECT 'M', * FROM measures ORDER BY code, edition;
            SELECT 'P', * FROM postcode_districts ORDER BY outward_code, authority;
            SELECT 'R', count(*) FROM rejects;
            """
        let once = try SVWBinary.run(["--sample", "--format", "csv", "-c", dump])
        let twice = try SVWBinary.run(["--sample", "--format", "csv", "-c", "load sample; " + dump])
        #expect(once.status == 0 && twice.status == 0, "\(once.err)\(twice.err)")
        #expect(once.out.count > 1_000_000)
        #expect(once.out == twice.out)
        #expect(twice.err.contains("replaced"))
    }
}
