/// The start of a word being completed, and how many values are worth listing for it.
/// Matches as SQLite's LIKE does: ASCII letters in either case, `%` and `_` typed as themselves.
public struct Prefix: Sendable {
    public let typed: String
    /// At most this many values; nil for all of them.
    public let limit: Int?

    public init(_ typed: String, limit: Int? = nil) {
        self.typed = typed
        self.limit = limit
    }

    /// Every value.
    public static let any = Prefix("")

    /// `typed%` for LIKE … ESCAPE '\', LIKE's own wildcards in what was typed escaped.
    public var likePattern: String {
        var out = ""
        for ch in typed {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out + "%"
    }

    /// Whether `value` starts with what was typed, as LIKE would say.
    public func admits(_ value: String) -> Bool { value.lowercased().hasPrefix(typed.lowercased()) }
}
