import SVWDatabase
import SVWText

/// The `param` values of a session or script, and how `$name` reaches commands and SQL.
///
/// Quoting rule, chosen so a value can never become code:
/// - In a command, `$name` (or `${name}`) is replaced inside each word *after* the
///   line has been split into words, so a value holding spaces, quotes or `;` stays
///   one argument and cannot start another command. `$$` is a literal `$`.
/// - In SQL, `$name` (also `:name`, `@name`) is an SQLite parameter: the value is
///   bound to the prepared statement, never pasted into the SQL text, so it cannot
///   end a string literal or add a statement. Whole numbers bind as integers and
///   decimals as reals (so `LIMIT $n` and `value > $min` work); anything else binds as text.
public struct Parameters: Sendable, Equatable {
    /// Current values, by name.
    public private(set) var values: [String: String] = [:]
    /// Names in the order they were first declared.
    public private(set) var names: [String] = []
    /// Values given from outside (`svw run FILE name=value`): they win over the script's defaults.
    public private(set) var overrides: [String: String] = [:]

    /// No parameters, none given from outside.
    public init() {}

    /// No parameters yet, with values given from outside (`svw run FILE name=value`).
    public init(overrides: [String: String]) {
        self.overrides = overrides
    }

    /// The value in force for `name`, if declared.
    public subscript(name: String) -> String? { values[name] }

    /// Declares `name`, with the script's default (nil for a parameter that must be
    /// given from outside); returns the value in force.
    @discardableResult
    public mutating func declare(_ name: String, default defaultValue: String?) throws -> String {
        guard Parameters.isValidName(name) else {
            throw CommandError.usage("param: \"\(name)\" is not a parameter name (letters, digits and _, not starting with a digit)")
        }
        guard let value = overrides[name] ?? defaultValue else {
            throw CommandError.failed("missing parameter \(name): give it a value (param \(name) = VALUE, or svw run SCRIPT \(name)=VALUE)")
        }
        if values[name] == nil { names.append(name) }
        values[name] = value
        return value
    }

    /// Letters, digits and `_`, not starting with a digit.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    // MARK: Commands

    /// `$name` replaced in each word (after splitting, so a value stays one word).
    public func substitute(in words: [String]) throws -> [String] {
        try words.map { $0.contains("$") ? try substitute(word: $0) : $0 }
    }

    func substitute(word: String) throws -> String {
        var out = ""
        var chars = Substring(word)
        while let dollar = chars.firstIndex(of: "$") {
            out += chars[..<dollar]
            let after = chars[chars.index(after: dollar)...]
            if after.first == "$" {
                out += "$"
                chars = after.dropFirst()
                continue
            }
            let name: Substring
            let rest: Substring
            if after.first == "{" {
                guard let close = after.firstIndex(of: "}") else {
                    throw CommandError.usage("unterminated ${ in \"\(word)\"")
                }
                name = after[after.index(after: after.startIndex)..<close]
                rest = after[after.index(after: close)...]
            } else {
                let end = after.firstIndex { !($0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber)) } ?? after.endIndex
                name = after[..<end]
                rest = after[end...]
            }
            guard !name.isEmpty, Parameters.isValidName(String(name)) else {
                throw CommandError.usage("\"$\" in \"\(word)\" does not name a parameter (write $$ for a literal $)")
            }
            out += try value(of: String(name))
            chars = rest
        }
        return out + chars
    }

    func value(of name: String) throws -> String {
        guard let value = values[name] else { throw Parameters.undeclared(name, known: names) }
        return value
    }

    static func undeclared(_ name: String, known: [String]) -> CommandError {
        var message = "undeclared parameter $\(name): declare it first with: param \(name) = VALUE"
        if let guess = Suggest.closest(to: name, among: known) { message += " (did you mean $\(guess)?)" }
        return .failed(message)
    }

    // MARK: SQL

    /// Binds every named parameter of `statement` from the current values.
    public func bind(to statement: Statement) throws {
        for index in stride(from: 1, through: statement.parameterCount, by: 1) {
            guard let written = statement.parameterName(index) else {
                throw CommandError.failed("SQL parameter ? has no value: name it ($name) and declare it with param")
            }
            let name = String(written.dropFirst())
            guard Parameters.isValidName(name) else {
                throw CommandError.failed("SQL parameter \(written) is not a parameter name (letters, digits and _, not starting with a digit)")
            }
            guard let value = values[name] else { throw Parameters.undeclared(name, known: names) }
            try statement.bind(Parameters.sqlValue(value), at: index)
        }
    }

    /// How a value binds: canonical whole numbers as integers, decimals as reals, the rest as text
    /// (so `007` and `2020/21` stay text).
    public static func sqlValue(_ text: String) -> SQLValue {
        let digits = text.hasPrefix("-") ? Substring(text.dropFirst()) : Substring(text)
        let allDigits = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
        if allDigits, digits == "0" || !digits.hasPrefix("0"), let n = Int64(text) { return .integer(n) }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
           parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
           parts[0] == "0" || !parts[0].hasPrefix("0"), let d = Double(text) {
            return .real(d)
        }
        return .text(text)
    }
}
