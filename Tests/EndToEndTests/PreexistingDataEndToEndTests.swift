import Foundation
import Testing
import TestSupport

/// A session that starts on a workspace already holding data: `save` writes the loads
/// that built it (from the imports log) so the script replays on its own, and names
/// what it cannot rebuild.
@Suite struct PreexistingDataEndToEndTests {
    @Test func saveRestoresLoadsMadeBeforeTheRecording() throws {
        let scratch = try ScratchFolder()
        // Semicolon-separated: the replayed load needs the --delimiter it was given.
        try scratch.write("data/things.txt", "name;v\na;1\nb;2\nc;3;extra\n")
        let measures = try String(contentsOf: SVWBinary.packageRoot.appendingPathComponent("SampleData/measures.csv"), encoding: .utf8)
        try scratch.write("data/measures.csv", measures)
        let build = try SVWBinary.run(["--db", "ws.db", "-c",
                                        "load measures data/measures.csv; load table things data/things.txt --delimiter ';'; "
                                        + "CREATE TABLE notes(x); INSERT INTO notes VALUES (1)"], in: scratch.url)
        #expect(build.status == 0, "\(build.err)")

        let session = try SVWBinary.run(["--db", "ws.db", "-c",
                                          "SELECT count(*) AS n FROM measures; SELECT name, v FROM things ORDER BY name; save s.svw"],
                                         in: scratch.url)
        #expect(session.status == 0, "\(session.err)")
        #expect(session.err.contains("save: the workspace held data before this recording began; s.svw starts with 2 loads "
                                     + "from its imports log to rebuild it: measures from data/measures.csv, table things from data/things.txt\n"))
        #expect(session.err.contains("save: warning: s.svw cannot rebuild table notes: made before this recording began, and not by a load"))

        let script = try scratch.read("s.svw")
        let body = script.components(separatedBy: "\n").filter { !$0.hasPrefix("# ") && !$0.isEmpty }
        #expect(body == [
            "load measures data/measures.csv",
            "load table things data/things.txt --delimiter ';'",
            "SELECT count(*) AS n FROM measures;",
            "#>  n", "#> --", "#> 27",
            "SELECT name, v FROM things ORDER BY name;",
            "#> name  v", "#> ----  -", "#> a     1", "#> b     2",
        ])
        // Each restored load carries its data line: the hash and every row read (rejected ones too).
        #expect(script.contains("# data: data/things.txt sha256="))
        #expect(script.contains(" rows=3\nload table things data/things.txt --delimiter ';'\n"))
        #expect(script.contains(" rows=27\nload measures data/measures.csv\n"))

        let elsewhere = try ScratchFolder()
        let replay = try SVWBinary.run(["run", scratch.file("s.svw").path, "--strict"], in: elsewhere.url)
        #expect(replay.status == 0, "\(replay.err)")
        #expect(replay.out == session.out)
    }

    /// After `session clear`, what was loaded before is no longer in the recording: save restores it.
    @Test func sessionClearKeepsTheScriptReplayable() throws {
        let scratch = try ScratchFolder()
        try scratch.write("data/things.csv", "name,v\na,1\nb,2\n")
        let session = try SVWBinary.run(["-c", "load table things data/things.csv; session clear; SELECT sum(v) AS total FROM things; save s.svw"],
                                         in: scratch.url)
        #expect(session.status == 0, "\(session.err)")
        #expect(try scratch.read("s.svw").contains("load table things data/things.csv\n\nSELECT sum(v) AS total FROM things;\n"))
        let replay = try SVWBinary.run(["run", "s.svw"], in: scratch.url)
        #expect(replay.status == 0, "\(replay.err)")
        #expect(replay.out == session.out)
    }

    /// A recording that loads everything itself gets no preamble and no warning.
    @Test func aSelfContainedRecordingIsLeftAsItIs() throws {
        let scratch = try ScratchFolder()
        try scratch.write("data/things.csv", "name,v\na,1\n")
        let session = try SVWBinary.run(["-c", "load table things data/things.csv; CREATE TABLE notes(x); SELECT 1 AS one; save s.svw"],
                                         in: scratch.url)
        #expect(session.status == 0)
        #expect(!session.err.contains("save: warning") && !session.err.contains("imports log"))
        #expect(!(try scratch.read("s.svw")).contains("already held data"))
    }
}
