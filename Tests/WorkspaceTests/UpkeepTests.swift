import Foundation
import Testing
import TestSupport
import SVWDatabase
@testable import SVWWorkspace

/// Upkeep tells its listener that it is over however it ends, and the search index's
/// rebuild is upkeep like the rollups'.
@Suite struct UpkeepTests {
    @Test func upkeepThatFailsStillSaysItIsOver() {
        struct Failure: Error {}
        let heard = Recorder<Upkeep.Step?>()
        #expect(throws: Failure.self) {
            try Upkeep.$listener.withValue(Upkeep.Listener(heard.append)) {
                try Upkeep.reporting(Upkeep.Step("x")) {
                    Upkeep.step("x: half", fraction: 0.5)
                    throw Failure()
                }
            }
        }
        #expect(heard.values == [Upkeep.Step("x"), Upkeep.Step("x: half", fraction: 0.5), nil])
    }

    @Test func theSearchIndexRebuildIsTold() throws {
        let workspace = try Workspace()
        let heard = Recorder<Upkeep.Step?>()
        try Upkeep.$listener.withValue(Upkeep.Listener(heard.append)) { try SearchIndex.rebuild(workspace.db) }
        #expect(heard.values == [Upkeep.Step("search index"), nil])
    }
}
