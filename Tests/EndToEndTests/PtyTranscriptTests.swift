#if canImport(Glibc)
import Testing
import TestSupport

/// The pty harness reads a transcript as the terminal shows it: a progress line that a
/// carriage return and an erase-to-end wipe (a load's, or the rollups' upkeep, when the
/// machine is slow enough for it to be drawn) is gone, and escape codes are dropped.
@Suite struct PtyTranscriptTests {
    static func clean(_ text: String) -> String { PtySession.clean(Array(text.utf8)) }

    @Test func aWipedProgressLineIsGone() {
        #expect(Self.clean("svw> themes\nupdating rollups: saving (0 s)\r\u{1B}[KSocial value\n") == "svw> themes\nSocial value\n")
        #expect(Self.clean("a\nloading x: 45%\r\u{1B}[0Kb") == "a\nb")
        #expect(Self.clean("one\r\u{1B}[Ktwo\r\u{1B}[K") == "")
    }

    @Test func otherCodesAndCarriageReturnsAreDroppedAlone() {
        #expect(Self.clean("\u{1B}[1mbold\u{1B}[0m\r\n") == "bold\n")
        #expect(Self.clean("abc\rdef") == "abcdef")
        #expect(Self.clean("abc\u{1B}[K") == "abc", "an erase with no carriage return before it wipes nothing")
    }
}
#endif
