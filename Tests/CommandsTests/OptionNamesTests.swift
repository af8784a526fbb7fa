import Foundation
import Testing
@testable import SVWCommands
import SVWScript
import TestSupport

/// Options are looked up by name (`invocation.flag("strict")`), and `Invocation` asserts
/// that the name is declared in the command's spec. These tests make every command run
/// its lookups in the debug build, so a mistyped name stops the suite.
@Suite struct OptionNamesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func everyExampleOfEveryCommandRunsItsOptionLookups() throws {
        let scratch = try ScratchFolder()
        for folder in ["SampleData", "Notebooks"] {
            try FileManager.default.createSymbolicLink(at: scratch.file(folder), withDestinationURL: Self.root.appendingPathComponent(folder))
        }
        let h = try SessionHarness(folder: scratch.url)
        #expect(h.run("load sample") == 0)
        var failed: [String] = []
        for spec in CommandRegistry.all {
            for example in spec.examples {
                // Something recorded, so `save` (after `session clear`) has a script to write.
                if spec.name == "save" { h.run("SELECT 1;") }
                let before = h.capture.err
                if h.run(example) > 0 { failed.append(example + " → " + h.capture.err.dropFirst(before.count)) }
            }
        }
        // The one example that names a file of the analyst's own: its options were still read.
        #expect(failed == ["load ocds award-notices.json --rate EUR=0.85 → test:1: load: cannot open award-notices.json\n"])
        #expect(try scratch.read("board.svw").contains("SELECT 1;"))
    }
}
