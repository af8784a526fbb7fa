import SVWDatabase
import SVWText

/// An svw workspace: one SQLite database holding the schema in `Schema`,
/// opened with foreign keys on, WAL for files, and migrated forward to the current version.
public final class Workspace {
    /// The connection every layer above reads and writes through.
    public let db: Database
    /// What opening had to put right (svw's own tables, views, indexes or triggers that were
    /// missing and have been recreated), one note each, for the opener to show.
    public private(set) var repairs: [String] = []

    /// Opens (or creates) a workspace; nil path means an in-memory one. An existing file
    /// that is not an SQLite database, or is one belonging to something else (tables but
    /// no svw schema version), is refused before anything is written to it.
    /// - Parameter announce: told, before it starts, that a workspace made by an earlier svw is
    ///   being upgraded: on a large workspace that rewrites tables and takes a while (1M
    ///   contracts: tens of seconds), so the analyst is not left looking at a silent terminal.
    public init(path: String? = nil, announce: ((String) -> Void)? = nil) throws {
        db = try Database(path: path ?? ":memory:")
        // A second svw on the same file reads alongside; a write waits this long for another's,
        // and so does opening while a big load has the file to itself (see withRollbackJournal).
        if !db.isInMemory { db.setBusyTimeout(milliseconds: Workspace.busyTimeoutMilliseconds) }
        if let path { try Workspace.refuseForeign(db, path: path) }
        try db.execute("PRAGMA foreign_keys = ON")
        if !db.isInMemory {
            try db.execute("PRAGMA journal_mode = WAL")
            try db.execute("PRAGMA synchronous = NORMAL")
            // A 64 MB cache keeps what one command reuses. The file is not mapped: every page
            // a mapping touches counts in the process's memory, so a rollup rebuild reading a
            // whole 1M-contract workspace would hold it all; read through the cache, memory
            // stays near the cache's size (the analyses read rollups, a few pages each).
            try db.execute("PRAGMA cache_size = -65536")
        }
        // Version 0 here is an empty database (refuseForeign turned away one with tables of its own).
        let created = schemaVersion == 0
        if created {
            try create()
        } else {
            if let announce, let upgrade = try upgradeNotice() { announce(upgrade) }
            try migrate()
        }
        repairs = try SchemaRepair.restoreMissing(in: db, knownWhole: created)
        // From here on SQL typed by the analyst may not drop or alter these (Database.guardingSchema).
        db.protectSchema { Schema.owns($0) }
    }

    /// The workspace file's path; nil for an in-memory workspace.
    public var path: String? { db.isInMemory ? nil : db.path }

    /// How long a write waits while another process writes to the same workspace file.
    public static let busyTimeoutMilliseconds = 5000

    /// Reads only: switching to WAL or migrating would change someone else's file.
    static func refuseForeign(_ db: Database, path: String) throws {
        let version: Int64
        let tables: Int64
        do {
            version = try db.scalar("PRAGMA user_version").int64 ?? 0
            tables = try db.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").int64 ?? 0
        } catch let error as SQLiteError where error.isNotADatabase {
            throw WorkspaceError.notSQLite(path: path)
        }
        if version == 0 && tables > 0 { throw WorkspaceError.foreign(path: path) }
    }

    /// The migrations this workspace has run (`PRAGMA user_version`).
    public var schemaVersion: Int {
        Int((try? db.scalar("PRAGMA user_version").int64) ?? 0)
    }

    /// Makes a new workspace's whole schema in one transaction, straight from the statements
    /// the migrations leave (`Schema.built`): the same `sqlite_schema` and rows as replaying
    /// every migration (a test holds the two equal), without rebuilding tables that are empty.
    func create() throws {
        try db.transaction {
            for sql in Schema.built.creation { try db.execute(sql) }
            // PRAGMA cannot take a bound parameter; the value is our own integer, not user text.
            try db.execute("PRAGMA user_version = \(Schema.currentVersion)")
        }
    }

    /// What opening is about to do to a workspace an earlier svw made and that holds rows;
    /// nil when there is nothing to upgrade or nothing to rewrite, or when the migrations it
    /// has not seen rewrite no table (they take a moment whatever the size).
    func upgradeNotice() throws -> String? {
        let version = schemaVersion
        guard version > 0, version < Schema.lastRewritingVersion else { return nil }
        let rows = try db.scalar("""
            SELECT (SELECT count(*) FROM contracts) + (SELECT count(*) FROM commitments) + (SELECT count(*) FROM suppliers)
            """).int64 ?? 0
        guard rows > 0 else { return nil }
        let file = path.map { "\($0) " } ?? ""
        return "upgrading workspace \(file)from schema version \(version) to \(Schema.currentVersion), once: "
            + "\(NumberText.grouped(rows)) rows to carry over, which takes a while on a large workspace"
    }

