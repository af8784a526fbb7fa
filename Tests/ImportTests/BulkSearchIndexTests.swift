import Foundation
import Testing
import SVWDatabase
import SVWWorkspace
@testable import SVWImport

/// The search index reads suppliers and contracts themselves: a big load into either writes
/// nothing for it, only drops the triggers that mark it stale, marks it stale once and puts
/// the triggers back. The index the next search rebuilds must be the one a row-by-row load
/// leads to, the triggers must come back unchanged, and a failed load must change nothing.
@Suite struct BulkSearchIndexTests {
    private var deferred: ImportOptions { .bulk }

    private func load(_ kind: ImportKind, _ file: String, _ h: Harness, _ options: ImportOptions) throws -> ImportReport {
        let url = h.dir.url.appendingPathComponent(file)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        // Guards the tests' premise: with these options the load really takes the deferred path (or not).
        let defers = try BulkIndexes.worthDeferring(table: kind.table, fileSize: Int64(size),
                                                   threshold: options.bulkIndexThreshold, db: h.db)
        #expect(defers == (options.bulkIndexThreshold == 0))
        return try Importer.load(kind, file: url, into: h.session.workspace, options: options)
    }

    /// A second workspace with the same fixtures, loaded row by row (default options).
    private func reference(_ h: Harness) throws -> Harness {
        let r = try Harness()
        for name in ["measures.csv", "postcode_districts.csv", "suppliers.csv", "contracts.csv", "commitments.csv", "reload.csv"] {
            let url = h.dir.url.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { try r.write(name, String(contentsOf: url, encoding: .utf8)) }
        }
        return r
    }

