/// What a file's column must hold for one field of a table.
public enum FieldType: Sendable, Equatable {
    /// Free text, trimmed; ids are text too.
    case text
    /// Money, stored as integer pence.
    case money
    /// A percentage 0–100 (`--fraction FIELD` reads 0–1).
    case percent
    /// A calendar date, stored as ISO text.
    case date
    /// Yes/no, stored as 1/0.
    case flag
    /// A non-negative number.
    case quantity
    /// A non-negative whole number.
    case count
    /// A share of 1 (0–1 or a percentage).
    case share
    /// A UK postcode, normalised and classified; never rejects.
    case postcode
}

/// One field a load fills, with the header names it is known by.
public struct FieldSpec: Sendable {
    public let name: String
    public let type: FieldType
    public let required: Bool
    /// Header spellings seen in real files, matched case-, space- and punctuation-insensitively.
    public let aliases: [String]

    public init(_ name: String, _ type: FieldType = .text, required: Bool = false, aliases: [String] = []) {
        self.name = name
        self.type = type
        self.required = required
        self.aliases = aliases
    }

    /// Every normalised spelling: the field's own name and its aliases.
    var keys: [String] { ([name] + aliases).map(HeaderMatcher.normalise) }
}
