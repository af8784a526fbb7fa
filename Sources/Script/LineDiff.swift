/// Line diffs in the unified format `diff -u` and git print: Myers' O(ND) algorithm
/// for a shortest edit script, grouped into hunks with context lines.
public enum LineDiff {
    /// Whether a line is kept, deleted from the old text or inserted from the new.
    public enum Kind: Equatable, Sendable { case equal, delete, insert }

    /// One step of an edit script; `old`/`new` count the lines of each side consumed before it.
    public struct Edit: Equatable, Sendable {
        /// What the step does.
        public let kind: Kind
        /// Lines of the old text consumed before this step.
        public let old: Int
        /// Lines of the new text consumed before this step.
        public let new: Int
    }

    /// Past this many differences the remaining middle is shown as deleted then inserted:
    /// still a correct diff, without Myers' quadratic memory (d² saved positions) on unrelated texts.
    static let maxEditDistance = 1_000

    /// A shortest edit script turning `a` into `b`.
    public static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        // Common prefix and suffix cost nothing to strip and keep the search small.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)])
        let midB = Array(b[prefix..<(b.count - suffix)])

        var result: [Edit] = (0..<prefix).map { Edit(kind: .equal, old: $0, new: $0) }
        for step in myers(midA, midB) {
            result.append(Edit(kind: step.kind, old: step.old + prefix, new: step.new + prefix))
        }
        let oldEnd = a.count - suffix, newEnd = b.count - suffix
        for i in 0..<suffix { result.append(Edit(kind: .equal, old: oldEnd + i, new: newEnd + i)) }
        return result
    }

    private static func myers(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        if n == 0 || m == 0 { return trivial(n, m) }
        let offset = n + m + 1
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        // trace[d] holds v[-d...d] as it was before round d, enough to walk back.
        var trace: [[Int]] = []
        var found = false
        for d in 0...(n + m) {
            if d > maxEditDistance { return trivial(n, m) }
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { found = true; break }
            }
            if found { break }
        }
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let saved = trace[d]
            func at(_ k: Int) -> Int { saved[k + d] }
            let k = x - y
            let prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let prevX = d == 0 ? 0 : at(prevK)
            let prevY = d == 0 ? 0 : prevX - prevK
            while x > prevX && y > prevY {
                x -= 1; y -= 1
                edits.append(Edit(kind: .equal, old: x, new: y))
            }
            if d > 0 {
                if x == prevX { edits.append(Edit(kind: .insert, old: x, new: prevY)) }
                else { edits.append(Edit(kind: .delete, old: prevX, new: y)) }
            }
            x = prevX; y = prevY
        }
        return edits.reversed()
    }

    private static func trivial(_ n: Int, _ m: Int) -> [Edit] {
        (0..<n).map { Edit(kind: .delete, old: $0, new: 0) } + (0..<m).map { Edit(kind: .insert, old: n, new: $0) }
    }

    /// The unified diff turning `old` into `new`, or nil when they are equal. A text not
    /// ending in a newline gets `\ No newline at end of file`, as diff prints it.
    public static func unified(old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3) -> String? {
        guard old != new else { return nil }
        let a = lines(old), b = lines(new)
        let script = edits(a.map(\.key), b.map(\.key))
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks(script, context: context) {
            let slice = script[hunk]
            let oldCount = slice.filter { $0.kind != .insert }.count
            let newCount = slice.filter { $0.kind != .delete }.count
            guard let first = slice.first else { continue }
            out += "@@ -\(range(first.old, oldCount)) +\(range(first.new, newCount)) @@\n"
            for edit in slice {
                switch edit.kind {
                case .equal: out += " " + a[edit.old].shown
                case .delete: out += "-" + a[edit.old].shown
                case .insert: out += "+" + b[edit.new].shown
                }
            }
        }
        return out
    }

    /// Hunk ranges over the edit script: each change with `context` lines around it,
    /// changes closer than twice the context merged into one hunk.
    static func hunks(_ script: [Edit], context: Int) -> [Range<Int>] {
        let changes = script.indices.filter { script[$0].kind != .equal }
        var ranges: [Range<Int>] = []
        for index in changes {
            let start = max(0, index - context), end = min(script.count, index + context + 1)
            if let last = ranges.last, start <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<end
            } else {
                ranges.append(start..<end)
            }
        }
        return ranges
    }

    /// `start,count` as unified diffs number lines: 1-based, the count left out when it
    /// is 1, and an empty range numbered by the line before it.
    static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(start),0"
        case 1: return "\(start + 1)"
        default: return "\(start + 1),\(count)"
        }
    }

    struct Line {
        let text: String
        let newlineAtEnd: Bool
        /// Compared in the diff: a last line without its newline differs from the same text with one.
        var key: String { newlineAtEnd ? text : text + "\u{0}" }
        var shown: String { newlineAtEnd ? text + "\n" : text + "\n\\ No newline at end of file\n" }
    }

    static func lines(_ text: String) -> [Line] {
        if text.isEmpty { return [] }
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let endsWithNewline = parts.last == ""
        if endsWithNewline { parts.removeLast() }
        return parts.enumerated().map { i, part in
            Line(text: part, newlineAtEnd: endsWithNewline || i < parts.count - 1)
        }
    }
}
