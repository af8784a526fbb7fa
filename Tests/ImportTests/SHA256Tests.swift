import Foundation
import Testing
@testable import SVWImport
import TestSupport

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex(of: Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(of: Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8))
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func millionAs() {
        #expect(SHA256.hex(of: Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The reader hashes the file as it streams it; the digest matches `sha256sum`.
    @Test func readerHashMatchesSha256sum() throws {
        let dir = try ScratchFolder()
        var text = "id,name\n"
        for i in 0..<5000 { text += "\(i),\"name, \(i)\"\r\n" }
        let url = try dir.write("big.csv", text)
        let reader = try CSVReader(path: url.path, chunkSize: 4096)
        var rows = 0
        while try reader.next() { rows += 1 }
        #expect(rows == 5001)
        let sum = try Shell.output("/usr/bin/sha256sum", [url.path])
        #expect(reader.sha256 == String(sum.prefix(64)))
    }
}

@Suite struct SHA256FileTests {
    @Test func fileHashMatchesKnownDigest() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("svw-sha-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("contract_id,value\nC1,100\nC2,200\n".utf8).write(to: url)
        #expect(try SHA256.hex(ofFileAt: url) == "6f4bf91b6d402f04eb3344db9c021f2ce7f797594fd891f2386b4e760eebde43")
    }
}
