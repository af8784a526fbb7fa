import Foundation
import Testing
import TestSupport

/// A replayed script writes only inside its own folder tree (and folders given with
/// `svw run --allow-writes`), whatever path it names: absolute, `..`, `~`, or a
/// symbolic link out of the folder.
@Suite struct ScriptWritesEndToEndTests {
    @Test func writesOutsideTheScriptsFolderAreRefused() throws {
        let scratch = try ScratchFolder()
        let outside = try ScratchFolder()
        try FileManager.default.createDirectory(at: scratch.file("nb/sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.file("nb/link").path, withDestinationPath: outside.url.path)
        try FileManager.default.createSymbolicLink(atPath: scratch.file("nb/dangling").path,
                                                   withDestinationPath: outside.file("made-by-link.txt").path)
        let home = "~/svw-test-\(UUID().uuidString).txt"
        // Should the rule ever fail, the test still leaves the home folder as it found it.
        defer { try? FileManager.default.removeItem(atPath: (home as NSString).expandingTildeInPath) }
        try scratch.write("nb/inner.svw", "SELECT 'inner' AS who;\n")
        try scratch.write("nb/x.svw", """
            SELECT 'start' AS step;
            output \(outside.file("abs.txt").path)
            once ../escape.txt
            output \(home)
            output link/via-link.txt
            output dangling
            export report \(outside.file("r.md").path)
            run inner.svw --report ../r.md
            run inner.svw --allow-writes /
            output sub/../inside.txt
            SELECT 'inside' AS step;
            output
            export report sub/r.md
            run inner.svw --report sub/inner.md

            """)
        let run = try SVWBinary.run(["run", "nb/x.svw"], in: scratch.url)
        #expect(run.status == 1)
        let rule = "a script writes only inside its own folder (\(canonical(scratch.file("nb"))))"
        let hint = ". To allow another folder, run it with svw run SCRIPT --allow-writes DIR"
        let expectedErrors = [
            "nb/x.svw:2: output: cannot write \(outside.file("abs.txt").path): \(rule)\(hint)",
            "nb/x.svw:3: once: cannot write ../escape.txt: \(rule)\(hint)",
            "nb/x.svw:4: output: cannot write \(home): \(rule)\(hint)",
            "nb/x.svw:5: output: cannot write link/via-link.txt: \(rule); link/via-link.txt leads to \(canonical(outside.file("via-link.txt")))\(hint)",
            "nb/x.svw:6: output: cannot write dangling: \(rule); dangling leads to \(canonical(outside.file("made-by-link.txt")))\(hint)",
            "nb/x.svw:7: export: cannot write \(outside.file("r.md").path): \(rule)\(hint)",
            "nb/x.svw:8: run --report: cannot write ../r.md: \(rule)\(hint)",
            "nb/x.svw:9: run: --allow-writes is for the person running svw, not for a script (a script run by a script may write where its caller may)",
        ]
        for line in expectedErrors { #expect(run.err.contains(line + "\n"), "\(line)") }
        #expect(run.err.hasSuffix("nb/x.svw: 8 commands failed\n"))
        #expect(run.out == "step\n-----\nstart\nwho\n-----\ninner\n")

        // Nothing outside; inside, the writes happened.
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.url.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: scratch.file("escape.txt").path))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("r.md").path))
        #expect(!FileManager.default.fileExists(atPath: (home as NSString).expandingTildeInPath))
        #expect(try scratch.read("nb/inside.txt") == "step\n------\ninside\n")
        // export report and run --report follow the same rule and both write inside.
        #expect(FileManager.default.fileExists(atPath: scratch.file("nb/sub/r.md").path))
        #expect(try scratch.read("nb/sub/inner.md").contains("inner"))
    }

    @Test func allowWritesOpensAFolder() throws {
        let scratch = try ScratchFolder()
        let outside = try ScratchFolder()
        try scratch.write("nb/x.svw", "once \(outside.file("a.txt").path)\nSELECT 1 AS one;\nexport report ../r.md\n")
        let refused = try SVWBinary.run(["run", "nb/x.svw"], in: scratch.url)
        #expect(refused.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.url.path).isEmpty)

        let allowed = try SVWBinary.run(["run", "nb/x.svw", "--allow-writes", outside.url.path, "--allow-writes", "."], in: scratch.url)
        #expect(allowed.status == 0, "\(allowed.err)")
        #expect(try outside.read("a.txt") == "one\n---\n  1\n")
        #expect(FileManager.default.fileExists(atPath: scratch.file("r.md").path))

        let missing = try SVWBinary.run(["run", "nb/x.svw", "--allow-writes", "nosuch"], in: scratch.url)
        #expect(missing.status == 1)
        #expect(missing.err == "svw: --allow-writes \(scratch.file("nosuch").path): no such folder\n")
    }

    private func canonical(_ url: URL) -> String { url.resolvingSymlinksInPath().path }
}
