import SVWDatabase
import SVWText

/// What makes a report read as a board paper rather than a terminal log: columns headed in
/// words, counts grouped, and the warnings that hold for every figure said before any table.
extension ReportDocument {
    /// Every step's caveats (illustrative proxy values), each once, in the order first met.
    var caveats: [String] {
        var seen: [String] = []
        for caveat in steps.flatMap(\.caveats) where !seen.contains(caveat) { seen.append(caveat) }
        return seen
    }

    /// "12 more rows not shown (5,012 in all)."
    static func moreRowsSentence(shown: Int, total: Int) -> String {
        "\(NumberText.grouped(total - shown)) more \(Plural.noun(total - shown, "row")) not shown (\(NumberText.grouped(total)) in all)."
    }
}

extension ResultSet {
    /// The heading a report gives each column: an analysis's words, else the column's name (SQL).
    var reportHeadings: [String] {
        guard let headings, headings.count == columns.count else { return columns }
        return headings
    }
}
