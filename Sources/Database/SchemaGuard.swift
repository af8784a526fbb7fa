import CSQLite

/// Refuses SQL that would break the workspace's own schema: DROP of any object it names,
/// ALTER of its tables, and rewriting the schema version. It is an SQLite authorizer, so
/// it sees every statement as SQLite compiles it (a DROP inside a trigger body or a
/// multi-statement string included), which no parsing of the text could promise.
///
/// It guards only while `Database.guardingSchema` runs: svw's own code (migrations, the
/// loaders' index rebuilds) changes the schema freely.
struct SchemaGuard {
    /// Whether an object of this name may not be dropped or altered (asked only when SQL tries).
    var isProtected: (String) -> Bool = { _ in false }
    /// How the refused statement can be done instead, per kind of refusal.
    var refusal: String?

    /// The authorizer's verdict on one action (codes from sqlite3.h's action list).
    mutating func verdict(action: Int32, first: String?, second: String?) -> Int32 {
        let object: (kind: String, name: String)?
        switch action {
        case SQLITE_DROP_TABLE, SQLITE_DROP_VTABLE: object = first.map { ("table", $0) }
        case SQLITE_DROP_VIEW: object = first.map { ("view", $0) }
        case SQLITE_DROP_INDEX: object = first.map { ("index", $0) }
        case SQLITE_DROP_TRIGGER: object = first.map { ("trigger", $0) }
        case SQLITE_ALTER_TABLE: object = second.map { ("table", $0) }
        case SQLITE_PRAGMA:
            // Reading the version is fine; setting it would make svw misread the workspace.
            guard let pragma = first?.lowercased(), second != nil,
                  pragma == "user_version" || pragma == "schema_version" || pragma == "application_id"
            else { return SQLITE_OK }
            refusal = "PRAGMA \(pragma) is svw's record of the workspace's schema and cannot be set from SQL"
            return SQLITE_DENY
        default: return SQLITE_OK
        }
        guard let object, isProtected(object.name) else { return SQLITE_OK }
        let verb = action == SQLITE_ALTER_TABLE ? "altered" : "dropped"
        var message = "\(object.name) is part of the svw workspace's schema and cannot be \(verb)"
        if object.kind == "table" {
            message += "; to empty it, DELETE FROM \(object.name); (its rows go, the table stays)"
        }
        refusal = message
        return SQLITE_DENY
    }
}

extension Database {
    /// Which names SQL run inside `guardingSchema` may not drop or alter: `isProtected` is
    /// asked only when a statement tries, so working the names out costs nothing at open.
    public func protectSchema(_ isProtected: @escaping (String) -> Bool) {
        schemaGuard.isProtected = isProtected
    }

    /// Runs `body` (which prepares user SQL) with the schema guarded: a statement that would
    /// drop or alter a protected object fails to prepare with an error saying why.
    public func guardingSchema<T>(_ body: () throws -> T) throws -> T {
        schemaGuarded = true
        schemaGuard.refusal = nil
        defer { schemaGuarded = false }
        do {
            return try body()
        } catch let error as SQLiteError where (error.code & 0xff) == SQLITE_AUTH {
            guard let refusal = schemaGuard.refusal else { throw error }
            throw SQLiteError(code: error.code, message: refusal, sql: error.sql, offset: error.offset)
        }
    }

    /// Installs the authorizer once; it does nothing unless `schemaGuarded` is set.
    func installSchemaGuard() {
        let callback: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
                                      UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32 = { context, action, first, second, _, _ in
            guard let context else { return SQLITE_OK }
            let database = Unmanaged<Database>.fromOpaque(context).takeUnretainedValue()
            guard database.schemaGuarded else { return SQLITE_OK }
            return database.schemaGuard.verdict(action: action, first: first.map { String(cString: $0) },
                                                second: second.map { String(cString: $0) })
        }
        // Unretained: the connection (and so the callback) never outlives this object.
        sqlite3_set_authorizer(handle, callback, Unmanaged.passUnretained(self).toOpaque())
    }
}
