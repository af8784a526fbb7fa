import SVWDatabase

/// The migration that turns the generated `financial_year` columns of contracts and
/// commitments into ordinary columns svw's loads write, kept right for every other writer
/// by triggers.
///
/// SQLite evaluates a generated column's expression (here a `printf` over two `substr`s) for
/// every row inserted, stored or virtual alike: 1.4 s of a 1M-contract load and 2.1 s of a
/// 2.8M-commitment one, about a third of SQLite's work. A load already holds each date
/// parsed, so it writes the year itself (`CalendarDate.withFinancialYearBytes`, the same text)
/// and a bulk load suspends the triggers. SQL at the prompt, small loads and OCDS keep them:
/// after any statement that inserts a row or changes its date or year, the year is put back
/// to what the date says, so the column holds exactly what the generated one did.
public enum WrittenFinancialYears {
    /// Each table, the date its year follows, and the year's expression over a row `row`.
    static let tables: [(table: String, date: String)] = [("contracts", "award_date"), ("commitments", "reporting_date")]

    /// The year of `row.date` in SQL, NULL when the date is (as the generated column said).
    static func year(_ table: String, row: String) -> String {
        let date = tables.first { $0.table == table }?.date ?? "award_date"
        let year = Schema.financialYear(of: "\(row).\(date)")
        return table == "contracts" ? year : "CASE WHEN \(row).\(date) IS NULL THEN NULL ELSE \(year) END"
    }

    /// The date column whose financial year `table`'s `financial_year` holds, nil for another table.
    public static func dateColumn(of table: String) -> String? {
        tables.first { $0.table == table.lowercased() }?.date
    }

    /// The names of the triggers that keep `table`'s years right (a bulk load suspends them).
    public static func triggers(on table: String) -> [String] {
        tables.contains { $0.table == table } ? ["\(table)_financial_year_ai", "\(table)_financial_year_au"] : []
    }

    /// The migration's SQL, for the schema `db` holds now (see `Schema.generatedMigrations`).
    static func migration(for db: Database) throws -> String {
        var out = [RowidKeys.opening]
        for (table, date) in tables {
            let definition = try plainYear(TableRebuild.definition(of: table, db: db), table: table)
            let columns = try db.query("SELECT name FROM pragma_table_xinfo(?1) WHERE hidden IN (0, 3) ORDER BY cid", [table])
                .rows.compactMap { $0.first?.string }
            // Rows keep their rowids: the search index is keyed by them.
            out += try TableRebuild.statements(table, definition: definition, copied: ["rowid"] + columns, db: db)
            let names = triggers(on: table), year = year(table, row: "new")
            out.append("""
                CREATE TRIGGER \(names[0]) AFTER INSERT ON \(table) WHEN new.financial_year IS NOT \(year) BEGIN
                    UPDATE \(table) SET financial_year = \(year) WHERE rowid = new.rowid;
                END;
                CREATE TRIGGER \(names[1]) AFTER UPDATE OF \(date), financial_year ON \(table)
                  WHEN new.financial_year IS NOT \(year) BEGIN
                    UPDATE \(table) SET financial_year = \(year) WHERE rowid = new.rowid;
                END;
                """)
        }
        out.append("PRAGMA legacy_alter_table = OFF;")
        return out.joined(separator: "\n")
    }

    /// `financial_year TEXT GENERATED ALWAYS AS (…) STORED` as `financial_year TEXT`.
    static func plainYear(_ create: String, table: String) throws -> String {
        guard let column = create.firstRange(of: "financial_year"),
              let opening = create[column.upperBound...].firstRange(of: "GENERATED ALWAYS AS (")
        else { preconditionFailure("\(table) has no generated financial_year") }
        var depth = 1, index = opening.upperBound
        while depth > 0 {
            if create[index] == "(" { depth += 1 } else if create[index] == ")" { depth -= 1 }
            index = create.index(after: index)
        }
        let stored = " STORED"
        guard create[index...].hasPrefix(stored) else { preconditionFailure("\(table)'s financial_year is not stored") }
        let type = create[column.upperBound..<opening.lowerBound].split(separator: " ").joined(separator: " ")
        return String(create[..<column.lowerBound]) + "financial_year " + type + create[create.index(index, offsetBy: stored.count)...]
    }
}
