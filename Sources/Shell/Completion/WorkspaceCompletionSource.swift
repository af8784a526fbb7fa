import Foundation
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

    public func values(_ kind: DomainValue, prefix: String) -> [String] {
        let pattern = WorkspaceCompletionSource.likePrefix(prefix)
        switch kind {
        case .partner:
            return strings("SELECT DISTINCT partner FROM contracts WHERE partner LIKE ?1 ESCAPE '\\' ORDER BY partner LIMIT ?2", pattern)
        case .category:
            return strings("SELECT DISTINCT category FROM contracts WHERE category LIKE ?1 ESCAPE '\\' ORDER BY category LIMIT ?2", pattern)
        case .year:
            return strings("""
                SELECT financial_year FROM (SELECT financial_year FROM contracts UNION SELECT financial_year FROM commitments)
                 WHERE financial_year LIKE ?1 ESCAPE '\\' ORDER BY financial_year DESC LIMIT ?2
                """, pattern)
        case .measure:
            return strings("SELECT DISTINCT code FROM measures WHERE code LIKE ?1 ESCAPE '\\' ORDER BY code LIMIT ?2", pattern)
        case .theme:
            // The five TOMs themes, in the framework's order, whether or not measures are loaded yet.
            return Schema.themes.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
        }
    }

    public func distinctValues(table: String, column: String, prefix: String) -> [String] {
        // Names come from the schema, checked here, then quoted; only the prefix is user text, and it is bound.
        guard tables().contains(table), let name = columns(of: table).first(where: {
            $0.caseInsensitiveCompare(column) == .orderedSame
        }) else { return [] }
        let t = SQLIdentifier.quoted(table), c = SQLIdentifier.quoted(name)
        return strings("SELECT DISTINCT \(c) FROM \(t) WHERE typeof(\(c)) = 'text' AND \(c) LIKE ?1 ESCAPE '\\' ORDER BY 1 LIMIT ?2",
                       WorkspaceCompletionSource.likePrefix(prefix))
    }

    public func files(matching partial: String) -> [FileMatch] {
        FileCompleter(baseDirectory: session.baseDirectory).matches(partial)
    }

    private func strings(_ sql: String, _ pattern: String) -> [String] {
        let rows = try? db.query(sql, [pattern, WorkspaceCompletionSource.limit]).rows
        return rows?.compactMap { $0.first?.string } ?? []
    }

    /// `prefix%` for LIKE, with LIKE's own wildcards in the prefix escaped.
    static func likePrefix(_ prefix: String) -> String {
        var out = ""
        for ch in prefix {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out + "%"
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
