/// Why a delimited file could not be read at all. Problems confined to one row
/// are not errors: the reader hands the row back with a `CSVMalformation`, and the
/// loader turns it into a reject.
public enum CSVError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)
    /// A quoted field that is still open at the end of the file: everything after
    /// the quote would be swallowed, so the load stops rather than guess.
    case unterminatedQuote(path: String, line: Int, column: Int)
    /// A record longer than the limit (no line end for megabytes): not a table of text.
    case recordTooLong(path: String, line: Int, limit: Int, header: Bool)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open \(path): \(reason)"
        case .readFailed(let path, let reason): return "cannot read \(path): \(reason)"
        case .unterminatedQuote(let path, let line, let column):
            return "\(path):\(line):\(column): unterminated quoted field: the quote that opens it is never closed"
        case .recordTooLong(let path, let line, let limit, let header):
            let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"
            if header {
                return "\(path):\(line): the header line is longer than \(size), the most a header may be: is this really a CSV file with a header row?"
            }
            return "\(path):\(line): a row longer than \(size) (the largest field svw reads; --max-field-size raises it): is a quote left open, or a line end missing?"
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
