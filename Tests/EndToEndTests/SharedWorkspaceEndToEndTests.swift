import Foundation
import Testing
import TestSupport

/// Two svw processes on one workspace file: the second reads alongside the first, and a
/// write from it waits a bounded time, then says clearly that the workspace is busy;
/// neither damages the file.
@Suite struct SharedWorkspaceEndToEndTests {
    @Test(.timeLimit(.minutes(2)))
    func aSecondProcessReadsAlongsideAndIsToldWhenTheWorkspaceIsBusy() throws {
        let scratch = try ScratchFolder()
        let workspace = scratch.file("shared.db")
        #expect(try SVWBinary.run(["--db", workspace.path, "-c", "load sample"], in: scratch.url).status == 0)

        // The first process holds a write transaction open, as a long load would.
        let first = Process()
        first.executableURL = SVWBinary.url
        first.arguments = ["--db", workspace.path]
        first.currentDirectoryURL = scratch.url
        let input = Pipe()
        first.standardInput = input
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nDELETE FROM commitments;\n".utf8))
        Thread.sleep(forTimeInterval: 1.5)

        let read = try SVWBinary.run(["--db", workspace.path, "--format", "csv", "-c", "SELECT count(*) AS n FROM commitments"],
                                      in: scratch.url)
        #expect(read.status == 0, "\(read.err)")
        #expect(read.out == "n\n11982\n", "the second process reads the last committed state")

        let began = Date()
        let write = try SVWBinary.run(["--db", workspace.path, "-c", "DELETE FROM measures"], in: scratch.url)
        let waited = Date().timeIntervalSince(began)
        #expect(write.status == 1)
        #expect(write.err == "-c:1: SQL error: the workspace \(workspace.path) is busy: another process is writing to it (waited 5 s); "
                + "try again when that process has finished\n")
        #expect(waited >= 4.5, "it waited for the other writer first (\(waited) s)")

        // The first process ends without committing: nothing of its change remains.
        try input.fileHandleForWriting.close()
        first.waitUntilExit()
        let after = try SVWBinary.run(["--db", workspace.path, "--format", "csv", "-c",
                                        "PRAGMA integrity_check; SELECT count(*) AS n FROM commitments; DELETE FROM measures"],
                                       in: scratch.url)
        #expect(after.status == 0, "\(after.err)")
        #expect(after.out == "integrity_check\nok\nn\n11982\n")
    }
}
