import Foundation
import SVWAnalysis
import SVWCommands
import SVWDatabase
import SVWWorkspace

/// Completion from the live workspace: names from sqlite_schema and
/// pragma_table_xinfo, values from the data, every typed prefix bound as a parameter.
/// A failed look-up (a table not there yet) offers nothing rather than an error.
public struct WorkspaceCompletionSource: CompletionSource {
    let session: Session
    /// Completion must feel instant; values beyond this many are not listed.
    static let limit = 200

    public init(session: Session) {
        self.session = session
    }

    private var db: Database { session.db }

    public func tables() -> [String] {
        ((try? SchemaQueries.tablesAndViews(db)) ?? []).map(\.name)
    }

    public func columns(of table: String) -> [String] {
        (try? SchemaQueries.columns(of: table, in: db)) ?? []
    }

    /// The values the option accepts, from the catalog the commands check them against.
    public func values(_ kind: DomainValue, prefix: String) -> [String] {
        let typed = Prefix(prefix, limit: WorkspaceCompletionSource.limit)
        switch kind {
        case .partner: return (try? Catalog.partners(db, typed)) ?? []
        case .category: return (try? Catalog.categories(db, typed)) ?? []
        // The most recent year first: the one an analyst most often wants.
        case .year: return ((try? Catalog.years(db, typed)) ?? []).reversed()
        case .measure: return (try? Catalog.measures(db, typed)) ?? []
        case .supplier: return (try? Catalog.supplierNames(db, typed)) ?? []
        case .theme: return Catalog.themeNames(typed)
        }
    }

    public func measuresDescribed(prefix: String) -> [(code: String, description: String)] {
        (try? Catalog.measuresDescribed(db, Prefix(prefix, limit: WorkspaceCompletionSource.limit))) ?? []
    }

    public func distinctValues(table: String, column: String, prefix: String) -> [String] {
        // Names come from the schema, checked here, then quoted; only the prefix is user text, and it is bound.
        guard tables().contains(table), let name = columns(of: table).first(where: {
            $0.caseInsensitiveCompare(column) == .orderedSame
        }) else { return [] }
        let t = SQLIdentifier.quoted(table), c = SQLIdentifier.quoted(name)
        return strings("SELECT DISTINCT \(c) FROM \(t) WHERE typeof(\(c)) = 'text' AND \(c) LIKE ?1 ESCAPE '\\' ORDER BY 1 LIMIT ?2",
                       Prefix(prefix).likePattern)
    }

    public func files(matching partial: String) -> [FileMatch] {
        FileCompleter(baseDirectory: session.baseDirectory).matches(partial)
    }

    private func strings(_ sql: String, _ pattern: String) -> [String] {
        let rows = try? db.query(sql, [pattern, WorkspaceCompletionSource.limit]).rows
        return rows?.compactMap { $0.first?.string } ?? []
    }
}

/// Paths for a partly typed file name, relative to the session's folder.
public struct FileCompleter {
    let baseDirectory: URL

    public init(baseDirectory: URL) {
        self.baseDirectory = baseDirectory
    }

    public func matches(_ partial: String) -> [FileMatch] {
        let slash = partial.lastIndex(of: "/")
        let folderPart = slash.map { String(partial[...$0]) } ?? ""
        let namePart = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        let expanded = PathExpansion.expandingTilde(folderPart)
        let folder: URL
        if folderPart.isEmpty { folder = baseDirectory }
        else if expanded.hasPrefix("/") { folder = URL(fileURLWithPath: expanded, isDirectory: true) }
        else { folder = baseDirectory.appendingPathComponent(expanded, isDirectory: true) }

        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names
            .filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted()
            .map { name in
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                return FileMatch(path: folderPart + name + (isDirectory.boolValue ? "/" : ""), isDirectory: isDirectory.boolValue)
            }
    }
}
