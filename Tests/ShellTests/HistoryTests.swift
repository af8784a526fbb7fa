import Foundation
import Testing
import SVWCommands
@testable import SVWShell
import TestSupport

@Suite struct HistoryLocationTests {
    @Test func explicitFileWins() {
        let url = HistoryLocation.resolve(explicit: "/tmp/h", disabled: false, environment: ["XDG_STATE_HOME": "/s"], home: "/home/a")
        #expect(url?.path == "/tmp/h")
    }

    @Test func xdgStateHomeThenHome() {
        #expect(HistoryLocation.resolve(explicit: nil, disabled: false, environment: ["XDG_STATE_HOME": "/s"], home: "/home/a")?.path
                == "/s/svw/history")
        #expect(HistoryLocation.resolve(explicit: nil, disabled: false, environment: [:], home: "/home/a")?.path
                == "/home/a/.svw_history")
        // The XDG spec says a relative path in the variable is to be ignored.
        #expect(HistoryLocation.resolve(explicit: nil, disabled: false, environment: ["XDG_STATE_HOME": "rel"], home: "/home/a")?.path
                == "/home/a/.svw_history")
    }

    @Test func disabledKeepsNone() {
        #expect(HistoryLocation.resolve(explicit: "/tmp/h", disabled: true, environment: [:], home: "/h") == nil)
    }
}

@Suite struct LineHistoryTests {
    @Test func savedHistoryLoadsInTheNextRun() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.url
        let file = folder.appendingPathComponent("state/svw/history")
        do {
            let history = LineHistory(file: file)
            history.add("SELECT 'two words', 1;")
            history.add("describe contracts")
            #expect(history.save())
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let again = LineHistory(file: file)
        #expect(again.entries == ["SELECT 'two words', 1;", "describe contracts"])
    }

    @Test func repeatsCollapseAndBlankLinesAreSkipped() {
        let history = LineHistory(file: nil)
        history.add("tables")
        history.add("tables")
        history.add("   ")
        history.add("imports")
        history.add("tables")
        #expect(history.entries == ["tables", "imports", "tables"])
    }

    @Test func sizeIsBounded() {
        let history = LineHistory(file: nil, size: 3)
        for i in 1...5 { history.add("SELECT \(i);") }
        #expect(history.entries == ["SELECT 3;", "SELECT 4;", "SELECT 5;"])
    }
}

/// `~` is `$HOME` in typed paths, as it is for the history file; the password database
/// is only the fallback.
@Suite struct TildeTests {
    @Test func tildeIsHomeFromTheEnvironment() {
        #expect(PathExpansion.expandingTilde("~/a.csv", environment: ["HOME": "/elsewhere/me"]) == "/elsewhere/me/a.csv")
        #expect(PathExpansion.expandingTilde("~", environment: ["HOME": "/elsewhere/me"]) == "/elsewhere/me")
        #expect(PathExpansion.expandingTilde("a/~b", environment: ["HOME": "/elsewhere/me"]) == "a/~b")
        let fallback = PathExpansion.expandingTilde("~/x", environment: [:])
        #expect(fallback == FileManager.default.homeDirectoryForCurrentUser.path + "/x")
        #expect(HistoryLocation.resolve(explicit: "~/h", disabled: false, environment: [:], home: "/home/a")?.path == "/home/a/h")
    }
}
