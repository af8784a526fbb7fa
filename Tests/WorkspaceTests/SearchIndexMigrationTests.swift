import Foundation
import Testing
import TestSupport
import SVWDatabase
@testable import SVWWorkspace

/// The search index once read a copy of every name and title (`search_fts_docs`); now it
/// reads suppliers and contracts themselves. A workspace from before must lose the copy and
/// rank every search exactly as it did.
@Suite struct SearchIndexMigrationTests {
    /// The (kind, id, bm25) of each hit of `match` in a workspace with the document table.
    private func oldHits(_ db: Database, _ match: String) throws -> [[SQLValue]] {
        try db.query("""
            SELECT d.kind, d.ref, bm25(search_fts) FROM search_fts JOIN search_fts_docs d ON d.doc_id = search_fts.rowid
             WHERE search_fts MATCH ?1 ORDER BY 3, 1, 2
            """, [match]).rows
    }

    /// The same, now: a document id is the row's rowid shifted left one bit, plus 1 for a supplier.
    private func newHits(_ db: Database, _ match: String) throws -> [[SQLValue]] {
        try db.query("""
            SELECT CASE f.rowid & 1 WHEN 1 THEN 'supplier' ELSE 'contract' END,
                   coalesce(s.supplier_id, c.contract_id), bm25(search_fts)
              FROM search_fts f
              LEFT JOIN suppliers s ON f.rowid & 1 = 1 AND s.rowid = f.rowid >> 1
              LEFT JOIN contracts c ON f.rowid & 1 = 0 AND c.rowid = f.rowid >> 1
             WHERE search_fts MATCH ?1 ORDER BY 3, 1, 2
            """, [match]).rows
    }

    @Test func migratingDropsTheCopyAndEverySearchScoresAsBefore() throws {
        let folder = try ScratchFolder()
        let path = folder.file("workspace.db").path
        let target = try #require(Schema.migrations.firstIndex(of: SearchIndex.externalContentMigration))
        let matches = ["\"gritting\"*", "\"meals\"*", "\"school\"* \"meals\"*", "\"bolton\"*", "\"ro\"*"]
        var before: [[[SQLValue]]] = []
        do {
            let db = try Database(path: path)
            for sql in Schema.migrations.prefix(target) { try db.execute(sql) }
            try db.execute("PRAGMA user_version = \(target)")
            // Rows in an order unlike their ids, and a supplier deleted: rowids and ids do not line up.
            try db.execute("""
                INSERT INTO suppliers(supplier_id, name, name_key, postcode_status) VALUES
                    ('S3', 'Bolton School Meals Ltd', 'bolton school meals', 'missing'),
                    ('S1', 'Acme Gritting', 'acme gritting', 'missing'),
                    ('S9', 'Gone Away', 'gone away', 'missing'),
                    ('S2', 'Roadside Gritting and Meals', 'roadside gritting and meals', 'missing');
                DELETE FROM suppliers WHERE supplier_id = 'S9';
                INSERT INTO contracts(contract_id, partner, title, supplier_id, award_date, value_pence) VALUES
                    ('C2', 'Bolton', 'School meals, Bolton primary schools', 'S3', '2020-06-01', 100),
                    ('C1', 'Bury', 'Road gritting', 'S1', '2020-07-01', 200),
                    ('C3', 'Bury', 'Meals on wheels', 'S2', '2021-01-01', 300);
                """)
            try SearchIndex.refreshIfStale(db)
            before = try matches.map { try oldHits(db, $0) }
            #expect(before.allSatisfy { !$0.isEmpty })
        }
        let ws = try Workspace(path: path)
        #expect(try ws.db.scalar("""
            SELECT count(*) FROM sqlite_schema
             WHERE name IN ('search_fts_docs', 'search_fts_docs_ai', 'search_fts_docs_au', 'search_fts_docs_ad')
            """) == .integer(0))
        #expect(try ws.db.scalar("SELECT count(*) FROM settings WHERE key = 'search_index_stale'") == .integer(1),
                "the next search rebuilds the index from the tables")
        try SearchIndex.refreshIfStale(ws.db)
        #expect(try matches.map { try newHits(ws.db, $0) } == before)
        try ws.db.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
        #expect(try ws.db.scalar("SELECT count(*) FROM search_fts_docsize") == .integer(3 + 3))
    }

    @Test func aNewWorkspaceHasAnEmptyIndexThatIsNotStale() throws {
        let ws = try Workspace()
        #expect(try ws.db.scalar("SELECT count(*) FROM settings WHERE key = 'search_index_stale'") == .integer(0))
        try ws.db.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
        #expect(try ws.db.scalar("SELECT count(*) FROM search_fts_docsize") == .integer(0))
    }
}
