import Foundation
import Testing
import SVWWorkspace
@testable import SVWCommands

/// The progress line while the rollups or the search index are brought up to date: nothing
/// for upkeep shorter than half a second, then redrawn at most ten times a second unless the
/// step changes, and erased at the end only when it was drawn.
@Suite struct UpkeepMeterTests {
    /// A meter on a clock the test moves, and what it wrote.
    final class Rig: @unchecked Sendable {
        var now = Date(timeIntervalSinceReferenceDate: 0)
        var written: [String] = []
        lazy var meter = UpkeepMeter(write: { self.written.append($0) }, now: { self.now })

        func at(_ seconds: Double, _ step: Upkeep.Step?) {
            now = Date(timeIntervalSinceReferenceDate: seconds)
            meter.update(step)
        }
    }

    static let erase = "\r\u{1B}[K"

    @Test func quickUpkeepShowsNothing() {
        let rig = Rig()
        rig.at(0, Upkeep.Step("rollups"))
        rig.at(0.3, Upkeep.Step("rollups: contracts", fraction: 0.5))
        rig.at(0.4, nil)
        #expect(rig.written.isEmpty)
    }

    @Test func longUpkeepIsDrawnThrottledAndErased() {
        let rig = Rig()
        rig.at(10, Upkeep.Step("rollups"))
        rig.at(10.6, Upkeep.Step("rollups: contracts", fraction: 0.25))
        rig.at(10.65, Upkeep.Step("rollups: contracts", fraction: 0.3))     // within 0.1 s of the last: skipped
        rig.at(10.68, Upkeep.Step("rollups: indexing contracts"))           // a new step: drawn at once
        rig.at(12.2, Upkeep.Step("rollups: indexing contracts"))
        rig.at(13, nil)
        #expect(rig.written == [Self.erase + "updating rollups: contracts 25% (0 s)",
                                Self.erase + "updating rollups: indexing contracts (0 s)",
                                Self.erase + "updating rollups: indexing contracts (2 s)",
                                Self.erase])
        rig.at(20, Upkeep.Step("search index"))
        rig.at(20.2, nil)
        #expect(rig.written.count == 4, "the next upkeep's clock starts afresh")
    }

    @Test func noLineWhereErrorsAreNotATerminal() {
        let (console, _) = Console.capturing()
        #expect(UpkeepMeter.listener(console: console) == nil)
        console.errIsTerminal = true
        #expect(UpkeepMeter.listener(console: console) != nil)
    }
}
