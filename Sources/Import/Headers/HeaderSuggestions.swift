import SVWText

/// One required field a file lacks: the headers it is known by, and the file's headers
/// that come closest (`partner`: did you mean "buyer_name"?).
public struct MissingColumn: Sendable, Equatable {
    public let field: String
    public let accepted: [String]
    public let suggestions: [String]

    public init(field: String, accepted: [String], suggestions: [String] = []) {
        self.field = field
        self.accepted = accepted
        self.suggestions = suggestions
    }

    /// ` did you mean "buyer_name"?` or "".
    var didYouMean: String {
        suggestions.isEmpty ? "" : "did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: " or ") + "?"
    }
}

/// The file's headers closest to a field's name and aliases, for "did you mean".
enum HeaderSuggestions {
    /// Up to two unused headers: first those containing a spelling of the field (or contained
    /// in one), then those within a small edit distance of one.
    static func closest(to field: FieldSpec, among headers: [String], unused: (Int) -> Bool) -> [String] {
        let keys = field.keys.filter { $0.count >= 3 }
        var scored: [(score: Int, index: Int)] = []
        for (index, header) in headers.enumerated() where unused(index) {
            let h = HeaderMatcher.normalise(header)
            guard h.count >= 2 else { continue }
            if keys.contains(where: { h.contains($0) || $0.contains(h) }) {
                scored.append((0, index))
            } else if let d = keys.map({ EditDistance.between($0, h) }).min(), d <= max(1, h.count / 3) {
                scored.append((d, index))
            }
        }
        return scored.sorted { ($0.score, $0.index) < ($1.score, $1.index) }.prefix(2).map { headers[$0.index] }
    }
}
