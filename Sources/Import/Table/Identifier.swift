import Foundation

/// Plain SQL identifiers for `load table`: what an analyst can type unquoted.
enum Identifier {
    /// SQLite's keywords, plus the implicit rowid names: never used bare as a name.
    static let keywords: Set<String> = Set("""
        abort action add after all alter always analyze and as asc attach autoincrement before begin between by
        cascade case cast check collate column commit conflict constraint create cross current current_date
        current_time current_timestamp database default deferrable deferred delete desc detach distinct do drop
        each else end escape except exclude exclusive exists explain fail filter first following for foreign from
        full generated glob group groups having if ignore immediate in index indexed initially inner insert instead
        intersect into is isnull join key last left like limit match materialized natural no not nothing notnull
        null nulls of offset on or order others outer over partition plan pragma preceding primary query raise
        range recursive references regexp reindex release rename replace restrict returning right rollback row rows
        savepoint select set table temp temporary then ties to transaction trigger unbounded union unique update
        using vacuum values view virtual when where window with without rowid oid _rowid_
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// "Contract Value (£)" → contract_value; "2020 total" → col_2020_total; "" → column_3;
    /// "order" → order_. Then duplicates get _2, _3 (compared ignoring case, as SQLite does).
    static func columnNames(for headers: [String]) -> [String] {
        var used: Set<String> = []
        var names: [String] = []
        for (index, header) in headers.enumerated() {
            let folded = header.folding(options: [.diacriticInsensitive], locale: nil).lowercased()
            var s = ""
            var lastUnderscore = true
            for scalar in folded.unicodeScalars {
                if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                    s.unicodeScalars.append(scalar)
                    lastUnderscore = false
                } else if !lastUnderscore {
                    s.append("_")
                    lastUnderscore = true
                }
            }
            while s.hasSuffix("_") { s.removeLast() }
            if s.isEmpty { s = "column_\(index + 1)" }
            if let first = s.unicodeScalars.first, ("0"..."9").contains(first) { s = "col_" + s }
            if keywords.contains(s) { s += "_" }
            var candidate = s
            var n = 2
            while used.contains(candidate) { candidate = "\(s)_\(n)"; n += 1 }
            used.insert(candidate)
            names.append(candidate)
        }
        return names
    }
}
