import SVWDatabase

extension SearchIndex {
    /// The statement a trigger runs to mark the index stale. (Not INSERT OR IGNORE: a
    /// trigger takes the OR clause of the statement that fired it.)
    private static let markStaleSQL = """
        INSERT INTO settings(key, value) SELECT '\(staleKey)', '1'
             WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = '\(staleKey)');
        """

    /// Migration 2: the document triggers mark the index stale instead of writing to it.
    static let migration = """
    DROP TRIGGER search_fts_docs_ai;
    DROP TRIGGER search_fts_docs_ad;
    DROP TRIGGER search_fts_docs_au;
    CREATE TRIGGER search_fts_docs_ai AFTER INSERT ON search_fts_docs BEGIN
        INSERT INTO settings(key, value) SELECT '\(staleKey)', '1'
         WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = '\(staleKey)');
    END;
    CREATE TRIGGER search_fts_docs_ad AFTER DELETE ON search_fts_docs BEGIN
        INSERT INTO settings(key, value) SELECT '\(staleKey)', '1'
         WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = '\(staleKey)');
    END;
    CREATE TRIGGER search_fts_docs_au AFTER UPDATE ON search_fts_docs BEGIN
        INSERT INTO settings(key, value) SELECT '\(staleKey)', '1'
         WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = '\(staleKey)');
    END;
    """

    /// The index reads suppliers and contracts themselves (FTS5 external content), now that
    /// they are rowid tables: the copy of every name and title in `search_fts_docs`, which
    /// each load had to write and the file to hold, goes.
    ///
    /// One index over both tables, not one per table, so bm25 still weighs a word against
    /// all names and titles together and every search ranks exactly as before. Its content
    /// is the view `search_fts_documents` (`search_fts_content` is a name FTS5 reserves for a
    /// shadow table of its own), whose document ids keep the two tables apart: a
    /// contract's rowid shifted left one bit, a supplier's the same plus one (`hits`
    /// decodes them; only a rowid beyond ±2^62, which SQLite never picks unless a larger
    /// one was inserted by hand, would not survive the shift). FTS5 reads the view only to
    /// rebuild the index: searches take the text from the tables through the rowid.
    ///
    /// The triggers mark the index stale on any change to a name, a title or a rowid; the
    /// index is marked stale here too when the workspace holds any, so the next search
    /// builds it from the tables.
    static let externalContentMigration: String = {
        let oldTriggers = sources.flatMap { stalenessTriggers(on: $0.table) }
        let triggers = sources.map { source in
            let (table, column) = (source.table, source.column)
            let when = "new.rowid IS NOT old.rowid OR new.\(column) IS NOT old.\(column)"
            return """
            CREATE TRIGGER \(table)_search_ai AFTER INSERT ON \(table) BEGIN
                \(markStaleSQL)
            END;
            CREATE TRIGGER \(table)_search_au AFTER UPDATE ON \(table) WHEN \(when) BEGIN
                \(markStaleSQL)
            END;
            CREATE TRIGGER \(table)_search_ad AFTER DELETE ON \(table) BEGIN
                \(markStaleSQL)
            END;
            """
        }
        let documents = sources.enumerated().map { tag, source in
            "SELECT (rowid << 1) | \(tag) AS doc_id, \(source.column) AS body FROM \(source.table)"
        }
        return """
        \(oldTriggers.map { "DROP TRIGGER \($0);" }.joined(separator: "\n"))
        DROP TABLE search_fts;
        DROP TABLE search_fts_docs;
        -- Full-text search over supplier names and contract titles (`find`, `supplier NAME`).
        CREATE VIEW search_fts_documents AS
        \(documents.joined(separator: "\nUNION ALL\n"));
        CREATE VIRTUAL TABLE search_fts USING fts5(
            body, content='search_fts_documents', content_rowid='doc_id',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3'
        );
        \(triggers.joined(separator: "\n"))
        INSERT INTO settings(key, value) SELECT '\(staleKey)', '1'
         WHERE (EXISTS (SELECT 1 FROM suppliers) OR EXISTS (SELECT 1 FROM contracts))
           AND NOT EXISTS (SELECT 1 FROM settings WHERE key = '\(staleKey)');
        """
    }()
}
