import Foundation

/// A progress line on stderr while a big file loads — only when stderr is a terminal,
/// only once a load has run for a moment, and redrawn at most ten times a second.
final class ProgressMeter: @unchecked Sendable {
    private let label: String
    private let started = Date()
    private var lastDrawn: Date?
    private static let lock = NSLock()
    nonisolated(unsafe) private static var showing = false

    private init(label: String) { self.label = label }

    /// The callback for `ImportOptions.progress`, or nil when stderr is not a terminal
    /// (the executable knows; the console says).
    static func callback(label: String, onTerminal: Bool) -> ((Int64, Int64) -> Void)? {
        guard onTerminal else { return nil }
        let meter = ProgressMeter(label: label)
        return { meter.update(read: $0, total: $1) }
    }

    private func update(read: Int64, total: Int64) {
        let now = Date()
        guard now.timeIntervalSince(started) >= 0.5 else { return }
        if let lastDrawn, now.timeIntervalSince(lastDrawn) < 0.1 { return }
        lastDrawn = now
        var text = "\r\u{1B}[Kloading \(label): "
        let mb = { (n: Int64) in String(format: "%.0f MB", Double(n) / 1_048_576) }
        if total > 0 {
            text += "\(min(100, read * 100 / total))% (\(mb(read)) of \(mb(total)))"
        } else {
            text += mb(read)
        }
        ProgressMeter.lock.withLock { ProgressMeter.showing = true }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Erases the progress line, if one is showing.
    static func clear() {
        let wasShowing = lock.withLock { () -> Bool in
            defer { showing = false }
            return showing
        }
        if wasShowing { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
