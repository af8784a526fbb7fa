import Foundation

/// Property-based testing with a seeded generator: each case draws its input from its own
/// seed, so a failure names the one seed that reproduces it.
///
/// A short run is part of the suite; `scripts/fuzz` runs the same properties for longer
/// (`SVW_FUZZ_ITERATIONS`, and `SVW_FUZZ_SEED` to start elsewhere or replay one case).
public enum Fuzz {
    /// Cases per property: `SVW_FUZZ_ITERATIONS`, else `short` (the suite's run).
    public static func iterations(short: Int) -> Int {
        ProcessInfo.processInfo.environment["SVW_FUZZ_ITERATIONS"].flatMap { Int($0) }.map { max(1, $0) } ?? short
    }

    /// The first case's seed: `SVW_FUZZ_SEED`, else a fixed one (the suite's run is the same every time).
    public static var firstSeed: UInt64 {
        ProcessInfo.processInfo.environment["SVW_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_211_231
    }

    /// Runs `property` on `iterations(short:)` cases; returns the seeds of the cases that
    /// threw (with what they threw), for the test to report.
    public static func check(short: Int, _ property: (inout FuzzRandom) throws -> Void) -> [String] {
        var failures: [String] = []
        for index in 0..<iterations(short: short) {
            let seed = firstSeed &+ UInt64(index)
            var random = FuzzRandom(seed: seed)
            do { try property(&random) } catch {
                failures.append("seed \(seed) (SVW_FUZZ_SEED=\(seed) SVW_FUZZ_ITERATIONS=1 replays it): \(error)")
                if failures.count >= 5 { break }
            }
        }
        return failures
    }
}

/// A property that did not hold, with what was expected and found.
public struct PropertyFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// SplitMix64: small, fast, and the same sequence on every machine.
public struct FuzzRandom: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in the closed range.
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    public mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// A string of up to `maxLength` characters drawn from `alphabet`.
    public mutating func string(from alphabet: [String], maxLength: Int) -> String {
        (0..<int(0...maxLength)).map { _ in pick(alphabet) }.joined()
    }
}
