import SVWText

/// Why a load failed as a whole. A failed load writes nothing.
public enum ImportError: Error, CustomStringConvertible, Equatable {
    case csv(CSVError)
    case emptyFile(file: String)
    /// Every required column the file lacks, each with the headers it is known by and the file's closest.
    case missingColumns(file: String, missing: [MissingColumn], found: [String])
    case ambiguousColumn(file: String, field: String, headers: [String])
    case badOption(String)
    /// `--strict` and some rows were rejected: `first` holds their messages.
    case strictRejected(file: String, rows: Int, first: [String])
    case hashMismatch(file: String, expected: String, actual: String)
    case missingEdition(file: String)
    case badTableName(String, reason: String)
    case fileChanged(file: String)
    /// The file is not a table svw can read (a PDF, an .xls, an archive…): what it is and what to do.
    case notATable(file: String, what: String, advice: String)
    /// A workbook that cannot be read as asked (no such sheet, several to choose from, damaged).
    case workbook(String)

    public var description: String {
        switch self {
        case .csv(let e): return e.description
        case .emptyFile(let file): return "\(file): the file is empty (no header row)"
        case .missingColumns(let file, let missing, let found):
            func accepted(_ m: MissingColumn) -> String { m.accepted.map { "\"\($0)\"" }.joined(separator: ", ") }
            let hint = DelimiterSniffer.hint(headers: found)
            if missing.count == 1, let m = missing.first {
                return "\(file): missing required column \"\(m.field)\" (accepted headers include \(accepted(m))"
                    + "; or name yours with --map \(m.field)=\"Your Header\")"
                    + (m.suggestions.isEmpty ? "" : "; \(m.didYouMean)")
                    + "; headers found: \(HeaderMatcher.list(found))" + hint
            }
            var text = "\(file): missing required columns " + missing.map { "\"\($0.field)\"" }.joined(separator: ", ") + ":"
            for m in missing {
                text += "\n  \(m.field): " + (m.suggestions.isEmpty ? "" : m.didYouMean + " ") + "(accepted headers include \(accepted(m)))"
            }
            return text + "\nname yours with --map FIELD=\"Your Header\"; headers found: \(HeaderMatcher.list(found))" + hint
        case .ambiguousColumn(let file, let field, let headers):
            return "\(file): columns \(HeaderMatcher.list(headers)) could each be \"\(field)\"; choose one with --map \(field)=\"\(headers.first ?? "")\""
        case .badOption(let message): return message
        case .strictRejected(let file, let rows, let first):
            var text = "--strict: \(rows) \(Plural.noun(rows, "row")) of \(file) rejected, so nothing was loaded"
            for line in first { text += "\n  " + line }
            if rows > first.count { text += "\n  …" }
            return text
        case .hashMismatch(let file, let expected, let actual):
            return "\(file): SHA-256 is \(actual), not the expected \(expected)"
        case .missingEdition(let file):
            return "\(file): measures need an edition: add an edition column or give --edition E"
        case .badTableName(let name, let reason): return "cannot load into table \"\(name)\": \(reason)"
        case .fileChanged(let file): return "\(file) changed while it was being loaded; nothing was loaded"
        case .notATable(let file, let what, let advice): return "\(file) is \(what): \(advice); nothing was loaded"
        case .workbook(let message): return message
        }
    }
}
