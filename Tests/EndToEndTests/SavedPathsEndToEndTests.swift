import Foundation
import Testing
import TestSupport

/// `save` rewrites every path a command declares as a file, relative to the script, so
/// the script replays from any folder and writes where the session wrote.
@Suite struct SavedPathsEndToEndTests {
    /// The session works in x/, loads data/…, writes out/…, and saves to x/sub/; the
    /// replay runs from a third folder.
    @Test func relativePathsAreRebasedToTheScriptsFolder() throws {
        let scratch = try ScratchFolder()
        let measures = try String(contentsOf: SVWBinary.packageRoot.appendingPathComponent("SampleData/measures.csv"), encoding: .utf8)
        try scratch.write("x/data/measures.csv", measures)
        try scratch.write("x/data/things.csv", "name,v\na,1\nb,2\n")
        try FileManager.default.createDirectory(at: scratch.file("x/out"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scratch.file("x/sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scratch.file("third"), withIntermediateDirectories: true)

        let session = """
            load measures data/measures.csv
            load table things data/things.csv
            SELECT count(*) AS n FROM measures;
            once out/n.csv
            SELECT sum(v) AS total FROM things;
            output out/all.txt
            SELECT name FROM things ORDER BY name;
            output
            SELECT 'done' AS step;
            save sub/x.svw
            """
        let original = try SVWBinary.run(["-c", session], in: scratch.file("x"))
        #expect(original.status == 0, "\(original.err)")
        let script = try scratch.read("x/sub/x.svw")
        let lines = script.components(separatedBy: "\n")
        // The command line and its # data: line agree: both relative to the script.
        #expect(lines.contains("load measures ../data/measures.csv"))
        #expect(lines.contains { $0.hasPrefix("# data: ../data/measures.csv sha256=") })
        // `load table NAME FILE`: the table name is not a path; the file is.
        #expect(lines.contains("load table things ../data/things.csv"))
        #expect(lines.contains("once ../out/n.csv"))
        #expect(lines.contains("output ../out/all.txt"))
        // Writing outside the script's folder needs --allow-writes on replay; save says so.
        #expect(original.err.contains("save: note: sub/x.svw writes outside its own folder (../out/n.csv, ../out/all.txt); a replay refuses that unless it is run with --allow-writes out"))

        let n = try scratch.read("x/out/n.csv"), all = try scratch.read("x/out/all.txt")
        // once n.csv writes csv whatever the session's mode; output all.txt keeps the mode.
        #expect(n == "total\n3\n")
        #expect(all == "name\n----\na\nb\n")
        try FileManager.default.removeItem(at: scratch.file("x/out/n.csv"))
        try FileManager.default.removeItem(at: scratch.file("x/out/all.txt"))

        let replay = try SVWBinary.run(["run", scratch.file("x/sub/x.svw").path, "--allow-writes", scratch.file("x/out").path],
                                        in: scratch.file("third"))
        #expect(replay.status == 0, "\(replay.err)")
        #expect(replay.out == original.out)
        // The files are written where the session wrote them, not beside the script or in the current folder.
        #expect(try scratch.read("x/out/n.csv") == n)
        #expect(try scratch.read("x/out/all.txt") == all)
        #expect(!FileManager.default.fileExists(atPath: scratch.file("x/sub/out").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("third").path).isEmpty)
    }

    /// Saved beside the data, the script needs no --allow-writes, and `session` shows the
    /// paths as typed (relative to the current folder).
    @Test func scriptSavedInTheSessionsFolderKeepsPathsAsTyped() throws {
        let scratch = try ScratchFolder()
        try scratch.write("data/things.csv", "name,v\na,1\nb,2\n")
        try FileManager.default.createDirectory(at: scratch.file("out"), withIntermediateDirectories: true)
        let original = try SVWBinary.run(["-c", "load table things ./data/../data/things.csv; once out/t.csv; SELECT * FROM things; session; save s.svw"],
                                          in: scratch.url)
        #expect(original.status == 0, "\(original.err)")
        #expect(original.out.contains("load table things data/things.csv\nonce out/t.csv\nSELECT * FROM things;\n"))
        #expect(try scratch.read("s.svw").hasSuffix("load table things data/things.csv\nonce out/t.csv\nSELECT * FROM things;\n"
                                                    + "#>> out/t.csv\n#> name,v\n#> a,1\n#> b,2\n"))
        try FileManager.default.removeItem(at: scratch.file("out/t.csv"))
        let elsewhere = try ScratchFolder()
        let replay = try SVWBinary.run(["run", scratch.file("s.svw").path], in: elsewhere.url)
        #expect(replay.status == 0, "\(replay.err)")
        #expect(try scratch.read("out/t.csv") == "name,v\na,1\nb,2\n")
    }
}
