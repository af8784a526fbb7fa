import SVWDatabase

/// The database objects svw's own schema creates, as the migrations leave them in
/// `sqlite_schema` (see `Schema.built`) — so the list can never drift from
/// `Schema.migrations`, and it includes what SQLite makes on the schema's behalf (FTS5
/// shadow tables), which no hand-written list would remember.
public struct OwnedObject: Sendable, Equatable {
    /// The object's name, as the migrations write it.
    public let name: String
    /// `table`, `view`, `index` or `trigger`.
    public let type: String
    /// The statement that creates it, as `sqlite_schema` holds it.
    public var sql: String = ""
    /// A table SQLite makes for a virtual table (FTS5's `search_fts_data`…): it comes and
    /// goes with its virtual table and is never created on its own.
    public var isShadow = false
}

extension Schema {
    /// Every table, view, index and trigger the migrations create, in creation order.
    /// `sqlite_…` objects (SQLite's own) are left out: no user name can start that way.
    public static var ownedObjects: [OwnedObject] { built.objects }

    /// Lower-cased names of `ownedObjects`, for case-insensitive look-ups (SQLite names ignore case).
    public static let ownedNames: Set<String> = Set(ownedObjects.map { $0.name.lowercased() })

    /// Whether `name` is one of svw's own objects (in any letter case).
    public static func owns(_ name: String) -> Bool { ownedNames.contains(name.lowercased()) }

    /// svw's internal machinery, which `tables`, `schema` and completion leave out: each
    /// virtual table the schema creates (the search index) and every object named after
    /// it — its shadow tables and the view it reads its content from (`search_fts`,
    /// `search_fts_data`, `search_fts_documents`, …). Nothing else is
    /// hidden: a user's `shifts` or `gifts_2021` is listed like any other table.
    public static let internalNames: Set<String> = {
        let virtual = ownedObjects.filter(\.isVirtualTable).map { $0.name.lowercased() }
        return Set(ownedObjects.map { $0.name.lowercased() }.filter { name in
            virtual.contains { name == $0 || name.hasPrefix($0 + "_") }
        })
    }()

    /// Whether `name` is internal machinery (see `internalNames`).
    public static func isInternal(_ name: String) -> Bool { internalNames.contains(name.lowercased()) }
}

extension OwnedObject {
    /// A virtual table (the search index), read from the statement that creates it.
    var isVirtualTable: Bool { type == "table" && sql.hasPrefix("CREATE VIRTUAL TABLE") }
}
