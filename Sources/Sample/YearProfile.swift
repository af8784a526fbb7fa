/// What one financial year of the sample should look like.
///
/// Amounts are for the default 4,000-contract set and scale with the number of contracts, so
/// `--contracts 4000` reproduces the published 2020/21 figures exactly and any size keeps the
/// same percentages. The other two years differ so that trends mean something.
struct YearProfile {
    /// 2020 for 2020/21.
    let startYear: Int
    /// Fraction of all contracts awarded in the year (the last year takes the rest).
    let contractShare: Double
    /// Total value awarded in the year, per 4,000 contracts.
    let awardedPounds: Double
    /// Committed social value as a fraction of awarded value.
    let committedRate: Double
    /// Percentage of the year's distinct winning suppliers that are GM by the majority rule.
    let gmPercent: Int
    /// Social value delivered through the service's own workforce, reported in the year, per 4,000 contracts.
    let ownWorkforcePounds: Double
    /// A year-on-year shift in weightings: `probability` of moving a weighting by `tenths`.
    let weightingShift: (tenths: Int, probability: Double)
    /// A floor, in tenths of a percent, for the mean weighting of applicable contracts (policy: ≥ 20%).
    let meanWeightingFloorTenths: Int?
    /// How often applicable contracts consider social value, go through the Portal (over £50k),
    /// and carry SV KPIs (Portal contracts).
    let consideredRate: Double
    let portalRate: Double
    let kpiRate: Double

    var label: String { FinancialYear.label(startYear: startYear) }
    var firstDay: CivilDate { CivilDate(startYear, 4, 1) }
    var lastDay: CivilDate { CivilDate(startYear + 1, 3, 31) }

    static let all = [
        YearProfile(startYear: 2019, contractShare: 0.31, awardedPounds: 197_400_000, committedRate: 0.22, gmPercent: 72,
                    ownWorkforcePounds: 620_000, weightingShift: (-50, 0.5), meanWeightingFloorTenths: nil,
                    consideredRate: 0.86, portalRate: 0.72, kpiRate: 0.62),
        // The published 2020/21 figures: 28% of awarded value (≈ £60m of ≈ £214m) committed,
        // 77% of winning businesses in GM, £1m via the own workforce, mean weighting ≥ 20%.
        YearProfile(startYear: 2020, contractShare: 0.333, awardedPounds: 214_300_000, committedRate: 0.28, gmPercent: 77,
                    ownWorkforcePounds: 1_000_000, weightingShift: (50, 0.2), meanWeightingFloorTenths: 205,
                    consideredRate: 0.96, portalRate: 0.92, kpiRate: 0.82),
        YearProfile(startYear: 2021, contractShare: 0.357, awardedPounds: 238_600_000, committedRate: 0.30, gmPercent: 79,
                    ownWorkforcePounds: 1_310_000, weightingShift: (50, 0.5), meanWeightingFloorTenths: nil,
                    consideredRate: 0.98, portalRate: 0.95, kpiRate: 0.88),
    ]

    /// The sample's "as at" date: delivery is reported up to the end of the last year.
    static let asAt = CivilDate(2022, 3, 31)
}

enum FinancialYear {
    /// `2020/21` for the year starting 1 April 2020.
    static func label(startYear: Int) -> String {
        Digits.string(startYear, width: 4) + "/" + Digits.string((startYear + 1) % 100, width: 2)
    }
}
