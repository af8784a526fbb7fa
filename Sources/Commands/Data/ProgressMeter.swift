import Foundation

/// A load's progress on stderr while a big file loads — only when stderr is a terminal —
/// drawn and erased by the terminal's one status line (`StatusLine`).
enum ProgressMeter {
    private static let line = StatusLine(write: { FileHandle.standardError.write(Data($0.utf8)) })

    /// The callback for `ImportOptions.progress`, or nil when stderr is not a terminal
    /// (the executable knows; the console says).
    static func callback(label: String, onTerminal: Bool) -> ((Int64, Int64) -> Void)? {
        guard onTerminal else { return nil }
        return { read, total in line.show { _ in text(label: label, read: read, total: total) } }
    }

    /// "loading contracts.csv: 45% (90 MB of 200 MB)".
    static func text(label: String, read: Int64, total: Int64) -> String {
        let mb = { (n: Int64) in String(format: "%.0f MB", Double(n) / 1_048_576) }
        guard total > 0 else { return "loading \(label): " + mb(read) }
        return "loading \(label): \(min(100, read * 100 / total))% (\(mb(read)) of \(mb(total)))"
    }

    /// Erases the progress line, if one is showing.
    static func clear() { line.erase() }
}