    private func triggers(_ h: Harness) throws -> [[String]] {
        try h.rows("SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
    }

    /// sqlite_schema rowids of the search triggers: a dropped and recreated trigger gets a new one.
    private func triggerRowids(_ h: Harness) throws -> [[String]] {
        try h.rows("SELECT name, rowid FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
    }

    /// What the index finds, as (kind, id): a document id is the row's rowid shifted left one
    /// bit, plus 1 for a supplier (decoded here by hand, not by svw's own query).
    private func matches(_ h: Harness, _ query: String) throws -> [[String]] {
        try h.rows("""
            SELECT CASE WHEN f.rowid & 1 = 1 THEN 'supplier' ELSE 'contract' END AS kind,
                   coalesce((SELECT supplier_id FROM suppliers WHERE f.rowid & 1 = 1 AND rowid = f.rowid >> 1),
                            (SELECT contract_id FROM contracts WHERE f.rowid & 1 = 0 AND rowid = f.rowid >> 1)) AS ref
              FROM search_fts f WHERE search_fts MATCH '\(query)' ORDER BY 1, 2
            """)
    }

    /// Every token the FTS index holds, by document (kind and id) rather than by rowid, so two
    /// workspaces that numbered their rows differently still compare equal; FTS5's own check
    /// first holds the index to the names and titles it reads.
    private func indexContents(_ h: Harness) throws -> [[String]] {
        try SearchIndex.refreshIfStale(h.db)
        try h.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, search_fts, 'instance')")
        try h.db.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
        return try h.rows("""
            SELECT coalesce(s.supplier_id, c.contract_id), v.term, v.offset FROM temp.search_terms v
              LEFT JOIN suppliers s ON v.doc & 1 = 1 AND s.rowid = v.doc >> 1
              LEFT JOIN contracts c ON v.doc & 1 = 0 AND c.rowid = v.doc >> 1
             ORDER BY 1, 3, 2
            """)
    }

    private func isStale(_ h: Harness) throws -> Bool {
        try h.db.scalar("SELECT count(*) FROM settings WHERE key = 'search_index_stale'").int64 == 1
    }

    /// The pages the index itself holds (FTS5's shadow tables): a load that leaves them as they were wrote nothing to it.
    private func indexRows(_ h: Harness) throws -> [[String]] {
        try h.db.query("SELECT printf('%d', id), hex(block) FROM search_fts_data ORDER BY id").rows.map { $0.map { $0.string ?? "" } }
    }

    /// Big enough beside 4 existing contracts for the load to be deferred; C001 gets a new title.
    private func writeReload(_ h: Harness) throws {
        var text = "contract_id,partner,title,category,supplier_id,award_date,value\n"
        text += "C001,Stockport,Bridge inspection,Works,S001,15/06/2020,\"£1,250,000.00\"\n"
        text += "C002,Trafford,Home care,Care,S002,31/03/2021,\"£80,000.00\"\n"
        for i in 100..<130 { text += "C\(i),Bolton,Extra contract \(i),Goods,S003,01/05/2021,£\(i)\n" }
        try h.write("reload.csv", text)
    }

    @Test func deferredLoadsIndexNamesAndTitlesAndRestoreTheTriggers() throws {
        let h = try Harness()
        try h.writeSample()
        let fresh = try triggers(h)
        let rowidsBefore = try triggerRowids(h)
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv") == 0)
        let emptyIndex = try indexRows(h)
        #expect(try !isStale(h))
        #expect(try load(.suppliers, "suppliers.csv", h, deferred).loaded == 4)
        #expect(try load(.contracts, "contracts.csv", h, deferred).loaded == 4)
        #expect(try isStale(h))
        #expect(try indexRows(h) == emptyIndex, "the loads wrote nothing for the index")

        // The key indexes the loads left pending are guarded meanwhile (see KeyIndexes).
        let guards = ["contracts_key_pending_insert", "contracts_key_pending_update", "suppliers_key_pending_insert",
                      "suppliers_key_pending_update"]
        #expect(try triggers(h).filter { !guards.contains($0[0]) } == fresh)
        #expect(try triggers(h).map { $0[0] }.filter { $0.contains("_key_pending_") } == guards)
        let rowidsAfter = try triggerRowids(h).filter { !guards.contains($0[0]) }
        #expect(rowidsAfter != rowidsBefore)    // recreated, not left in place
        #expect(try matches(h, "acme") == [["supplier", "S001"]])
        #expect(try matches(h, "repairs") == [["contract", "C001"]])
        #expect(try matches(h, "care") == [["contract", "C002"], ["supplier", "S002"]])
        #expect(h.run("find highway") == 0)
        #expect(h.capture.out.contains("Highway repairs"))

        // Exactly what the per-row triggers build.
        let r = try reference(h)
        #expect(r.run("load measures measures.csv; load postcodes postcode_districts.csv; load suppliers suppliers.csv; load contracts contracts.csv") == 0)
        #expect(try indexContents(h) == indexContents(r))
    }

    @Test func aDeferredReloadReplacesChangedTitles() throws {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load sample .") == 0)
        try writeReload(h)
        #expect(try matches(h, "highway") == [["contract", "C001"]])
        let fresh = try triggers(h)

        let report = try load(.contracts, "reload.csv", h, deferred)
        #expect(report.loaded == 32)
        #expect(report.replaced == 2)
        #expect(try triggers(h) == fresh)
        #expect(try matches(h, "highway") == [])
        #expect(try matches(h, "bridge") == [["contract", "C001"]])
        #expect(try matches(h, "care") == [["contract", "C002"], ["supplier", "S002"]])
        #expect(try matches(h, "extra").count == 30)
        #expect(try matches(h, "stationery") == [["contract", "C003"]])

        let r = try reference(h)
        #expect(r.run("load sample .; load contracts reload.csv") == 0)
        #expect(try indexContents(h) == indexContents(r))
    }

    @Test func aFailedDeferredLoadChangesNothing() throws {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load sample .") == 0)
        try writeReload(h)
        let good = try String(contentsOf: h.dir.url.appendingPathComponent("reload.csv"), encoding: .utf8)
        try h.write("bad.csv", good + "C200,Bolton,Broken,Goods,S003,01/05/2021,£x\n")
        let before = try h.dump()
        var strict = deferred
        strict.strict = true
        #expect(throws: ImportError.self) { try load(.contracts, "bad.csv", h, strict) }
        #expect(try h.dump() == before)

        // Interrupted part-way through the rows, after the triggers were dropped.
        let handle = h.db.interruptHandle
        var interrupted = deferred
        interrupted.chunkSize = 512
        var chunks = 0
        interrupted.progress = { _, _ in chunks += 1; if chunks == 2 { handle.interrupt() } }
        #expect { try load(.contracts, "reload.csv", h, interrupted) } throws: { ($0 as? SQLiteError)?.isInterrupt == true }
        #expect(h.db.isAutocommit)
        #expect(try h.dump() == before)
    }

    @Test func sqlAfterADeferredLoadStillUpdatesTheIndex() throws {
        let h = try Harness()
        try h.writeSample()
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv") == 0)
        _ = try load(.suppliers, "suppliers.csv", h, deferred)
        _ = try load(.contracts, "contracts.csv", h, deferred)

        #expect(h.run("UPDATE suppliers SET name = 'Zenith Builders' WHERE supplier_id = 'S001';") == 0)
        #expect(try matches(h, "acme") == [])
        #expect(try matches(h, "zenith") == [["supplier", "S001"]])
        #expect(h.run("UPDATE contracts SET title = 'Gritting' WHERE contract_id = 'C003';") == 0)
        #expect(try matches(h, "stationery") == [])
        #expect(try matches(h, "gritting") == [["contract", "C003"]])
        #expect(h.run("DELETE FROM contracts WHERE contract_id = 'C004';") == 0)
        #expect(try matches(h, "consultancy") == [])
        // A column the index does not read leaves it as it is; a row that moves (its rowid is its document id) does not.
        #expect(h.run("UPDATE suppliers SET sme = 1 WHERE supplier_id = 'S002'; UPDATE contracts SET value_pence = 5 WHERE contract_id = 'C001';") == 0)
        #expect(try !isStale(h))
        #expect(h.run("UPDATE contracts SET rowid = rowid + 100 WHERE contract_id = 'C001';") == 0)
        #expect(try isStale(h))
        #expect(try matches(h, "repairs") == [["contract", "C001"]])
    }

    @Test func smallLoadsKeepTheirTriggersInPlace() throws {
        let h = try Harness()
        try h.writeSample()
        let rowids = try triggerRowids(h)
        #expect(h.run("load measures measures.csv; load postcodes postcode_districts.csv") == 0)
        _ = try load(.suppliers, "suppliers.csv", h, ImportOptions())
        _ = try load(.contracts, "contracts.csv", h, ImportOptions())
        #expect(try triggerRowids(h) == rowids)
        #expect(try matches(h, "repairs") == [["contract", "C001"]])
    }
}
