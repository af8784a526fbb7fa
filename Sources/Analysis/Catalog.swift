import SVWDatabase
import SVWWorkspace

/// The values filters and completion may take, read from the workspace: partners,
/// years and categories come from the contracts loaded, never from a list in code.
/// Completion asks with the word typed so far (`Prefix`); commands ask for every value.
public enum Catalog {
    public static func partners(_ db: Database, _ prefix: Prefix = .any) throws -> [String] {
        try strings(db, "SELECT DISTINCT partner FROM contracts WHERE partner LIKE ?1 ESCAPE '\\' ORDER BY partner LIMIT ?2", prefix)
    }

    public static func years(_ db: Database, _ prefix: Prefix = .any) throws -> [String] {
        try strings(db, """
            SELECT DISTINCT financial_year FROM contracts WHERE financial_year LIKE ?1 ESCAPE '\\'
             ORDER BY financial_year LIMIT ?2
            """, prefix)
    }

    public static func categories(_ db: Database, _ prefix: Prefix = .any) throws -> [String] {
        try strings(db, "SELECT DISTINCT category FROM contracts WHERE category LIKE ?1 ESCAPE '\\' ORDER BY category LIMIT ?2", prefix)
    }

    /// Supplier names, as `supplier NAME` takes them.
    public static func supplierNames(_ db: Database, _ prefix: Prefix = .any) throws -> [String] {
        try strings(db, "SELECT DISTINCT name FROM suppliers WHERE name LIKE ?1 ESCAPE '\\' ORDER BY name LIMIT ?2", prefix)
    }

    /// The themes `--theme` accepts: the five TOMs themes in the framework's order, whether or
    /// not measures are loaded yet (`themes(_:)` gives the ones the active edition uses).
    public static func themeNames(_ prefix: Prefix = .any) -> [String] {
        Schema.themes.filter { prefix.admits($0) }
    }

    /// Themes used by the active measures edition, in the framework's order.
    public static func themes(_ db: Database) throws -> [String] {
        let used = Set(try strings(db, """
            SELECT DISTINCT theme FROM measures
             WHERE edition = (SELECT value FROM settings WHERE key = 'measures_edition')
            """))
        return Schema.themes.filter { used.contains($0) }
    }

    /// Measure codes of the active edition.
    public static func measures(_ db: Database, _ prefix: Prefix = .any) throws -> [String] {
        try strings(db, """
            SELECT code FROM measures
             WHERE edition = (SELECT value FROM settings WHERE key = 'measures_edition') AND code LIKE ?1 ESCAPE '\\'
             ORDER BY code LIMIT ?2
            """, prefix)
    }

    /// Measure codes of the active edition with their descriptions, for a list to choose from.
    public static func measuresDescribed(_ db: Database, _ prefix: Prefix = .any) throws -> [(code: String, description: String)] {
        try db.query("""
            SELECT code, description FROM measures
             WHERE edition = (SELECT value FROM settings WHERE key = 'measures_edition') AND code LIKE ?1 ESCAPE '\\'
             ORDER BY code LIMIT ?2
            """, [prefix.likePattern, prefix.limit ?? -1]).rows.map { ($0[0].string ?? "", $0[1].string ?? "") }
    }

    /// The active measures edition and whether any of its proxy values are illustrative.
    public static func measuresEdition(_ db: Database) throws -> (edition: String, illustrative: Bool, measures: Int) {
        let row = try db.query("""
            SELECT s.value, coalesce(max(m.illustrative), 0), count(m.code)
              FROM settings s LEFT JOIN measures m ON m.edition = s.value
             WHERE s.key = 'measures_edition'
             GROUP BY s.value
            """).rows.first
        return (row?[0].string ?? "", row?[1].int64 == 1, Int(row?[2].int64 ?? 0))
    }

    /// The latest reporting date of any commitment (the default "as of" for delivery checks),
    /// from its rollup: brought up to date alone, as a command reading the raw tables needs no other.
    public static func latestReportingDate(_ db: Database) throws -> String? {
        try Rollups.refreshIfStale(db, only: [Rollups.reporting])
        return try db.scalar("SELECT latest_reporting_date FROM \(Rollups.reporting.table)").string
    }

    /// Whether any contract passes `filter` (and, given one, was won by `supplierID`), so a
    /// command can say that its filter matched nothing rather than leave zeros unexplained.
    public static func anyContract(_ db: Database, filter: Filter, supplierID: String? = nil) throws -> Bool {
        var q = QueryBuilder()
        var conditions = filter.conditions(on: "c", &q)
        if let supplierID { conditions.append("c.contract_id IN (SELECT contract_id FROM award_suppliers WHERE supplier_id = \(q.bind("supplier_id", supplierID)))") }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try q.query("SELECT EXISTS (SELECT 1 FROM contracts c\(whereClause))").run(on: db).scalar.int64 == 1
    }

    /// Whether some contract has exactly this value in `column` (partner, category or
    /// financial_year): a seek, or a scan that stops at the first match, where listing every
    /// value would read the whole table. Checking a filter value costs this when it is right.
    public static func has(_ db: Database, _ column: Column, _ value: String) throws -> Bool {
        try db.scalar("SELECT EXISTS (SELECT 1 FROM contracts WHERE \(column.rawValue) = ?1)", [value]).int64 == 1
    }

    /// The contract columns a filter value is checked against.
    public enum Column: String, Sendable {
        case partner, category, year = "financial_year"
    }

    static func strings(_ db: Database, _ sql: String) throws -> [String] {
        try db.query(sql).rows.compactMap { $0.first?.string }
    }

    static func strings(_ db: Database, _ sql: String, _ prefix: Prefix) throws -> [String] {
        try db.query(sql, [prefix.likePattern, prefix.limit ?? -1]).rows.compactMap { $0.first?.string }
    }
}

/// The SQL that sorts by the TOMs themes' framework order (`Schema.themes`), and measures by code.
public enum ThemeOrder {
    /// `CASE theme WHEN 'Jobs' THEN 1 … END`: our own constants, not user text.
    static func sortKey(_ column: String) -> String {
        "CASE \(column) " + Schema.themes.enumerated().map { "WHEN '\($1)' THEN \($0 + 1)" }.joined(separator: " ")
            + " ELSE \(Schema.themes.count + 1) END"
    }

    /// Measure codes in the order people read them: by letters, then by number, so NT3
    /// comes before NT10 (a plain text sort puts NT10, NT12 before NT3). `column` is ours.
    static func measureOrder(_ column: String) -> String {
        "rtrim(\(column), '0123456789'), "
            + "CAST(substr(\(column), length(rtrim(\(column), '0123456789')) + 1) AS INTEGER), \(column)"
    }
}
