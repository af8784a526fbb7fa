/// Arithmetic that gives the same bits on every platform.
///
/// libm's `exp` is not required to be correctly rounded and differs between glibc and
/// Apple's libm in the last place, which would change a rounded penny somewhere in a
/// million rows. This uses only IEEE +, −, ×, ÷ (always correctly rounded) and exact
/// power-of-two scaling.
enum DeterministicMath {
    private static let ln2Hi = 6.931_471_803_691_238_164_90e-01
    private static let ln2Lo = 1.908_214_929_270_587_700_02e-10
    private static let invLn2 = 1.442_695_040_888_963_387_00

    /// e^x for |x| < 700, to about 1e-15 relative.
    static func exp(_ x: Double) -> Double {
        precondition(x.magnitude < 700, "exp(\(x)) out of range")
        let k = (x * invLn2).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo            // |r| ≤ ln2/2
        // Taylor series, Horner form; 14 terms are plenty for |r| ≤ 0.35.
        var term = 1.0
        var sum = 1.0
        for n in 1...14 {
            term = term * r / Double(n)
            sum += term
        }
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
    }

    /// Greatest common divisor, for building affine permutations.
    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// The inverse of `a` modulo `m` (they must be coprime).
    static func modularInverse(_ a: Int, _ m: Int) -> Int {
        var (oldR, r) = (a % m, m)
        var (oldS, s) = (1, 0)
        while r != 0 {
            let q = oldR / r
            (oldR, r) = (r, oldR - q * r)
            (oldS, s) = (s, oldS - q * s)
        }
        return ((oldS % m) + m) % m
    }

    /// Rounds half away from zero exactly as SQLite's `round(X)` does for X ≥ 0: `(int64)(X + 0.5)`.
    static func sqliteRound(_ x: Double) -> Int64 {
        x >= 0 ? Int64(x + 0.5) : -Int64(-x + 0.5)
    }
}

/// A bijection of 0..<count: x ↦ (a·x + c) mod count, with a coprime to count.
/// Used to scatter an ordered layout (GM suppliers first, popular suppliers first…) so the
/// files show no pattern, without storing a shuffled array.
struct AffinePermutation {
    let count: Int
    let multiplier: Int
    let offset: Int
    private let inverseMultiplier: Int

    init(count: Int, salt: UInt64) {
        self.count = max(count, 1)
        var a = Int(Double(self.count) * 0.618_033_988_749_894_9) | 1
        a += Int(salt % 97) * 2
        a %= self.count
        if a == 0 { a = 1 }
        while DeterministicMath.gcd(a, self.count) != 1 { a = (a + 1) % self.count; if a == 0 { a = 1 } }
        multiplier = a
        offset = Int(salt % UInt64(self.count))
        inverseMultiplier = DeterministicMath.modularInverse(a, self.count)
    }

    func callAsFunction(_ x: Int) -> Int {
        (multiplier * x + offset) % count
    }

    func inverse(_ y: Int) -> Int {
        (inverseMultiplier * (((y - offset) % count + count) % count)) % count
    }
}
