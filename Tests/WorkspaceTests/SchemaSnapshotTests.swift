import Foundation
import Testing
import SVWDatabase
@testable import SVWWorkspace

/// `Schema.snapshot` (Sources/Workspace/SchemaSnapshot.swift) is what the migrations build.
/// With SVW_WRITE_SCHEMA_SNAPSHOT=1 (`scripts/generate-schema`) the test rewrites the file instead.
@Suite struct SchemaSnapshotTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/Workspace/SchemaSnapshot.swift").standardizedFileURL

    @Test func theSnapshotIsWhatTheMigrationsBuild() throws {
        let built = ScratchSchema.build()
        let source = SchemaSnapshotSource.render(built)
        if ProcessInfo.processInfo.environment["SVW_WRITE_SCHEMA_SNAPSHOT"] == "1" {
            try source.write(to: Self.file, atomically: true, encoding: .utf8)
            return
        }
        let stale = "Sources/Workspace/SchemaSnapshot.swift is out of date with the migrations: run \(SchemaSnapshotSource.command)"
        // Booleans, so a failure prints the command to run rather than two 1,000-line values.
        let fileMatches = try String(contentsOf: Self.file, encoding: .utf8) == source
        let compiledMatches = Schema.snapshot == built
        #expect(fileMatches, "\(stale)")
        #expect(compiledMatches, "\(stale)")
        #expect(Schema.snapshotIsCurrent, "\(stale)")
    }

    /// Editing a written migration, or adding a generated one, makes svw stop trusting the snapshot.
    @Test func aSnapshotOfOtherMigrationsIsNotCurrent() {
        var edited = Schema.writtenMigrations
        edited[0] += "\n-- edited"
        #expect(BuiltSchema.fingerprint(of: edited) != BuiltSchema.fingerprint(of: Schema.writtenMigrations))
        #expect(BuiltSchema.fingerprint(of: ["ab", "c"]) != BuiltSchema.fingerprint(of: ["a", "bc"]))
    }

    /// The written migrations are history: a workspace past one never runs it again, so an edit
    /// to one, or to a live definition it reads (a rollup's indexes, columns or triggers),
    /// would change new workspaces only, and `scripts/generate-schema` would take it quietly.
    /// Pinned here, by hand: a schema change is a new generated migration.
    @Test func theWrittenMigrationsNeverChange() {
        #expect(BuiltSchema.fingerprint(of: Schema.writtenMigrations) == 0xba19_1f17_e140_802c,
                "a written migration changed (or a definition it reads, such as Rollups.contracts.indexes): add a migration instead")
    }
}
