/// The generator's only source of randomness: SplitMix64 (Steele, Lea & Flood 2014).
///
/// The system generator is never used, so a seed writes the same bytes on every machine
/// and every Swift version. Each record draws from its own stream (`stream(seed:domain:index:)`),
/// which lets the generator recompute any record on a later pass without storing it, and keeps
/// one kind of record from shifting the draws of another.
struct SplitMix64 {
    private var state: UInt64

    init(state: UInt64) { self.state = state }

    /// An independent stream for record `index` of one `domain` (a fixed constant per kind of record).
    static func stream(seed: UInt64, domain: UInt64, index: Int) -> SplitMix64 {
        SplitMix64(state: mix(seed ^ mix(domain &+ UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)))
    }

    /// The SplitMix64 finaliser: a bijective 64-bit mix.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// Uniform in [0, 1), 53 bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform integer in 0..<bound (Lemire's multiply-shift; bias below 2^-64 · bound is irrelevant here).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "below(\(bound))")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Uniform integer in the closed range.
    mutating func between(_ low: Int, _ high: Int) -> Int {
        low + below(high - low + 1)
    }

    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    mutating func element<T>(of items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index into `weights`, chosen with probability proportional to its weight.
    mutating func weightedIndex(_ weights: [Int]) -> Int {
        var total = 0
        for weight in weights { total += weight }
        var ticket = below(total)
        for (index, weight) in weights.enumerated() {
            if ticket < weight { return index }
            ticket -= weight
        }
        return weights.count - 1
    }

    /// An approximately standard normal deviate: the Irwin–Hall sum of twelve uniforms, minus six.
    /// Only additions, so it is bit-identical everywhere (no libm).
    mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += unit() }
        return sum - 6
    }
}

/// Fixed stream domains; changing one changes every file, so they are constants.
enum StreamDomain {
    static let supplier: UInt64 = 0x5355_5050_4C49_4552      // "SUPPLIER"
    static let contractValue: UInt64 = 0x5641_4C55_4500_0001
    static let contract: UInt64 = 0x434F_4E54_5241_4354      // "CONTRACT"
    static let contractText: UInt64 = 0x5449_544C_4500_0002
    static let commitments: UInt64 = 0x434F_4D4D_4954_0003
    static let ownWorkforce: UInt64 = 0x4F57_4E57_4F52_4B46  // "OWNWORKF"
}
