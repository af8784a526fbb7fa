/// Why a delimited file could not be read at all. Problems confined to one row
/// are not errors: the reader hands the row back with a `CSVMalformation`, and the
/// loader turns it into a reject.
public enum CSVError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)
    /// A quoted field that is still open at the end of the file: everything after
    /// the quote would be swallowed, so the load stops rather than guess.
    case unterminatedQuote(path: String, line: Int, column: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open \(path): \(reason)"
        case .readFailed(let path, let reason): return "cannot read \(path): \(reason)"
        case .unterminatedQuote(let path, let line, let column):
            return "\(path):\(line):\(column): unterminated quoted field: the quote that opens it is never closed"
        }
    }
}

/// A row whose quoting breaks RFC 4180. The reader skips to the end of the
/// physical line and carries on with the next row.
public struct CSVMalformation: Sendable, Equatable {
    public let line: Int
    public let column: Int
    public let reason: String
}
