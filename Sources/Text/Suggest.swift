/// "Did you mean" by edit distance, the way git and cargo do it.
public enum Suggest {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates.sorted() {
            let d = distance(word, candidate)
            if d <= limit, d < best?.1 ?? Int.max { best = (candidate, d) }
        }
        if best == nil, word.count >= 3,
           let prefixed = candidates.sorted().first(where: { $0.hasPrefix(word) }) {
            return prefixed
        }
        return best?.0
    }

    /// Damerau-Levenshtein (optimal string alignment) distance.
    public static func distance(_ a: String, _ b: String) -> Int { EditDistance.between(a, b) }
}

/// Damerau-Levenshtein (optimal string alignment) distance, for "did you mean".
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
