/// The procurement policy the analysts report against (see domain.md). Commands take
/// these as option defaults; nothing else repeats the numbers.
public enum Policy {
    /// Contracts worth more than this (strictly) are "applicable": social value must be considered.
    public static let applicableThresholdPence: Int64 = 25_000_00
    /// Contracts worth more than this (strictly) should go through the Social Value Portal.
    public static let portalThresholdPence: Int64 = 50_000_00
    /// The minimum average social value weighting, in percent of award criteria.
    public static let targetWeighting: Double = 20
    /// Default histogram bin edges for weightings, in percent.
    public static let weightingBins: [Double] = [0, 5, 10, 15, 20, 25, 30]
}
