import Foundation
import Testing
import TestSupport
import SVWDatabase
import SVWWorkspace

/// What a rollups rebuild tells whoever listens (the terminal's progress line): its steps in
/// the order it takes them, the contracts' share done rising to all of them, and that it is
/// over, once, at the end; and nothing when the rollups are fresh.
@Suite struct UpkeepReportTests {
    @Test func aRebuildTellsItsStepsInOrderAndThatItIsOver() throws {
        let db = try Fixture.db()
        try db.execute("UPDATE settings SET value = 'stale' WHERE key LIKE 'rollup:%'")
        let heard = Recorder<Upkeep.Step?>()
        try Upkeep.$listener.withValue(Upkeep.Listener(heard.append)) { try Rollups.refreshIfStale(db) }
        let steps = heard.values
        #expect(steps.first == Upkeep.Step("rollups"))
        #expect(steps.last == .some(nil))
        #expect(steps.filter { $0 == nil }.count == 1, "the end told once")
        let whats = steps.compactMap { $0?.what }
        let order = ["rollups", "rollups: contracts", "rollups: indexing contracts", "rollups: suppliers", "rollups: saving"]
        #expect(order.compactMap { whats.firstIndex(of: $0) } == order.compactMap { whats.firstIndex(of: $0) }.sorted(),
                "\(whats)")
        #expect(Set(order).isSubset(of: Set(whats)), "\(whats)")
        #expect(whats.last == "rollups: saving")
        let done = steps.compactMap { $0 }.filter { $0.what == "rollups: contracts" }.compactMap(\.fraction)
        #expect(done.first == 0)
        #expect(done.last == 1)
        #expect(done == done.sorted())

        let again = Recorder<Upkeep.Step?>()
        try Upkeep.$listener.withValue(Upkeep.Listener(again.append)) { try Rollups.refreshIfStale(db) }
        #expect(again.values.isEmpty, "fresh rollups need no upkeep")
    }
}
