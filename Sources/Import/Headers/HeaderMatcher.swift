/// Which column of a file feeds which field: the header row matched against the
/// fields' names and aliases, with `--map FIELD=HEADER` for anything else.
public struct HeaderMapping: Sendable {
    /// The header row as the file has it.
    public let headers: [String]
    /// Field name → 0-based column index.
    public let columns: [String: Int]
    /// Headers no field uses, in file order.
    public let ignored: [String]
    /// Money fields whose column is headed in pence (`value_pence`): whole pence, not pounds.
    public var wholePence: Set<String> = []

    public func column(_ field: String) -> Int? { columns[field] }

    /// The column of a field the matcher required (its absence was refused before any load began).
    func required(_ field: String) throws -> Int {
        guard let column = columns[field] else { throw ImportError.badOption("the file has no \(field) column") }
        return column
    }

    /// The header text feeding `field`, as the file spells it (for messages).
    public func header(_ field: String) -> String { columns[field].map { headers[$0] } ?? field }
}

public enum HeaderMatcher {
    /// Lower case letters and digits only: "Contract Value (£)" → "contractvalue".
    public static func normalise(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
            ($0.value >= 97 && $0.value <= 122) || ($0.value >= 48 && $0.value <= 57)
        }))
    }

    /// Matches `headers` to `fields`.
    /// - Parameters:
    ///   - maps: field name → header text, from `--map` (exact text, or the same after normalising).
    ///   - file: how to name the file in errors.
    ///   - excluded: columns never matched by their look (a preset knows they mean something else).
    ///   - oneOf: groups of fields of which at least one is required (a contract's supplier:
    ///     an id, or named inline), each reported as its first field when none is present.
    public static func match(headers: [String], fields: [FieldSpec], maps: [String: String], file: String,
                             oneOf: [[String]] = [], excluded: Set<Int> = []) throws -> HeaderMapping {
        var columns: [String: Int] = [:]
        var taken: [Int: String] = [:]
        let fieldNames = Set(fields.map(\.name))

        for (field, headerText) in maps.sorted(by: { $0.key < $1.key }) {
            guard fieldNames.contains(field) else {
                throw ImportError.badOption("--map: no field \"\(field)\" here (fields: \(fields.map(\.name).joined(separator: ", ")))")
            }
            let index = headers.firstIndex(of: headerText)
                ?? headers.firstIndex { normalise($0) == normalise(headerText) && !normalise(headerText).isEmpty }
            guard let index else {
                throw ImportError.badOption("--map \(field)=\"\(headerText)\": \(file) has no such column; headers found: \(list(headers))")
            }
            if let other = taken[index] {
                throw ImportError.badOption("--map: column \"\(headers[index])\" is mapped to both \(other) and \(field)")
            }
            columns[field] = index
            taken[index] = field
        }

        let normalisedHeaders = headers.map(normalise)
        for index in excluded where taken[index] == nil { taken[index] = "" }
        for field in fields where columns[field.name] == nil {
            let keys = Set(field.keys)
            // The field's own name wins over aliases, so `supplier_id` beats an `ID` column.
            let own = normalise(field.name)
            var candidates = normalisedHeaders.indices.filter { normalisedHeaders[$0] == own && taken[$0] == nil }
            if candidates.isEmpty {
                candidates = normalisedHeaders.indices.filter { keys.contains(normalisedHeaders[$0]) && taken[$0] == nil }
            }
            if candidates.count > 1 {
                // Prefer the alias listed first.
                let rank = { (i: Int) in field.keys.firstIndex(of: normalisedHeaders[i]) ?? Int.max }
                let best = candidates.map(rank).min()!
                let tied = candidates.filter { rank($0) == best }
                if tied.count > 1 {
                    throw ImportError.ambiguousColumn(file: file, field: field.name, headers: tied.map { headers[$0] })
                }
                candidates = tied
            }
            if let index = candidates.first {
                columns[field.name] = index
                taken[index] = field.name
            }
        }

        var missing: [MissingColumn] = []
        let unused = { (index: Int) in taken[index] == nil }
        for field in fields where field.required && columns[field.name] == nil {
            missing.append(MissingColumn(field: field.name, accepted: Array(([field.name] + field.aliases).prefix(6)),
                                         suggestions: HeaderSuggestions.closest(to: field, among: headers, unused: unused)))
        }
        for group in oneOf where group.allSatisfy({ columns[$0] == nil }) {
            let specs = group.compactMap { name in fields.first { $0.name == name } }
            guard let first = specs.first else { continue }
            let accepted = Array(([first.name] + first.aliases).prefix(4)) + specs.dropFirst().flatMap { ["or inline: " + $0.name] + $0.aliases.prefix(2) }
            let suggestions = Array(specs.flatMap { HeaderSuggestions.closest(to: $0, among: headers, unused: unused) }.prefix(2))
            missing.append(MissingColumn(field: first.name, accepted: accepted, suggestions: suggestions))
        }
        if !missing.isEmpty { throw ImportError.missingColumns(file: file, missing: missing, found: headers) }
        let ignored = headers.indices.filter { taken[$0] == nil || taken[$0] == "" }.map { headers[$0].isEmpty ? "(column \($0 + 1), no header)" : headers[$0] }
        var mapping = HeaderMapping(headers: headers, columns: columns, ignored: ignored)
        // A money column headed in pence holds pence, whichever name or --map chose it.
        mapping.wholePence = Set(fields.filter { field in
            field.type == .money && columns[field.name].map { normalise(headers[$0]).hasSuffix("pence") } == true
        }.map(\.name))
        return mapping
    }

    /// The headers for a message: at most 40, each cut at 60 characters, so a file that is
    /// not a table cannot fill the screen.
    static func list(_ headers: [String]) -> String {
        if headers.isEmpty { return "(none)" }
        var text = headers.prefix(40).map { "\"\($0.count > 60 ? String($0.prefix(57)) + "…" : $0)\"" }.joined(separator: ", ")
        if headers.count > 40 { text += " and \(headers.count - 40) more" }
        return text
    }
}
