import SVWDatabase
import SVWWorkspace

/// Where an aggregate analysis reads contracts and their social value: the
/// `rollup_contracts` rollup (one row per contract with its committed and delivered pence;
/// see `Rollups`), or the raw tables joined commitment by commitment. Both give the same
/// figures to the penny — the test suite checks it — and `--sql` prints whichever ran.
public enum AnalysisSource: Sendable, Equatable {
    case rollups
    case raw

    /// Where each supplier's GM status, authority and area are read: the rollup copies the
    /// `supplier_geography` view's columns, so either name can stand in a query.
    var supplierGeography: String { self == .rollups ? Rollups.supplierGeography.table : "supplier_geography" }

    /// Brings the rollups up to date when this source reads them.
    func prepare(_ db: Database) throws {
        if self == .rollups { try Rollups.refreshIfStale(db) }
    }
}

extension Filter {
    /// `fc AS NOT MATERIALIZED (SELECT … FROM rollup_contracts c WHERE …)`: the filtered
    /// contracts from the rollup, with the same conditions as `contractsCTE` except the year,
    /// which is the rollup's `year_start` (worked out from award_date, so the same contracts):
    /// an equality on it lets an index on (year_start, supplier_id) list a year's suppliers.
    func rollupCTE(named name: String = "fc", _ query: inout QueryBuilder) -> String {
        var conditions: [String] = []
        if let year { conditions.append("c.year_start = CAST(substr(\(query.bind("year", year)), 1, 4) AS INTEGER)") }
        var rest = self
        rest.year = nil
        conditions += rest.conditions(on: "c", &query)
        let whereClause = conditions.isEmpty ? "" : "\n     WHERE " + conditions.joined(separator: "\n       AND ")
        return """
            \(name) AS NOT MATERIALIZED (
                SELECT c.*, \(Schema.financialYearLabel(start: "c.year_start")) AS financial_year
                  FROM rollup_contracts c\(whereClause)
            )
            """
    }

    /// Whether the filter narrows contracts by nothing but a year and a partner: what the
    /// per-year rollup, `rollup_years`, holds figures for.
    public var onlyYearAndPartner: Bool { category == nil && onlyYearPartnerAndCategory }

    /// `fc AS NOT MATERIALIZED (SELECT … FROM rollup_years WHERE …)`: for a filter of at
    /// most a year and a partner, the per-year rollup's rows with `awarded` also named
    /// `value_pence`, so SQL written over contracts adds them up alike. `allPartners` takes
    /// the rows for every partner together (partner NULL) unless the filter names one; else
    /// each partner's own rows.
    func yearsCTE(named name: String = "fc", allPartners: Bool, _ query: inout QueryBuilder) -> String {
        var conditions: [String] = []
        if let partner {
            conditions.append("partner = \(query.bind("partner", partner))")
        } else {
            conditions.append(allPartners ? "partner IS NULL" : "partner IS NOT NULL")
        }
        if let year { conditions.append("year_start = CAST(substr(\(query.bind("year", year)), 1, 4) AS INTEGER)") }
        return """
            \(name) AS NOT MATERIALIZED (
                SELECT *, awarded AS value_pence FROM rollup_years
                 WHERE \(conditions.joined(separator: " AND "))
            )
            """
    }

    /// Whether the filter narrows contracts by nothing but a year, a partner and a category:
    /// what the cell rollups (`rollup_contract_cells`, `rollup_lag_cells`) break down by.
    public var onlyYearPartnerAndCategory: Bool {
        minValuePence == nil && maxValuePence == nil && from == nil && to == nil
    }

    /// `NAME AS NOT MATERIALIZED (SELECT … FROM table WHERE …)` over a cell rollup: its rows
    /// for the filter's year, partner and category (no other filter may be set).
    func cellsCTE(named name: String = "fc", _ table: String, _ query: inout QueryBuilder) -> String {
        var conditions: [String] = []
        if let year { conditions.append("year_start = CAST(substr(\(query.bind("year", year)), 1, 4) AS INTEGER)") }
        if let partner { conditions.append("partner = \(query.bind("partner", partner))") }
        if let category { conditions.append("category = \(query.bind("category", category))") }
        let whereClause = conditions.isEmpty ? "" : "\n     WHERE " + conditions.joined(separator: " AND ")
        return """
            \(name) AS NOT MATERIALIZED (
                SELECT *, \(Schema.financialYearLabel(start: "year_start")) AS financial_year
                  FROM \(table)\(whereClause)
            )
            """
    }

    /// `year_start IS … AND partner IS …`: the rows of a rollup kept per year and partner and
    /// across them (NULL: every year, every partner) that hold this filter's scope.
    func scopeConditions(_ query: inout QueryBuilder) -> String {
        let year = year.map { "CAST(substr(\(query.bind("year", $0)), 1, 4) AS INTEGER)" } ?? "NULL"
        let partner = partner.map { query.bind("partner", $0) } ?? "NULL"
        return "year_start IS \(year) AND partner IS \(partner)"
    }

    /// The filtered-contracts CTE for `source`.
    func contractsCTE(from source: AnalysisSource, _ query: inout QueryBuilder) -> String {
        source == .rollups ? rollupCTE(&query) : contractsCTE(&query)
    }
}
