/// 64-bit FNV-1a: a fast hash of a few bytes that is the same in every process (Swift's
/// `Hasher` is seeded per process), for the tables svw keys by raw bytes and for the schema
/// snapshot's fingerprint. Inlinable, so a loop over millions of keys is specialized where
/// it is called.
public struct FNV1a {
    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01b3
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    @inlinable public init() {}

    /// The hash of everything added so far.
    @inlinable public var value: UInt64 { state }

    @inlinable public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes { state = (state ^ UInt64(byte)) &* Self.prime }
    }

    @inlinable public mutating func add(_ text: String.UTF8View) {
        for byte in text { state = (state ^ UInt64(byte)) &* Self.prime }
    }

    /// Ends one part of a key of several, so ("ab", "c") and ("a", "bc") hash apart.
    @inlinable public mutating func endPart() {
        state = (state ^ 0xff) &* Self.prime
    }

    /// The hash of `bytes` alone.
    @inlinable public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = FNV1a()
        h.add(bytes)
        return h.value
    }
}
