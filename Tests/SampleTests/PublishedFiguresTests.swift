import Testing
@testable import SVWSample

/// The published 2020/21 figures, recomputed from the CSV files with the project's definitions.
@Suite("Published figures")
struct PublishedFiguresTests {
    @Test("SampleData 2020/21: 28% of awarded value committed, about £60m")
    func committedSocialValue() throws {
        let year = try #require(SampleFixtures.committed.figures()["2020/21"])
        #expect(year.committedPercent >= 27.5 && year.committedPercent <= 28.5, "committed \(year.committedPercent)%")
        #expect(year.committedPence >= 5_950_000_000 && year.committedPence <= 6_050_000_000, "committed \(year.committedPence)p")
        #expect(year.awardedPence >= 20_900_000_000 && year.awardedPence <= 22_000_000_000, "awarded \(year.awardedPence)p")
        #expect(year.deliveredPence < year.committedPence, "delivery to date is below the commitments")
        #expect(year.deliveredPence > 0)
    }

    @Test("SampleData 2020/21: 77% of distinct winning suppliers are GM (majority rule, unknown in the denominator)")
    func gmShareOfWinners() throws {
        let year = try #require(SampleFixtures.committed.figures()["2020/21"])
        #expect(year.gmPercent.rounded() == 77, "GM \(year.gmSuppliers)/\(year.suppliers)")
        #expect(year.unknownSuppliers > 0, "some winners have a missing or malformed postcode")
    }

    @Test("SampleData 2020/21: £1m delivered through the service's own workforce")
    func ownWorkforce() throws {
        let year = try #require(SampleFixtures.committed.figures()["2020/21"])
        #expect(year.ownWorkforcePence >= 95_000_000 && year.ownWorkforcePence <= 105_000_000, "own workforce \(year.ownWorkforcePence)p")
    }

    @Test("SampleData 2020/21: mean SV weighting on contracts over £25,000 is at least 20%")
    func meanWeighting() throws {
        let year = try #require(SampleFixtures.committed.figures()["2020/21"])
        #expect(year.meanWeighting >= 20, "mean weighting \(year.meanWeighting)")
        #expect(year.weightings.count > 500)
    }

    @Test("SampleData: the other years differ, so trends mean something")
    func otherYearsDiffer() throws {
        let figures = SampleFixtures.committed.figures()
        #expect(figures.keys.sorted() == ["2019/20", "2020/21", "2021/22"])
        let before = try #require(figures["2019/20"]), now = try #require(figures["2020/21"]), after = try #require(figures["2021/22"])
        #expect(before.committedPercent < now.committedPercent - 3 && now.committedPercent < after.committedPercent - 1)
        #expect(before.gmPercent.rounded() == 72 && after.gmPercent.rounded() == 79)
        #expect(before.ownWorkforcePence < now.ownWorkforcePence && now.ownWorkforcePence < after.ownWorkforcePence)
        #expect(before.meanWeighting < 20, "2019/20 falls short of the 20% policy")
        #expect(before.awardedPence != now.awardedPence && now.awardedPence != after.awardedPence)
    }

    @Test("Any size keeps the 2020/21 percentages; amounts scale with the contract count", arguments: [(600, UInt64(99)), (1_500, UInt64(7))])
    func percentagesHoldAtOtherSizes(contracts: Int, seed: UInt64) throws {
        let set = try SampleSet(output: SampleFixtures.generated(contracts: contracts, seed: seed))
        let year = try #require(set.figures()["2020/21"])
        let scale = Double(contracts) / 4000
        #expect(year.committedPercent >= 27.5 && year.committedPercent <= 28.5, "committed \(year.committedPercent)%")
        #expect(year.gmPercent.rounded() == 77, "GM \(year.gmSuppliers)/\(year.suppliers)")
        #expect(year.meanWeighting >= 20)
        let own = Double(year.ownWorkforcePence) / (100_000_000 * scale)
        #expect(own > 0.95 && own < 1.05, "own workforce \(year.ownWorkforcePence)p at scale \(scale)")
        let awarded = Double(year.awardedPence) / (21_430_000_000 * scale)
        #expect(awarded > 0.97 && awarded < 1.03, "awarded \(year.awardedPence)p at scale \(scale)")
    }
}
