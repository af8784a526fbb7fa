import Foundation
import SVWWorkspace
/// Which contracts an analysis looks at. Set per command (`--year 2020/21`) or as
/// session context (`filter year=2020/21`); every value is bound as a parameter.
public struct Filter: Sendable, Equatable {
    public var year: String?
    public var partner: String?
    public var category: String?
    /// Inclusive lower bound on awarded value, in pence.
    public var minValuePence: Int64?
    /// Exclusive upper bound on awarded value, in pence.
    public var maxValuePence: Int64?
    /// Award dates from/to, ISO, inclusive.
    public var from: String?
    public var to: String?

    public init(year: String? = nil, partner: String? = nil, category: String? = nil,
                minValuePence: Int64? = nil, maxValuePence: Int64? = nil,
                from: String? = nil, to: String? = nil) {
        self.year = year
        self.partner = partner
        self.category = category
        self.minValuePence = minValuePence
        self.maxValuePence = maxValuePence
        self.from = from
        self.to = to
    }

    public var isEmpty: Bool { self == Filter() }

    /// This filter with every field `other` sets taking precedence: per-command options over the session filter.
    public func overridden(by other: Filter) -> Filter {
        Filter(year: other.year ?? year, partner: other.partner ?? partner, category: other.category ?? category,
               minValuePence: other.minValuePence ?? minValuePence, maxValuePence: other.maxValuePence ?? maxValuePence,
               from: other.from ?? from, to: other.to ?? to)
    }

    /// Whether anything narrows contracts beyond the year and dates: own-workforce social
    /// value belongs to no contract, so it cannot be attributed under such a filter.
    public var narrowsBeyondTime: Bool {
        partner != nil || category != nil || minValuePence != nil || maxValuePence != nil
    }

    /// The filter as `filter` takes it: `year=2020/21 partner=Stockport`.
    public var assignments: [(key: String, value: String)] {
        var out: [(String, String)] = []
        if let year { out.append(("year", year)) }
        if let partner { out.append(("partner", partner)) }
        if let category { out.append(("category", category)) }
        if let minValuePence { out.append(("min-value", Filter.poundsText(minValuePence))) }
        if let maxValuePence { out.append(("max-value", Filter.poundsText(maxValuePence))) }
        if let from { out.append(("from", from)) }
        if let to { out.append(("to", to)) }
        return out
    }

    /// `year=2020/21 partner=Stockport`, or "" when empty.
    public var description: String {
        assignments.map { "\($0.key)=\(Filter.quoteIfNeeded($0.value))" }.joined(separator: " ")
    }

    /// The values alone, for a prompt or a caption: `2020/21 Stockport`.
    public var label: String {
        var parts: [String] = []
        if let year { parts.append(year) }
        if let partner { parts.append(partner) }
        if let category { parts.append(category) }
        if minValuePence != nil || maxValuePence != nil {
            let low = minValuePence.map { "≥" + Filter.poundsText($0) }
            let high = maxValuePence.map { "<" + Filter.poundsText($0) }
            parts.append([low, high].compactMap { $0 }.joined(separator: " "))
        }
        if from != nil || to != nil { parts.append("\(from ?? "…")–\(to ?? "…")") }
        return parts.joined(separator: " ")
    }

    /// Pounds without a symbol, pence only when there are any: `25000`, `25000.50`.
    static func poundsText(_ pence: Int64) -> String {
        let sign = pence < 0 ? "-" : ""
        let m = pence.magnitude
        let fraction = m % 100
        return sign + String(m / 100) + (fraction == 0 ? "" : "." + (fraction < 10 ? "0" : "") + String(fraction))
    }

    static func quoteIfNeeded(_ value: String) -> String {
        value.contains(where: { $0 == " " || $0 == "'" || $0 == "\"" || $0 == ";" })
            ? "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'" : value
    }

    // MARK: SQL

    /// The filter's conditions on a contracts row aliased `alias`, each value bound through `query`.
    public func conditions(on alias: String, _ query: inout QueryBuilder) -> [String] {
        var out: [String] = []
        if let year {
            // The financial year as a range of award dates (1 April to 31 March), so an index
            // on award_date answers it; `financial_year = :year` would read every table row.
            let y = query.bind("year", year)
            out.append("\(alias).award_date >= substr(\(y), 1, 4) || '-04-01'")
            out.append("\(alias).award_date < (substr(\(y), 1, 4) + 1) || '-04-01'")
        }
        if let partner { out.append("\(alias).partner = \(query.bind("partner", partner))") }
        if let category { out.append("\(alias).category = \(query.bind("category", category))") }
        if let minValuePence { out.append("\(alias).value_pence >= \(query.bind("min_value_pence", minValuePence))") }
        if let maxValuePence { out.append("\(alias).value_pence < \(query.bind("max_value_pence", maxValuePence))") }
        if let from { out.append("\(alias).award_date >= \(query.bind("from_date", from))") }
        if let to { out.append("\(alias).award_date <= \(query.bind("to_date", to))") }
        return out
    }

    /// `fc AS NOT MATERIALIZED (SELECT … FROM contracts c WHERE …)`: the filtered contracts
    /// as a CTE every analysis starts from. It names its columns and works the financial year
    /// out from award_date rather than read the stored column (see `Schema.financialYear`), so
    /// the indexes can answer it; NOT MATERIALIZED lets each use read only what it needs
    /// instead of copying every filtered row, titles and all, into a temporary table.
    public func contractsCTE(named name: String = "fc", ignoringYear: Bool = false, _ query: inout QueryBuilder) -> String {
        var filter = self
        if ignoringYear { filter.year = nil }
        let conditions = filter.conditions(on: "c", &query)
        let whereClause = conditions.isEmpty ? "" : "\n     WHERE " + conditions.joined(separator: "\n       AND ")
        return """
            \(name) AS NOT MATERIALIZED (
                SELECT c.contract_id, c.partner, c.title, c.category, c.supplier_id, c.award_date, c.start_date, c.end_date,
                       c.value_pence, c.sv_weighting, c.sv_considered, c.portal, c.sv_kpis,
                       \(Schema.financialYear(of: "c.award_date")) AS financial_year
                  FROM contracts c\(whereClause)
            )
            """
    }
}
