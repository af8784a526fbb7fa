import Foundation
import SVWDatabase
import SVWImport
import SVWScript
import SVWText
import SVWWorkspace

/// What the workspace held when the recording began (the session started, `session
/// clear`, or `open` switched workspaces). A script replays in a fresh workspace, so
/// anything here that the recording does not rebuild would be missing from the replay.
public struct RecordingBaseline: Sendable, Equatable {
    /// The last `imports` row then: loads up to it happened before the recording.
    public let lastImportID: Int64
    /// Tables and views outside svw's own schema that existed then.
    public let userObjects: [String]
    /// svw's data tables (contracts, suppliers, ...) that held rows then.
    public let filledTables: [String]

    init(_ workspace: Workspace) {
        let db = workspace.db
        lastImportID = (try? db.scalar("SELECT coalesce(max(import_id), 0) FROM imports").int64) ?? 0
        let own = RecordingBaseline.schemaObjects
        userObjects = ((try? SchemaQueries.tablesAndViews(db)) ?? []).map(\.name).filter { !own.contains($0.lowercased()) }
        filledTables = ImportKind.allCases.map(\.table).filter { table in
            // Table names come from svw's own list, never from user text.
            (try? db.scalar("SELECT EXISTS (SELECT 1 FROM \(SQLIdentifier.quoted(table)))").int64) == 1
        }
    }

    /// The tables and views svw's schema creates (lower case), from the schema's own list
    /// rather than a second workspace migrated at start-up.
    static let schemaObjects: Set<String> = Set(Schema.ownedObjects
        .filter { ($0.type == "table" || $0.type == "view") && !Schema.isInternal($0.name) }
        .map { $0.name.lowercased() })
}

/// The loads (from the `imports` log) and tables a recording leaves out because they
/// were in the workspace before it began. `save` writes the loads at the top of the
/// script so it replays on its own, and warns about the tables no load can rebuild.
struct RecordingPreamble {
    struct Load: Equatable {
        let kind: String
        let table: String
        let file: URL
        let sha256: String
        let rows: Int
        /// The load's options as given (`--map value=Total`), one word each.
        let options: [String]
    }

    var loads: [Load] = []
    /// Tables and views made before the recording by something other than a load (SQL).
    var unrestoredObjects: [String] = []
    /// svw tables that held rows before the recording which no logged load accounts for.
    var unexplainedTables: [String] = []

    var isEmpty: Bool { loads.isEmpty && unrestoredObjects.isEmpty && unexplainedTables.isEmpty }

    init() {}

    init(session: Session) {
        let baseline = session.baseline
        let rows = (try? session.db.query("""
            SELECT kind, table_name, file, sha256, rows_loaded + rows_rejected, options
              FROM imports WHERE import_id <= ?1 ORDER BY import_id
            """, [baseline.lastImportID]).rows) ?? []
        loads = rows.map { row in
            Load(kind: row[0].string ?? "", table: row[1].string ?? "", file: URL(fileURLWithPath: row[2].string ?? ""),
                 sha256: row[3].string ?? "", rows: Int(row[4].int64 ?? 0),
                 options: (try? Tokenizer.words(row[5].string ?? "")) ?? [])
        }
        let loadedTables = Set(loads.map { $0.table.lowercased() })
        unrestoredObjects = baseline.userObjects.filter { !loadedTables.contains($0.lowercased()) }
        unexplainedTables = baseline.filledTables.filter { !loadedTables.contains($0.lowercased()) }
    }

    /// The script lines that restore the loads, paths relative to `folder`.
    func text(folder: URL) -> String {
        guard !loads.isEmpty else { return "" }
        var out = "# The workspace already held data when this recording began. These loads, taken from\n"
        out += "# its imports log, rebuild it so the script replays on its own.\n"
        for load in loads {
            out += DataDeclaration(path: RelativePath.from(folder, to: load.file), sha256: load.sha256, rows: load.rows).line + "\n"
            out += command(for: load, folder: folder) + "\n"
        }
        return out + "\n"
    }

    func command(for load: Load, folder: URL) -> String {
        var words = ["load", load.kind]
        if load.kind == "table" { words.append(load.table) }
        words.append(RelativePath.from(folder, to: load.file))
        return (words + load.options).map(Tokenizer.quote).joined(separator: " ")
    }

    /// What `save` says about the preamble on stderr, after its name (nothing when the recording covers everything).
    func notes(script: String, folder: URL) -> [String] {
        var notes: [String] = []
        if !loads.isEmpty {
            let n = loads.count
            notes.append("the workspace held data before this recording began; \(script) starts with "
                + "\(n) \(Plural.noun(n, "load")) from its imports log to rebuild it: "
                + loads.map { "\($0.kind == "table" ? "table " + $0.table : $0.kind) from \(RelativePath.from(folder, to: $0.file))" }
                    .joined(separator: ", "))
            for load in loads {
                let path = RelativePath.from(folder, to: load.file)
                guard let actual = try? SHA256.hex(ofFileAt: load.file) else {
                    notes.append("warning: \(path), loaded before the recording began, is missing; \(script) will not replay until it is back")
                    continue
                }
                if actual != load.sha256 {
                    notes.append("warning: \(path) has changed since it was loaded (before the recording began); a replay will report it")
                }
            }
        }
        if !unrestoredObjects.isEmpty {
            notes.append("warning: \(script) cannot rebuild \(Self.list(unrestoredObjects)): made before this recording "
                + "began, and not by a load; commands that use \(Plural.noun(unrestoredObjects.count, "it", "them")) will fail on replay "
                + "(build \(Plural.noun(unrestoredObjects.count, "it", "them")) within the recording, with SQL or load table, and save again)")
        }
        if !unexplainedTables.isEmpty {
            notes.append("warning: \(Self.list(unexplainedTables)) held rows before this recording began that no logged load "
                + "accounts for (added with SQL?); \(script) will not have them on replay")
        }
        return notes
    }

    private static func list(_ names: [String]) -> String {
        Plural.noun(names.count, "table") + " " + names.joined(separator: ", ")
    }
}
