import Foundation
import SVWWorkspace

/// The progress line on a terminal while svw brings the rollups or the search index up to
/// date for the command that reads them (`Upkeep`): ~13 s after loading 1M contracts, in
/// silence before. Drawn once the upkeep has run half a second (a small workspace's shows
/// nothing), redrawn at most ten times a second or when the step changes, and erased when the
/// upkeep is over, before the command writes its results.
final class UpkeepMeter: @unchecked Sendable {
    private let write: (String) -> Void
    private let now: () -> Date
    private var started: Date?
    private var drawn: (at: Date, what: String)?

    init(write: @escaping (String) -> Void, now: @escaping () -> Date = Date.init) {
        self.write = write
        self.now = now
    }

    /// The listener for `Upkeep`, or nil when stderr is not a terminal.
    static func listener(console: Console) -> Upkeep.Listener? {
        guard console.errIsTerminal else { return nil }
        let meter = UpkeepMeter(write: console.writeErr)
        return Upkeep.Listener { meter.update($0) }
    }

    /// Shows `step`, or erases the line when the upkeep is over (nil).
    func update(_ step: Upkeep.Step?) {
        guard let step else {
            if drawn != nil { write("\r\u{1B}[K") }
            started = nil
            drawn = nil
            return
        }
        let time = now()
        let started = self.started ?? time
        self.started = started
        let elapsed = time.timeIntervalSince(started)
        guard elapsed >= 0.5 else { return }
        if let drawn, drawn.what == step.what, time.timeIntervalSince(drawn.at) < 0.1 { return }
        drawn = (time, step.what)
        write("\r\u{1B}[K" + Self.text(step, elapsed: elapsed))
    }

    /// "updating rollups: contracts 45% (3 s)".
    static func text(_ step: Upkeep.Step, elapsed: TimeInterval) -> String {
        var text = "updating " + step.what
        if let fraction = step.fraction { text += " \(Int(fraction * 100))%" }
        return text + " (\(Int(elapsed)) s)"
    }
}
