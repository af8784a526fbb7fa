/// What Tab offers for the word before the cursor.
public struct Completion: Equatable, Sendable {
    /// The text just before the cursor that a chosen candidate replaces.
    public var replacing: String
    public var candidates: [Candidate]

    public init(replacing: String, candidates: [Candidate]) {
        self.replacing = replacing
        self.candidates = candidates
    }

    public static let none = Completion(replacing: "", candidates: [])

    public struct Candidate: Equatable, Sendable {
        /// What replaces `replacing` (quoted where the word needs it).
        public var insertion: String
        /// How the candidate is listed when there are several.
        public var display: String
        /// A finished word is followed by a space; a folder or `--option=` is not.
        public var isFinal: Bool

        public init(insertion: String, display: String? = nil, isFinal: Bool = true) {
            self.insertion = insertion
            self.display = display ?? insertion
            self.isFinal = isFinal
        }
    }

    /// What pressing Tab does to the line.
    public enum Action: Equatable, Sendable {
        /// Nothing matches: ring the bell.
        case beep
        /// Replace `replacing` with this text.
        case insert(String)
        /// Several match and share no longer prefix: list them.
        case list([String])
    }

    /// One candidate is inserted whole; several insert their longest common prefix, or
    /// are listed when that adds nothing to what is typed.
    public var action: Action {
        guard let first = candidates.first else { return .beep }
        if candidates.count == 1 { return .insert(first.insertion + (first.isFinal ? " " : "")) }
        let prefix = candidates.dropFirst().reduce(first.insertion) { Completion.commonPrefix($0, $1.insertion) }
        if prefix.count > replacing.count && prefix != replacing { return .insert(prefix) }
        return .list(candidates.map(\.display))
    }

    static func commonPrefix(_ a: String, _ b: String) -> String {
        var out = ""
        for (x, y) in zip(a, b) {
            guard x == y else { break }
            out.append(x)
        }
        return out
    }
}

/// Where completion looks things up. The shell's implementation queries the live
/// workspace; tests can supply fixed lists.
public protocol CompletionSource {
    /// Tables and views.
    func tables() -> [String]
    func columns(of table: String) -> [String]
    /// Values from the workspace data for a domain kind (partner, year, theme, measure) starting with `prefix`.
    func values(_ kind: DomainValue, prefix: String) -> [String]
    /// Distinct text values of one column, starting with `prefix`.
    func distinctValues(table: String, column: String, prefix: String) -> [String]
    /// Files and folders for a partly typed path.
    func files(matching partial: String) -> [FileMatch]
    /// Measure codes starting with `prefix`, each with its description, for listing.
    func measuresDescribed(prefix: String) -> [(code: String, description: String)]
}

extension CompletionSource {
    public func measuresDescribed(prefix: String) -> [(code: String, description: String)] {
        values(.measure, prefix: prefix).map { ($0, "") }
    }
}

/// The kinds of data value completion knows where to find.
public enum DomainValue: Sendable, CaseIterable {
    case partner, year, theme, measure, category, supplier

    /// The kind a column or `key=` name refers to, if any.
    public static func named(_ name: String) -> DomainValue? {
        switch name.lowercased() {
        case "partner", "partners": return .partner
        case "year", "financial_year", "reporting_year", "fy": return .year
        case "theme", "themes": return .theme
        case "measure", "measure_code", "measures": return .measure
        case "category", "categories": return .category
        case "supplier", "suppliers", "supplier_name": return .supplier
        default: return nil
        }
    }
}

public struct FileMatch: Equatable, Sendable {
    /// The path as it should be typed (the folder part as the user typed it, plus the name).
    public var path: String
    public var isDirectory: Bool

    public init(path: String, isDirectory: Bool) {
        self.path = path
        self.isDirectory = isDirectory
    }
}
