import SVWDatabase
import SVWText

/// A result prepared for the human modes: display text per cell, which columns are
/// numeric (right-aligned), and which rows survive the row limit.
struct TableModel {
    struct Cell {
        let text: String
        let isNull: Bool
    }

    private(set) var headers: [String]
    private(set) var rows: [[Cell]]
    let numeric: [Bool]
    let totalRows: Int
    /// The same table with its money in one unit per column (`MoneyScale`), for a terminal
    /// too narrow for exact amounts; nil when it has no money column.
    private(set) var scaledMoney: ScaledMoney?

    /// Headings and cells of the money columns in their column's unit.
    struct ScaledMoney {
        let headers: [String]
        let rows: [[Cell]]
    }

    var hiddenRows: Int { totalRows - rows.count }

    /// This table with its money scaled (`scaledMoney`), or nil when there is none.
    var withScaledMoney: TableModel? {
        guard let scaledMoney else { return nil }
        var model = self
        model.headers = scaledMoney.headers
        model.rows = scaledMoney.rows
        model.scaledMoney = nil
        return model
    }

    init(_ result: ResultSet, options: RenderOptions, singleLine: Bool = true) {
        headers = result.columns.map { singleLine ? CellText.singleLine($0) : $0 }
        // Rows the query returned but the caller did not keep count too (… N more rows).
        totalRows = result.rows.count + result.omittedRows
        let shown = options.maxRows.map { min(max($0, 0), result.rows.count) } ?? result.rows.count
        // An analysis's empty cells mean "nothing to show" and read as such; SQL NULL stays NULL.
        let nullText = result.emptyCellText ?? options.nullText
        rows = result.rows.prefix(shown).enumerated().prefix { n, _ in options.cancellation?.stops(at: n) != true }.map { _, row in
            row.enumerated().map { i, value in
                let kind = i < result.kinds.count ? result.kinds[i] : .plain
                let text = CellText.display(value, kind: kind, null: nullText)
                return Cell(text: singleLine ? CellText.singleLine(text) : text, isNull: value.isNull)
            }
        }
        scaledMoney = TableModel.scaleMoney(result, shownRows: rows.count, headers: headers, rows: rows)
        numeric = result.columns.indices.map { i in
            let kind = i < result.kinds.count ? result.kinds[i] : .plain
            if kind != .plain { return true }
            var sawNumber = false
            for row in result.rows {
                switch row[i] {
                case .integer, .real: sawNumber = true
                case .null: continue
                case .text(let text) where text.isEmpty: continue
                case .text(let text) where CellText.readsAsNumber(text): sawNumber = true
                case .text, .blob: return false
                }
            }
            return sawNumber
        }
    }

    /// Each money column's unit is chosen from the rows shown, so one column reads in one unit.
    private static func scaleMoney(_ result: ResultSet, shownRows: Int, headers: [String], rows: [[Cell]]) -> ScaledMoney? {
        let money = result.columns.indices.filter { $0 < result.kinds.count && result.kinds[$0] == .money }
        guard !money.isEmpty else { return nil }
        var headers = headers
        var rows = rows
        for i in money {
            let shown = result.rows.prefix(shownRows)
            let scale = MoneyScale.fitting(shown.compactMap { $0[i].int64 })
            headers[i] += " " + scale.unit
            for (n, row) in shown.enumerated() {
                guard let pence = row[i].int64 else { continue }
                rows[n][i] = Cell(text: scale.text(pence), isNull: false)
            }
        }
        return ScaledMoney(headers: headers, rows: rows)
    }

    /// "… 960 more rows (1,000 in all; …)" when the row limit cut the result.
    func moreRowsLine(options: RenderOptions) -> String? {
        guard hiddenRows > 0 else { return nil }
        let noun = Plural.noun(hiddenRows, "row")
        return "… \(NumberText.grouped(hiddenRows)) more \(noun) (\(NumberText.grouped(totalRows)) in all; \(options.moreRowsHint))"
    }
}
