import SVWDatabase

/// Puts back any of svw's own schema objects a workspace has lost (a table dropped by an
/// older svw or another program), so one mistake cannot leave a workspace unusable for
/// good: every analysis and load needs them all. Each object is recreated from the
/// migrations' own statement, in the order they create them; a lost table comes back
/// empty, and the search index is left stale, for the next search to rebuild from the
/// suppliers and contracts that remain.
enum SchemaRepair {
    /// The settings key holding the schema cookie (`PRAGMA schema_version`) of the last
    /// check that found the schema whole. SQLite bumps the cookie on every schema change, so
    /// while it is unchanged nothing can have been dropped, and opening skips the check,
    /// which reads the list of svw's own objects.
    static let checkedKey = "schema_checked"

    /// Recreates what is missing; returns a note naming what was put back (none when whole).
    /// `knownWhole`: the migrations have just created the whole schema, so nothing is checked.
    static func restoreMissing(in db: Database, knownWhole: Bool = false) throws -> [String] {
        let cookie = try db.scalar("PRAGMA schema_version").int64 ?? 0
        if !knownWhole, try db.scalar("SELECT value FROM settings WHERE key = ?1", [checkedKey]).string == String(cookie) {
            return []
        }
        let (notes, whole) = knownWhole ? ([], true) : try restore(in: db)
        // What could not be put back is tried again at the next open.
        guard whole else { return notes }
        // A busy workspace (another process writing) is checked again next time instead.
        try? db.run("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [checkedKey, String(try db.scalar("PRAGMA schema_version").int64 ?? 0)])
        return notes
    }

    /// The notes, and whether everything missing was put back.
    private static func restore(in db: Database) throws -> (notes: [String], whole: Bool) {
        let present = Set(try db.query("SELECT lower(name) FROM sqlite_schema").rows.compactMap { $0.first?.string })
        // An index a load left to be built later is not lost (see PendingIndexes).
        let pending = present.contains("settings") ? try PendingIndexes.names(db) : []
        let missing = Schema.ownedObjects.filter { !present.contains($0.name.lowercased()) && !pending.contains($0.name.lowercased()) }
        guard !missing.isEmpty else { return ([], true) }
        let virtualTables = Schema.ownedObjects.filter { $0.type == "table" && $0.sql.hasPrefix("CREATE VIRTUAL TABLE") }
        var restored: [String] = [], unrestored: [String] = []
        try db.transaction {
            for object in missing where !object.isShadow {
                if virtualTables.contains(object) {
                    // Shadow tables left behind by a lost virtual table would block its re-creation.
                    for shadow in Schema.ownedObjects where shadow.isShadow && shadow.name.hasPrefix(object.name + "_")
                        && present.contains(shadow.name.lowercased()) {
                        try db.execute("DROP TABLE " + SQLIdentifier.quoted(shadow.name))
                    }
                }
                if let key = KeyIndexes.keyed(byIndex: object.name), object.type == "index" {
                    if let problem = try restoreKeyIndex(object, table: key.table, column: key.column, db) {
                        unrestored.append(problem)
                        continue
                    }
                } else {
                    try db.execute(object.sql)
                }
                restored.append("\(object.type) \(object.name)"
                                + (object.type == "table" && !isSearchIndex(object, virtualTables) ? " (empty)" : ""))
            }
            // The rollups and the search index may no longer agree with their tables (one came
            // back empty, or a staleness trigger was missing while rows changed): each is
            // rebuilt before it is next read.
            try Rollups.markAllStale(db)
            try SearchIndex.markStale(db)
        }
        let notes = (restored.isEmpty ? [] : ["this workspace had lost part of svw's schema; restored: " + restored.joined(separator: ", ")])
        return (notes + unrestored, unrestored.isEmpty)
    }

    /// Puts back a table's lost key index (see `KeyIndexes`), unless another program has since
    /// written an id twice: that is reported, and the index is tried again at the next open,
    /// so the workspace still opens for the duplicates to be removed. Nil when restored.
    private static func restoreKeyIndex(_ object: OwnedObject, table: String, column: String, _ db: Database) throws -> String? {
        do {
            try db.transaction { try db.execute(object.sql) }
            return nil
        } catch let error as SQLiteError where error.isUniqueViolation {
            // Names from svw's own list, not user text.
            let twice = try db.scalar("SELECT \(column) FROM \(table) GROUP BY \(column) HAVING count(*) > 1 ORDER BY 1 LIMIT 1").string ?? ""
            return "this workspace had lost the index \(object.name), and svw cannot restore it: \(table) holds \(column) "
                + "\"\(twice)\" more than once, written by another program. Delete the extra rows (after PRAGMA foreign_keys = OFF: "
                + "until then \(table) takes no writes); svw restores the index when it next opens the workspace"
        }
    }

    /// Whether `object` belongs to the search index (the virtual table and what is named after it).
    private static func isSearchIndex(_ object: OwnedObject, _ virtualTables: [OwnedObject]) -> Bool {
        Schema.isInternal(object.name) || virtualTables.contains(object)
    }
}
