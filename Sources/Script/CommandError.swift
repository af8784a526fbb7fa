/// Why a command failed. Every case prints as a message an analyst can act on.
public enum CommandError: Error, CustomStringConvertible, Equatable {
    /// The command line itself is wrong: unknown option, missing argument.
    case usage(String)
    /// The command ran and could not do what was asked.
    case failed(String)
    case unknownCommand(String, suggestion: String?)

    /// The message, as the analyst sees it.
    public var description: String {
        switch self {
        case .usage(let m), .failed(let m): return m
        case .unknownCommand(let word, let suggestion):
            var m = "unknown command \"\(word)\""
            if let suggestion { m += "; did you mean \"\(suggestion)\"?" }
            return m + " (type help for the list)"
        }
    }
}
