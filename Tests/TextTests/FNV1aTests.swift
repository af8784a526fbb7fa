import Testing
import SVWText

/// The byte hash the key tables and the schema fingerprint share: FNV-1a's published values,
/// and parts that hash apart however their bytes are split.
@Suite struct FNV1aTests {
    private func hash(_ text: String) -> UInt64 {
        Array(text.utf8).withUnsafeBytes { FNV1a.hash($0) }
    }

    @Test func givesThePublishedValues() {
        #expect(hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(hash("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func aTextHashesAlikeAsBytesAndAsUTF8() {
        var fromText = FNV1a()
        fromText.add("Stockport £".utf8)
        #expect(fromText.value == hash("Stockport £"))
    }

    @Test func partsHashApartHoweverTheBytesAreSplit() {
        func parts(_ texts: String...) -> UInt64 {
            var h = FNV1a()
            for text in texts {
                h.add(text.utf8)
                h.endPart()
            }
            return h.value
        }
        #expect(parts("ab", "c") != parts("a", "bc"))
        #expect(parts("ab", "c") == parts("ab", "c"))
    }
}
