import Foundation
import Testing
#if canImport(Glibc)
import Glibc
import TestSupport
#endif

/// Power cut, OOM killer, `kill -9`: svw killed with SIGKILL at several moments of a large
/// load leaves a workspace that passes SQLite's integrity check and holds the load
/// entirely or not at all: the load is one transaction, and on the next open SQLite rolls
/// back what was not committed (from the hot rollback journal a big load writes through
/// when it has the file to itself, or by ignoring the WAL's uncommitted frames).
@Suite(.serialized) struct CrashSafetyTests {
    /// `svw` with `arguments`, output discarded, started and left running.
    static func start(_ arguments: [String], in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = SVWBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The workspace file and its WAL, copied (the copy is a workspace as the original stands).
    static func copyWorkspace(_ from: URL, to: URL) throws {
        for suffix in ["", "-wal"] {
            let source = URL(fileURLWithPath: from.path + suffix)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: to.path + suffix))
            }
        }
    }

    /// Times `command` on a copy of `base`, then runs it on a fresh copy for each fraction and
    /// kills it with SIGKILL after that fraction of the time, so the kills land inside it.
    /// Returns each killed copy with whether the kill landed ("killed") or came too late ("finished").
    static func killedCopies(of base: URL, running command: String, at fractions: [Double],
                             in scratch: ScratchFolder) throws -> [(fraction: Double, workspace: URL, outcome: String)] {
        let timed = scratch.file("timed.db")
        try copyWorkspace(base, to: timed)
        let began = Date()
        let full = try start(["--db", timed.path, "-c", command], in: scratch.url)
        full.waitUntilExit()
        let duration = Date().timeIntervalSince(began)
        try #require(full.terminationStatus == 0)

        return try fractions.map { fraction in
            let workspace = scratch.file("killed-\(fraction).db")
            try copyWorkspace(base, to: workspace)
            let process = try start(["--db", workspace.path, "-c", command], in: scratch.url)
            Thread.sleep(forTimeInterval: duration * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return (fraction, workspace, process.terminationReason == .uncaughtSignal ? "killed" : "finished")
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aLoadKilledAtAnyMomentIsAllOrNothing() throws {
        let scratch = try ScratchFolder()
        let data = scratch.file("big")
        let generated = try SVWBinary.run(["sample", "--contracts", "40000", "--seed", "7", "--out", data.path], in: scratch.url)
        try #require(generated.status == 0, "\(generated.err)")
        let rows = try String(contentsOf: data.appendingPathComponent("contracts.csv"), encoding: .utf8)
            .split(separator: "\n").count - 1
        let base = scratch.file("base.db")
        let prepared = try SVWBinary.run(["--db", base.path, "-c",
                                           "load measures big/measures.csv; load postcodes big/postcode_districts.csv; "
                                           + "load suppliers big/suppliers.csv"], in: scratch.url)
        try #require(prepared.status == 0, "\(prepared.err)")
        let suppliers = Int(try SVWBinary.run(["--db", base.path, "--format", "csv", "-c", "SELECT count(*) FROM suppliers"],
                                               in: scratch.url).out.split(separator: "\n").last ?? "") ?? -1

        var outcomes: [String] = []
        for (fraction, workspace, killedBy) in try Self.killedCopies(
            of: base, running: "load contracts big/contracts.csv", at: [0.1, 0.3, 0.5, 0.7, 0.85, 0.95], in: scratch) {
            let after = try SVWBinary.run(["--db", workspace.path, "--format", "csv", "-c", """
                PRAGMA integrity_check;
                SELECT (SELECT count(*) FROM contracts) AS contracts,
                       (SELECT count(*) FROM imports WHERE kind = 'contracts') AS loads,
                       (SELECT count(*) FROM search_fts_docsize WHERE id & 1 = 0) AS documents,
                       (SELECT count(*) FROM suppliers) AS suppliers
                """], in: scratch.url)
            #expect(after.status == 0, "\(fraction): \(after.err)")
            let lines = after.out.split(separator: "\n").map(String.init)
            #expect(lines.first == "integrity_check" && lines.dropFirst().first == "ok", "\(fraction): \(after.out)")
            let counts = lines.last?.split(separator: ",").compactMap { Int($0) } ?? []
            try #require(counts.count == 4, "\(fraction): \(after.out)")
            outcomes.append("\(fraction): \(killedBy), \(counts[0]) contracts")
            #expect(counts[0] == 0 && counts[1] == 0 && counts[2] == 0 || counts[0] == rows && counts[1] == 1 && counts[2] == rows,
                    "\(fraction) (\(killedBy)): \(counts[0]) of \(rows) contracts, \(counts[1]) loads logged, \(counts[2]) search documents")
            #expect(counts[3] == suppliers && suppliers > 0, "the earlier loads are intact")
        }
        // At least one kill landed inside the load (else the test showed nothing).
        #expect(outcomes.contains { $0.hasSuffix(": killed, 0 contracts") }, "\(outcomes)")
    }

    /// A rollup rebuild is one transaction too: killed part-way through, the workspace
    /// passes the integrity check and each rollup is either still marked stale (rebuilt
    /// again before the next analysis) or fresh and equal to its source tables.
    @Test(.timeLimit(.minutes(10)))
    func aRollupRebuildKilledAtAnyMomentLeavesItStaleOrRight() throws {
        let scratch = try ScratchFolder()
        let data = scratch.file("big")
        let generated = try SVWBinary.run(["sample", "--contracts", "40000", "--seed", "11", "--out", data.path], in: scratch.url)
        try #require(generated.status == 0, "\(generated.err)")
        let base = scratch.file("base.db")
        // Loads leave the rollups stale; the analysis builds them, so the kills below interrupt a rebuild.
        let loaded = try SVWBinary.run(["--db", base.path, "-c", "load sample big; headline 2020/21"], in: scratch.url)
        try #require(loaded.status == 0, "\(loaded.err)")
        // A change through SQL marks the rollups stale; the next analysis rebuilds them.
        let changed = try SVWBinary.run(["--db", base.path, "-c", "UPDATE contracts SET value_pence = value_pence + 1;"],
                                         in: scratch.url)
        try #require(changed.status == 0, "\(changed.err)")

        var outcomes: [String] = []
        for (fraction, workspace, killedBy) in try Self.killedCopies(
            of: base, running: "headline 2020/21", at: [0.2, 0.4, 0.6, 0.8, 0.95], in: scratch) {
            let after = try SVWBinary.run(["--db", workspace.path, "--format", "csv", "-c", """
                PRAGMA integrity_check;
                SELECT (SELECT value FROM settings WHERE key = 'rollup:rollup_contracts') AS state,
                       (SELECT sum(value_pence) FROM rollup_contracts) = (SELECT sum(value_pence) FROM contracts) AS equal
                """], in: scratch.url)
            #expect(after.status == 0, "\(fraction): \(after.err)")
            let lines = after.out.split(separator: "\n").map(String.init)
            #expect(lines.first == "integrity_check" && lines.dropFirst().first == "ok", "\(fraction): \(after.out)")
            let fields = lines.last?.split(separator: ",").map(String.init) ?? []
            try #require(fields.count == 2, "\(fraction): \(after.out)")
            outcomes.append("\(fraction): \(killedBy), \(fields[0])")
            #expect(fields[0] == "stale" || fields[0] == "fresh" && fields[1] == "1",
                    "\(fraction) (\(killedBy)): rollup \(fields[0]), equal to contracts: \(fields[1])")
        }
        // At least one kill landed inside the rebuild (else the test showed nothing).
        #expect(outcomes.contains { $0.hasSuffix(": killed, stale") }, "\(outcomes)")
    }
}
