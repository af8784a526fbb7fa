import Testing
@testable import SVWSample

@Suite("Generator parts")
struct GeneratorPartsTests {
    @Test("SplitMix64 matches the reference sequence for seed 0")
    func splitMixReference() {
        var rng = SplitMix64(state: 0)
        // Reference values of Vigna's splitmix64.c seeded with 0.
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("exp is accurate without libm", arguments: [-5.0, -1.0, -0.3, 0.0, 0.5, 1.0, 2.302585092994046, 7.5])
    func exponential(x: Double) {
        let expected: [Double: Double] = [-5: 0.006737946999085467, -1: 0.36787944117144233, -0.3: 0.7408182206817179, 0: 1,
                                          0.5: 1.6487212707001282, 1: 2.718281828459045, 2.302585092994046: 10, 7.5: 1808.0424144560632]
        let value = DeterministicMath.exp(x)
        #expect(abs(value - expected[x]!) <= expected[x]! * 1e-14, "exp(\(x)) = \(value)")
    }

    @Test("SQLite-style rounding: half away from zero")
    func sqliteRound() {
        #expect(DeterministicMath.sqliteRound(2.5) == 3)
        #expect(DeterministicMath.sqliteRound(2.4999) == 2)
        #expect(DeterministicMath.sqliteRound(-2.5) == -3)
        #expect(CommitmentWriter.value(hundredths: 250, of: SampleMeasures.all[0]) == 6_000_000)
    }

    @Test("Affine permutations are bijections with working inverses", arguments: [1, 2, 7, 100, 1130, 4096])
    func permutations(count: Int) {
        let permutation = AffinePermutation(count: count, salt: 0xDEADBEEF)
        let images = (0..<count).map(permutation.callAsFunction)
        #expect(Set(images).count == count && images.allSatisfy { (0..<count).contains($0) })
        #expect((0..<count).allSatisfy { permutation.inverse(permutation($0)) == $0 })
    }

    @Test("Money, decimals and dates are formatted the spreadsheet way")
    func formatting() {
        #expect(Digits.money(pence: 125_000_000) == "£1,250,000.00")
        #expect(Digits.money(pence: 99_999) == "£999.99")
        #expect(Digits.money(pence: 100_000) == "£1,000.00")
        #expect(Digits.money(pence: 5) == "£0.05")
        #expect(Digits.money(pence: 123_456_789_012) == "£1,234,567,890.12")
        #expect(Digits.decimal(250, scale: 100) == "2.5")
        #expect(Digits.decimal(205, scale: 100) == "2.05")
        #expect(Digits.decimal(300, scale: 100) == "3")
        #expect(Digits.decimal(75, scale: 10) == "7.5")
        #expect(Digits.string(42, width: 6) == "000042")
        #expect(CivilDate(2021, 3, 31).uk == "31/03/2021")
        #expect(CivilDate(2020, 2, 29).addingMonths(12).uk == "28/02/2021")
        #expect(CivilDate(2021, 1, 31).addingMonths(1).uk == "28/02/2021")
        #expect(CivilDate(2020, 8, 15).quarterEndOnOrBefore.uk == "30/06/2020")
        #expect(CivilDate(2021, 3, 31).quarterEndOnOrBefore.uk == "31/03/2021")
        #expect(CivilDate(2021, 2, 1).quarterEndOnOrBefore.uk == "31/12/2020")
        #expect(CivilDate(2020, 4, 4).weekday == 6)              // a Saturday
        #expect(CivilDate(2020, 4, 4).onWorkingDay.uk == "03/04/2020")
        #expect(FinancialYear.label(startYear: 2020) == "2020/21")
        #expect(FinancialYear.label(startYear: 2099) == "2099/00")
    }

    @Test("CSV fields with commas, quotes or line breaks are quoted")
    func csvQuoting() throws {
        let output = MemorySampleOutput()
        var csv = try CSVWriter(name: "t.csv", output: output, header: ["a", "b", "c", "d"])
        csv.text("plain"); csv.text("a, b"); csv.text("say \"hi\""); csv.text("two\nlines")
        try csv.endRow()
        csv.money(pence: 12_345); csv.money(pence: 123_456); csv.percent(tenths: 125); csv.flag(nil)
        try csv.endRow()
        try csv.finish()
        #expect(output.text("t.csv") == "a,b,c,d\nplain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\"\n£123.45,\"£1,234.56\",12.5%,\n")
    }

    @Test("The generator's GM and outside districts agree with the shipped table's majority rule")
    func geographyAgreesWithTable() throws {
        let geography = SampleGeography(tableText: PostcodeDistrictsFile.text, index: SampleFixtures.postcodeIndex, partners: ["Stockport"])
        let table = SampleFixtures.committed.gmShare
        #expect(geography.gmDistricts.count > 80)
        for district in geography.gmDistricts {
            #expect(try #require(table[district.outwardCode]) > 0.5, "\(district.outwardCode) is not GM")
        }
        #expect(Set(geography.fringeDistricts) == ["OL14", "WA12", "SK22", "SK12", "WA13", "WA3"])
        for code in SampleGeography.nearbyOutside + SampleGeography.farOutside { #expect(table[code] == nil) }
        #expect(geography.gmDistricts.first { $0.outwardCode == "M3" }?.authority == "Salford")
        #expect(geography.gmDistricts.first { $0.outwardCode == "BL7" } != nil, "BL7 (0.58) is GM")
        for malformed in SampleGeography.malformed + [SampleGeography.overseas] { #expect(Value.normalisedPostcode(malformed) == nil, "\(malformed)") }
    }

    @Test("Winner counts hit the GM percentage exactly when the year is big enough")
    func winnerCounts() {
        #expect(SamplePlan.winners(contracts: 1332, gmPercent: 77) == (700, 539))
        #expect(SamplePlan.winners(contracts: 1240, gmPercent: 72) == (625, 450))
        let small = SamplePlan.winners(contracts: 100, gmPercent: 77)
        #expect((100 * Double(small.gm) / Double(small.total)).rounded() == 77)
        #expect(SamplePlan.winners(contracts: 0, gmPercent: 77) == (0, 0))
        #expect(SamplePlan.winners(contracts: 1, gmPercent: 77) == (1, 1))
    }

    @Test("The weighting floor keeps the running mean at or above it")
    func weightingFloor() {
        var floor = WeightingFloor(floorTenths: 205)
        var values: [Int] = []
        for tenths in [50, 50, 100, 300, 50, 150, 400, 50] { values.append(floor.settle(tenths)) }
        #expect(floor.sum >= 205 * floor.count)
        #expect(values.allSatisfy { $0 % 25 == 0 && $0 <= 400 })
        var none = WeightingFloor(floorTenths: nil)
        #expect(none.settle(50) == 50)
    }
}