    /// Runs every migration this workspace has not seen, each in its own transaction.
    ///
    /// Foreign keys are off meanwhile, as SQLite's procedure for rebuilding a table asks: a
    /// parent table dropped to be recreated would otherwise fail on its children's rows. An
    /// index or trigger an analyst put on a table a migration rebuilds is recreated after it
    /// (svw's own are the migration's business, and so is what went with a table a migration
    /// dropped for good, such as the search index's old document table).
    func migrate() throws {
        let version = schemaVersion
        guard version <= Schema.currentVersion else {
            throw WorkspaceError.tooNew(found: version, supported: Schema.currentVersion)
        }
        guard version < Schema.currentVersion else { return }
        try db.execute("PRAGMA foreign_keys = OFF")
        defer { try? db.execute("PRAGMA foreign_keys = ON") }
        for (index, sql) in Schema.migrations.enumerated() where index >= version {
            try db.transaction {
                let dependents = try Workspace.indexesAndTriggers(db)
                let roots = try Workspace.tableRoots(db)
                try db.execute(sql)
                let kept = Set(try Workspace.indexesAndTriggers(db).map(\.name))
                // A table the migration rebuilt lost the analyst's indexes and triggers on it: they
                // are put back. Rebuilt means a new root page, as the migrations rebuild a table by
                // creating the new one while the old is still there (renamed aside), never by
                // dropping it first. A table left in place lost only what the migration dropped on
                // purpose, such as an index of svw's own it no longer keeps.
                let after = try Workspace.tableRoots(db)
                let rebuilt = Set(after.keys.filter { roots[$0] != after[$0] })
                for lost in dependents where !kept.contains(lost.name) && !Schema.owns(lost.name) && rebuilt.contains(lost.table) {
                    try db.execute(lost.sql)
                }
                // PRAGMA cannot take a bound parameter; the value is our own integer, not user text.
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }

    /// Each table's root page, by lower-cased name: a table rebuilt under the same name has a new one.
    private static func tableRoots(_ db: Database) throws -> [String: Int64] {
        var roots: [String: Int64] = [:]
        for row in try db.query("SELECT lower(name), rootpage FROM sqlite_schema WHERE type = 'table'").rows {
            if let name = row[0].string { roots[name] = row[1].int64 }
        }
        return roots
    }

    /// Every index and trigger with SQL of its own (not those SQLite makes for a constraint), in creation order.
    private static func indexesAndTriggers(_ db: Database) throws -> [(name: String, table: String, sql: String)] {
        try db.query("""
            SELECT lower(name), lower(tbl_name), sql FROM sqlite_schema
             WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid
            """).rows.map { ($0[0].string ?? "", $0[1].string ?? "", $0[2].string ?? "") }
    }

    // MARK: Settings

    /// The value stored under `key` in the settings table, or nil.
    public func setting(_ key: String) throws -> String? {
        try db.scalar("SELECT value FROM settings WHERE key = ?1", [key]).string
    }

    /// Stores `value` under `key` in the settings table, replacing any earlier value.
    public func setSetting(_ key: String, _ value: String) throws {
        try db.run("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   [key, value])
    }

    /// The measures edition used to value commitments ('' until measures are loaded).
    public var measuresEdition: String {
        get throws { try setting("measures_edition") ?? "" }
    }

    /// Whether leaving would lose anything (for "leaving will lose your data" warnings):
    /// a table or view the schema did not create (`CREATE TABLE notes AS …`, `load table`),
    /// or rows in any of svw's own tables beyond the one setting a new workspace starts with.
    public var holdsData: Bool {
        guard let objects = try? db.query("SELECT name, type FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'") else {
            return true
        }
        var ownTables: [String] = []
        for row in objects.rows {
            let name = row[0].string ?? "", type = row[1].string ?? ""
            if !Schema.owns(name) { return true }
            if type == "table" && !Schema.isInternal(name) && name != "settings" { ownTables.append(name) }
        }
        for table in ownTables {
            // Names from sqlite_schema that the schema owns: quoted, never user text.
            if (try? db.scalar("SELECT EXISTS (SELECT 1 FROM \(SQLIdentifier.quoted(table)))").int64) != 0 { return true }
        }
        return false
    }

    /// Grows with every row written (total_changes) and every schema change (schema_version),
    /// so two equal readings mean nothing was changed in between.
    public var changeCounter: Int {
        db.totalChanges + Int((try? db.scalar("PRAGMA schema_version").int64) ?? 0)
    }
}

/// Why a file cannot be opened as a workspace.
public enum WorkspaceError: Error, CustomStringConvertible {
    case tooNew(found: Int, supported: Int)
    /// An SQLite database with tables of its own and no svw schema.
    case foreign(path: String)
    /// A file that is not an SQLite database at all (a CSV file named by mistake, say).
    case notSQLite(path: String)

    /// The refusal in words, naming the file.
    public var description: String {
        switch self {
        case .foreign(let path):
            return "\(path) is an SQLite database but not an svw workspace; svw will not add its tables to it"
        case .notSQLite(let path):
            return "\(path) is not an SQLite database (a data file is loaded with load KIND FILE, not opened)"
        case .tooNew(let found, let supported):
            return "workspace schema version \(found) is newer than this svw supports (\(supported)); upgrade svw"
        }
    }
}
