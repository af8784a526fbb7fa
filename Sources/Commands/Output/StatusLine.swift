import Foundation

/// One line of status redrawn in place on a terminal's stderr while long work runs — a
/// load's progress, the rollups' upkeep — and erased when it ends, before any result is
/// written. Drawn only once the work has run half a second (quick work shows nothing), and
/// redrawn at most ten times a second unless the step it names changes. A load's reading
/// thread updates it while the command's thread may erase it, hence the lock.
final class StatusLine: @unchecked Sendable {
    private let write: (String) -> Void
    private let now: () -> Date
    private let lock = NSLock()
    private var started: Date?
    private var drawn: (at: Date, step: String)?

    init(write: @escaping (String) -> Void, now: @escaping () -> Date = Date.init) {
        self.write = write
        self.now = now
    }

    /// Shows the text `text` gives for the seconds the work has run, for `step` of it.
    func show(step: String = "", _ text: (TimeInterval) -> String) {
        lock.withLock {
            let time = now()
            let started = self.started ?? time
            self.started = started
            let elapsed = time.timeIntervalSince(started)
            guard elapsed >= 0.5 else { return }
            if let drawn, drawn.step == step, time.timeIntervalSince(drawn.at) < 0.1 { return }
            drawn = (time, step)
            write("\r\u{1B}[K" + text(elapsed))
        }
    }

    /// Erases the line, if it was drawn; the next `show` starts the clock afresh.
    func erase() {
        lock.withLock {
            if drawn != nil { write("\r\u{1B}[K") }
            started = nil
            drawn = nil
        }
    }
}
