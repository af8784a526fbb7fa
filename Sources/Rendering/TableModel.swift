import SVWDatabase
import SVWText

/// A result prepared for the human modes: display text per cell, which columns are
/// numeric (right-aligned), and which rows survive the row limit.
struct TableModel {
    struct Cell {
        let text: String
        let isNull: Bool
    }

    let headers: [String]
    let rows: [[Cell]]
    let numeric: [Bool]
    let totalRows: Int

    var hiddenRows: Int { totalRows - rows.count }

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

    /// "… 960 more rows (1,000 in all; …)" when the row limit cut the result.
    func moreRowsLine(options: RenderOptions) -> String? {
        guard hiddenRows > 0 else { return nil }
        let noun = Plural.noun(hiddenRows, "row")
        return "… \(NumberText.grouped(hiddenRows)) more \(noun) (\(NumberText.grouped(totalRows)) in all; \(options.moreRowsHint))"
    }
}
