import Crypto
import Foundation

/// SHA-256 of a file, fed incrementally so the file is hashed in the same pass that parses
/// it. The digest itself is swift-crypto's (BoringSSL, with the CPU's SHA instructions where
/// it has them): about six times as fast as the portable code svw carried before, which cost
/// a quarter of a big load. The bytes hashed, and so every stored digest, are unchanged.
public struct SHA256 {
    private var hasher = Crypto.SHA256()

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let array = Array(bytes)
        array.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    /// The 32-byte digest.
    public mutating func finalize() -> [UInt8] { Array(hasher.finalize()) }

    /// Lower-case hex, as `sha256sum` prints it.
    public mutating func finalizeHex() -> String { SHA256.hex(finalize()) }

    public static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for b in digest { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    public static func hex<Bytes: Sequence>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// Hashes a file in 1 MiB chunks (replay checks a script's data files with it).
    public static func hex(ofFileAt url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalizeHex()
    }
}
