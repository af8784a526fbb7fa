/// Table and column names written into SQL text. Values are always bound as parameters;
/// names cannot be, so every name that reaches SQL text goes through here.
public enum SQLIdentifier {
    /// `name` double-quoted with inner quotes doubled: safe for any name, as SQLite's
    /// own `quote()` would write an identifier.
    public static func quoted(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// Whether `name` can be written bare: ASCII letters, digits and `_`, not starting with a digit.
    public static func isPlain(_ name: String) -> Bool {
        name.first.map { $0.isLetter || $0 == "_" } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// `name` bare when it is plain, else quoted: the shortest form, for SQL a person reads or types.
    public static func minimallyQuoted(_ name: String) -> String { isPlain(name) ? name : quoted(name) }
}
