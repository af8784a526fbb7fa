import SVWText

/// svw's schema worked out in full from its migrations: what only running them can tell
/// (the generated migrations' SQL, the objects they leave, SQLite's shadow tables).
/// `Schema.snapshot` holds it as constants, so opening a workspace builds nothing; it is
/// `ScratchSchema.build()`'s output written out by `scripts/generate-schema`.
struct BuiltSchema: Sendable, Equatable {
    /// `fingerprint(of: Schema.writtenMigrations)` when it was built.
    var writtenFingerprint: UInt64
    /// The rowid-keys migration, then each of `Schema.generatedMigrations`, as SQL.
    var laterMigrations: [String]
    /// Every object the migrations create, in the order they first made it (see `Schema.ownedObjects`).
    var objects: [OwnedObject]
    /// Which of `objects` a new workspace creates, and in what order: all but the shadow tables
    /// (their virtual table makes them), as `sqlite_schema` lists them after the migrations.
    var creationOrder: [Int]
    /// An INSERT for each row the migrations leave (settings' initial rows).
    var rows: [String]

    /// The statements that make a new workspace at the final version in one go.
    var creation: [String] { creationOrder.map { objects[$0].sql } + rows }

    /// FNV-1a over the migrations' text: tells whether a snapshot was built from these
    /// migrations (an edit to one, or one added), in microseconds and with no database.
    static func fingerprint(of migrations: [String]) -> UInt64 {
        var hash = FNV1a()
        for sql in migrations {
            hash.add(sql.utf8)
            hash.endPart()
        }
        return hash.value
    }
}

extension Schema {
    /// The schema every workspace is opened and created with: the checked-in snapshot while it
    /// matches the migrations, else (a migration added or edited and the snapshot not yet
    /// regenerated) the migrations run on a scratch database — slower, never different.
    static let built: BuiltSchema = snapshotIsCurrent ? snapshot : ScratchSchema.build()

    /// Whether `snapshot` was built from today's migrations (a test also holds it to a fresh build).
    static var snapshotIsCurrent: Bool {
        snapshot.laterMigrations.count == 1 + generatedMigrations.count
            && snapshot.writtenFingerprint == BuiltSchema.fingerprint(of: writtenMigrations)
    }
}
