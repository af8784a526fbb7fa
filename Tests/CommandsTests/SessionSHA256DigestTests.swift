import Foundation
import Testing
@testable import SVWCommands

/// FIPS 180-4 test vectors, plus the streaming path agreeing with one-shot hashing.
@Suite struct SessionSHA256DigestTests {
    @Test func knownVectors() {
        #expect(SHA256Digest.hex(of: Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func millionAsInUnevenChunks() {
        var hasher = SHA256Digest()
        var remaining = 1_000_000
        var size = 1
        while remaining > 0 {
            let n = min(size, remaining)
            hasher.update(data: Data(repeating: UInt8(ascii: "a"), count: n))
            remaining -= n
            size = size * 3 % 1_000 + 7
        }
        #expect(hasher.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func everyLengthAroundABlockMatchesOneShot() {
        // Padding edge cases sit at 55, 56 and 64 bytes; chunked and whole must agree at every length.
        for length in 0...130 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            var hasher = SHA256Digest()
            hasher.update(data: Data(bytes.prefix(length / 2)))
            hasher.update(data: Data(bytes.dropFirst(length / 2)))
            #expect(hasher.finalize() == SHA256Digest.hex(of: bytes), "length \(length)")
        }
    }

    @Test func fileHashMatchesKnownDigest() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("svw-sha-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("contract_id,value\nC1,100\nC2,200\n".utf8).write(to: url)
        #expect(try SHA256Digest.hex(ofFileAt: url) == "6f4bf91b6d402f04eb3344db9c021f2ce7f797594fd891f2386b4e760eebde43")
    }
}
