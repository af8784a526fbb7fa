import Foundation
import SVWDatabase

/// One named parameter of an analysis query and the value bound to it.
public struct SQLParameter: Sendable, Equatable {
    public let name: String
    public let value: SQLValue
}

/// The exact SQL an analysis ran and the values it bound, so `--sql` can show an
/// analyst the query behind every figure. Parameters are named (`:year`) so the
/// text reads, and runs, in sqlite3 after `.parameter set :year "'2020/21'"` (the value is
/// evaluated as SQL: unquoted, `'2020/21'` would reach the shell as the sum 2020/21 = 96).
public struct SQLQuery: Sendable, Equatable {
    public let text: String
    /// In binding order: the order in which SQLite numbers named parameters (first appearance in the text).
    public let parameters: [SQLParameter]

    /// Runs the query; `columns` says what each column is to people (its kind and heading).
    public func run(on db: Database, columns: ColumnMeanings = [:]) throws -> ResultSet {
        let statement = try db.prepare(text)
        precondition(statement.parameterCount == parameters.count,
                     "analysis SQL binds \(parameters.count) parameters but SQLite counts \(statement.parameterCount)")
        try statement.bind(parameters.map(\.value))
        var result = try statement.all()
        columns.apply(to: &result)
        // An analysis leaves a cell empty on purpose (no share on a Total line, no rate
        // without commitments): people read "–" there, never NULL.
        result.emptyCellText = AnalysisResult.emptyCell
        return result
    }

    /// The SQL preceded by its parameter values as comments: what `--sql` prints. Each
    /// comment is the sqlite3 command that binds the same value (text quoted so that
    /// `2020/21` stays text rather than being evaluated as a division).
    public var annotated: String {
        var out = ""
        if !parameters.isEmpty {
            out += "-- parameters, as sqlite3 shell commands:\n"
            for p in parameters { out += "-- .parameter set :\(p.name) \(SQLQuery.shellArgument(p.value))\n" }
        }
        out += text
        if !text.hasSuffix(";") { out += ";" }
        return out + "\n"
    }

    /// A value as the sqlite3 shell's `.parameter set` takes it: an SQL literal, in double
    /// quotes (with backslash escapes) when it holds spaces or quotes.
    static func shellArgument(_ value: SQLValue) -> String {
        let literal = SQLQuery.literal(value)
        guard literal.contains(where: { $0 == " " || $0 == "'" || $0 == "\"" || $0 == "\\" }) else { return literal }
        return "\"" + literal.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A value as an SQL literal, for display only (never spliced into a statement that runs).
    public static func literal(_ value: SQLValue) -> String {
        switch value {
        case .null: return "NULL"
        case .integer(let v): return String(v)
        case .real(let v): return SQLValue.format(real: v)
        case .text(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob: return value.string ?? "NULL"
        }
    }
}

/// Collects the values an analysis binds while its SQL text is assembled.
public struct QueryBuilder: Sendable {
    private var values: [String: SQLValue] = [:]

    public init() {}

    /// Registers `value` under `name` and returns its placeholder, `:name`.
    /// Binding one name to two different values is a programming error.
    public mutating func bind(_ name: String, _ value: SQLBindable) -> String {
        precondition(!name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") },
                     "parameter names are plain identifiers")
        let v = value.sqlValue
        if let existing = values[name] { precondition(existing == v, "parameter :\(name) bound twice with different values") }
        values[name] = v
        return ":" + name
    }

    /// The finished query: parameters ordered as SQLite numbers them in `text`.
    public func query(_ text: String) -> SQLQuery {
        let order = QueryBuilder.parameterNames(in: text)
        let parameters = order.map { name -> SQLParameter in
            guard let value = values[name] else { preconditionFailure("SQL uses :\(name) but nothing was bound to it") }
            return SQLParameter(name: name, value: value)
        }
        return SQLQuery(text: text, parameters: parameters)
    }

    /// Named parameters (`:name`) in order of first appearance, skipping string
    /// literals, quoted identifiers and comments — the order SQLite assigns their indexes.
    static func parameterNames(in sql: String) -> [String] {
        let chars = Array(sql.unicodeScalars)
        var names: [String] = []
        var seen: Set<String> = []
        var i = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_"
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "'", "\"", "`":
                i += 1
                while i < chars.count {
                    if chars[i] == c {
                        if i + 1 < chars.count && chars[i + 1] == c { i += 2; continue }
                        break
                    }
                    i += 1
                }
                i += 1
            case "[":
                while i < chars.count && chars[i] != "]" { i += 1 }
                i += 1
            case "-" where i + 1 < chars.count && chars[i + 1] == "-":
                while i < chars.count && chars[i] != "\n" { i += 1 }
            case "/" where i + 1 < chars.count && chars[i + 1] == "*":
                i += 2
                while i + 1 < chars.count && !(chars[i] == "*" && chars[i + 1] == "/") { i += 1 }
                i += 2
            case ":":
                var j = i + 1
                var name = ""
                while j < chars.count && isNameChar(chars[j]) { name.unicodeScalars.append(chars[j]); j += 1 }
                if !name.isEmpty, seen.insert(name).inserted { names.append(name) }
                i = j
            default:
                i += 1
            }
        }
        return names
    }
}
