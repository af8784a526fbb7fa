import Foundation
import SVWWorkspace

/// The status line on a terminal while svw brings the rollups or the search index up to
/// date for the command that reads them (`Upkeep`): ~13 s after loading 1M contracts, in
/// silence before.
final class UpkeepMeter: @unchecked Sendable {
    private let line: StatusLine

    init(write: @escaping (String) -> Void, now: @escaping () -> Date = Date.init) {
        line = StatusLine(write: write, now: now)
    }

    /// The listener for `Upkeep`, or nil when stderr is not a terminal.
    static func listener(console: Console) -> Upkeep.Listener? {
        guard console.errIsTerminal else { return nil }
        let meter = UpkeepMeter(write: console.writeErr)
        return Upkeep.Listener { meter.update($0) }
    }

    /// Shows `step`, or erases the line when the upkeep is over (nil).
    func update(_ step: Upkeep.Step?) {
        guard let step else { return line.erase() }
        line.show(step: step.what) { Self.text(step, elapsed: $0) }
    }

    /// "updating rollups: contracts 45% (3 s)".
    static func text(_ step: Upkeep.Step, elapsed: TimeInterval) -> String {
        var text = "updating " + step.what
        if let fraction = step.fraction { text += " \(Int(fraction * 100))%" }
        return text + " (\(Int(elapsed)) s)"
    }
}
