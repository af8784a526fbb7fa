import Testing
@testable import SVWScript

@Suite struct LineDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(LineDiff.unified(old: "a\nb\n", new: "a\nb\n", oldLabel: "x", newLabel: "y") == nil)
    }

    @Test func changedLineWithContext() {
        let old = (1...10).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        let diff = LineDiff.unified(old: old, new: new, oldLabel: "a", newLabel: "b")
        #expect(diff == """
            --- a
            +++ b
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    @Test func distantChangesMakeTwoHunks() {
        let old = (1...20).map { "\($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "\n2\n", with: "\n2b\n").replacingOccurrences(of: "\n19\n", with: "\n")
        let diff = LineDiff.unified(old: old, new: new, oldLabel: "a", newLabel: "b")!
        #expect(diff.components(separatedBy: "\n").filter { $0.hasPrefix("@@") }
                == ["@@ -1,5 +1,5 @@", "@@ -16,5 +16,4 @@"])
    }

    @Test func emptySidesUseZeroRanges() {
        #expect(LineDiff.unified(old: "", new: "x\n", oldLabel: "a", newLabel: "b") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n")
        #expect(LineDiff.unified(old: "x\ny\n", new: "", oldLabel: "a", newLabel: "b") == "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-x\n-y\n")
    }

    @Test func missingFinalNewlineIsShown() {
        let diff = LineDiff.unified(old: "a\nb\n", new: "a\nb", oldLabel: "a", newLabel: "b")
        #expect(diff == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n")
    }

    /// Applying the edit script to the old lines must give the new ones, and its number
    /// of changes must equal the minimum, n + m - 2·LCS, computed here by dynamic programming.
    @Test func editScriptsAreCorrectAndMinimal() {
        var seed: UInt64 = 0x5eed
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let a = (0..<next(14)).map { _ in ["a", "b", "c", "d"][next(4)] }
            let b = (0..<next(14)).map { _ in ["a", "b", "c", "d"][next(4)] }
            let edits = LineDiff.edits(a, b)
            var rebuilt: [String] = []
            var consumedOld = 0
            for edit in edits {
                switch edit.kind {
                case .equal:
                    #expect(a[edit.old] == b[edit.new])
                    rebuilt.append(a[edit.old]); consumedOld += 1
                case .delete:
                    #expect(edit.old == consumedOld); consumedOld += 1
                case .insert:
                    rebuilt.append(b[edit.new])
                }
            }
            #expect(rebuilt == b && consumedOld == a.count, "\(a) -> \(b)")
            #expect(edits.filter { $0.kind != .equal }.count == a.count + b.count - 2 * lcs(a, b), "\(a) -> \(b)")
        }
    }

    @Test func unrelatedLongTextsStillDiffCorrectly() {
        let a = (0..<5_000).map { "old \($0)" }
        let b = (0..<5_000).map { "new \($0)" }
        let edits = LineDiff.edits(a, b)
        #expect(edits.filter { $0.kind == .delete }.count == 5_000)
        #expect(edits.filter { $0.kind == .insert }.count == 5_000)
    }

    private func lcs(_ a: [String], _ b: [String]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}
