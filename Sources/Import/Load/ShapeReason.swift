import SVWText

/// Why a row with the wrong number of fields was rejected, in terms that point at the
/// cause: the count against the header's, and for a row that runs over several lines,
/// the quoted field that made it do so — usually a stray quote that swallowed the lines
/// after it, which each then look like a whole row.
enum ShapeReason {
    static func text(_ reader: RowSource, headerCount: Int) -> String {
        let count = reader.fieldCount
        let reason = count > headerCount
            ? "too many fields: \(count) found, and the header has \(headerCount)"
            : "row has \(count) \(Plural.noun(count, "field")); the header has \(headerCount)"
        return reason + span(reader, headerCount: headerCount)
    }

    /// For a row over several lines: where the quote that made it so opens and closes.
    static func span(_ reader: RowSource, headerCount: Int) -> String {
        guard reader.recordLastLine > reader.recordLine, let csv = reader as? CSVReader,
              let span = csv.quotedSpan(headerCount: headerCount) else { return "" }
        var reason = " — the quote opened at line \(span.opened), column \(span.column) closes at line \(span.closes)"
        if span.rowLikeLines > 0 {
            let lines = span.rowLikeLines
            reason += "; the \(Plural.noun(lines, "line", "\(lines) lines")) inside it "
                + Plural.noun(lines, "looks", "each look") + " like a whole row, so a stray quote probably swallowed "
                + Plural.noun(lines, "it", "them") + ": remove it or double it (\"\")"
        }
        return reason
    }
}

extension CSVReader {
    /// The first field of the current record that runs over a line end: where its quote
    /// opens and closes, and how many of its inner lines hold a whole row's worth of separators.
    func quotedSpan(headerCount: Int) -> (opened: Int, column: Int, closes: Int, rowLikeLines: Int)? {
        for i in 0..<fieldCount {
            let closes = i + 1 < fieldCount ? fieldLine(i + 1) : recordLastLine
            guard closes > fieldLine(i) else { continue }
            var rowLike = 0, separators = 0, lineIndex = 0
            for byte in field(i) {
                if byte == UInt8(ascii: "\n") {
                    if lineIndex > 0 && separators >= max(1, headerCount - 1) { rowLike += 1 }
                    lineIndex += 1
                    separators = 0
                } else if byte == delimiter {
                    separators += 1
                }
            }
            if lineIndex > 0 && separators >= max(1, headerCount - 1) { rowLike += 1 }
            return (fieldLine(i), i + 1, closes, rowLike)
        }
        return nil
    }
}
