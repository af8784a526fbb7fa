/// The sizes and layouts every pass over the sample agrees on, worked out before any row is
/// drawn. Everything here is arithmetic on the contract count, so no pass needs to remember
/// what an earlier one drew.
///
/// Suppliers live in a pool: GM suppliers at indices `0..<gmPool`, the others after them. Each
/// year picks a window of each part, sized so that exactly `gmPercent` of the year's distinct
/// winners are GM, and every supplier of the window wins at least one of the year's contracts
/// (a permutation "covers" the window first; the rest of the year's contracts go to window
/// members by popularity). Windows of successive years overlap, so incumbents win again.
struct SamplePlan {
    struct Year {
        let profile: YearProfile
        let firstContract: Int
        let contracts: Int
        /// Distinct winning suppliers, and how many of them are GM.
        let winners: Int
        let gmWinners: Int
        let gmWindowStart: Int
        let otherWindowStart: Int
        let cover: AffinePermutation
        let popularity: AffinePermutation
        let awardedTargetPence: Double
        let ownWorkforceTargetPence: Double
        let ownWorkforceRows: Int
    }

    static let referenceContracts = 4000

    let contracts: Int
    let seed: UInt64
    let years: [Year]
    let gmPool: Int
    let otherPool: Int
    var supplierCount: Int { gmPool + otherPool }
    /// Supplier ids are a permutation of pool indices, so GM suppliers are not listed first.
    let supplierIds: AffinePermutation
    let supplierNames: AffinePermutation
    let nameSpace: Int
    let bfpoIndex: Int
    let overseasIndex: Int
    let contractIdWidth: Int
    let supplierIdWidth: Int
    let commitmentIdWidth: Int

    init(contracts: Int, seed: UInt64) {
        self.contracts = contracts
        self.seed = seed
        let scale = Double(contracts) / Double(Self.referenceContracts)
        let profiles = YearProfile.all

        var counts: [Int] = []
        for (index, profile) in profiles.enumerated() {
            if index == profiles.count - 1 {
                counts.append(contracts - counts.reduce(0, +))
            } else {
                counts.append(min(contracts - counts.reduce(0, +), Int((Double(contracts) * profile.contractShare).rounded())))
            }
        }
        let winners = zip(profiles, counts).map { Self.winners(contracts: $1, gmPercent: $0.gmPercent) }
        let gmPool = max(1, Int((Double(winners.map(\.gm).max() ?? 0) * 1.55).rounded(.up)))
        let otherPool = max(4, Int((Double(winners.map { $0.total - $0.gm }.max() ?? 0) * 1.55).rounded(.up)))
        self.gmPool = gmPool
        self.otherPool = otherPool

        var years: [Year] = []
        var first = 0
        for (index, profile) in profiles.enumerated() {
            let salt = SplitMix64.mix(seed &+ UInt64(index) &* 0x1000_0001)
            years.append(Year(
                profile: profile, firstContract: first, contracts: counts[index],
                winners: winners[index].total, gmWinners: winners[index].gm,
                gmWindowStart: index * gmPool * 3 / 10 % gmPool,
                otherWindowStart: index * otherPool * 3 / 10 % otherPool,
                cover: AffinePermutation(count: counts[index], salt: salt),
                popularity: AffinePermutation(count: winners[index].total, salt: salt >> 17),
                awardedTargetPence: profile.awardedPounds * 100 * scale,
                ownWorkforceTargetPence: profile.ownWorkforcePounds * 100 * scale,
                ownWorkforceRows: 20 * max(1, contracts / Self.referenceContracts)))
            first += counts[index]
        }
        self.years = years

        let suppliers = gmPool + otherPool
        supplierIds = AffinePermutation(count: suppliers, salt: SplitMix64.mix(seed ^ 0x1D))
        nameSpace = Vocabulary.namePrefixes.count * Vocabulary.nameWords.count
        supplierNames = AffinePermutation(count: nameSpace, salt: SplitMix64.mix(seed ^ 0x4E))
        bfpoIndex = gmPool + otherPool / 2
        overseasIndex = gmPool + otherPool / 2 + 1
        contractIdWidth = max(6, Digits.string(contracts).count)
        supplierIdWidth = max(5, Digits.string(suppliers).count)
        let ownRows = years.reduce(0) { $0 + $1.ownWorkforceRows }
        commitmentIdWidth = max(7, Digits.string(contracts * 9 + ownRows).count)
    }

    /// How many distinct suppliers win a year's contracts, and how many of them are GM: about
    /// half as many suppliers as contracts, chosen so that gm / total is as close as possible to
    /// `gmPercent` (exact whenever the year is large enough).
    static func winners(contracts: Int, gmPercent: Int) -> (total: Int, gm: Int) {
        guard contracts > 0 else { return (0, 0) }
        let low = max(1, contracts * 35 / 100)
        let high = max(low, min(contracts, (contracts * 65 + 99) / 100))
        var best: (total: Int, gm: Int, error: Int)? = nil
        for total in low...high {
            let gm = (gmPercent * total + 50) / 100
            let error = abs(100 * gm - gmPercent * total)      // in hundredths of a supplier
            guard let current = best else { best = (total, gm, error); continue }
            // Compare error / total as fractions; ties go to the size nearest half the contracts.
            let lhs = error * current.total, rhs = current.error * total
            if lhs < rhs || (lhs == rhs && abs(2 * total - contracts) < abs(2 * current.total - contracts)) {
                best = (total, gm, error)
            }
        }
        return (best!.total, best!.gm)
    }

    func year(ofContract index: Int) -> Int {
        for (number, year) in years.enumerated() where index < year.firstContract + year.contracts {
            return number
        }
        return years.count - 1
    }

    /// The pool index of the supplier in slot `slot` of year `year`'s window.
    func supplier(year number: Int, slot: Int) -> Int {
        let year = years[number]
        if slot < year.gmWinners {
            return (year.gmWindowStart + slot) % gmPool
        }
        return gmPool + (year.otherWindowStart + slot - year.gmWinners) % otherPool
    }

    func isGM(supplier index: Int) -> Bool { index < gmPool }
}
