import Foundation
import Testing
import SVWDatabase
@testable import SVWWorkspace

/// Upkeep tells its listener that it is over however it ends, and the search index's
/// rebuild is upkeep like the rollups'.
@Suite struct UpkeepTests {
    @Test func upkeepThatFailsStillSaysItIsOver() {
        struct Failure: Error {}
        let heard = Told()
        #expect(throws: Failure.self) {
            try Upkeep.$listener.withValue(heard.listener) {
                try Upkeep.reporting(Upkeep.Step("x")) {
                    Upkeep.step("x: half", fraction: 0.5)
                    throw Failure()
                }
            }
        }
        #expect(heard.steps == [Upkeep.Step("x"), Upkeep.Step("x: half", fraction: 0.5), nil])
    }

    @Test func theSearchIndexRebuildIsTold() throws {
        let workspace = try Workspace()
        let heard = Told()
        try Upkeep.$listener.withValue(heard.listener) { try SearchIndex.rebuild(workspace.db) }
        #expect(heard.steps == [Upkeep.Step("search index"), nil])
    }
}

/// Everything a listener was told, in order.
private final class Told: @unchecked Sendable {
    private let lock = NSLock()
    private var told: [Upkeep.Step?] = []

    var steps: [Upkeep.Step?] { lock.withLock { told } }

    var listener: Upkeep.Listener { Upkeep.Listener { step in self.lock.withLock { self.told.append(step) } } }
}
