import Foundation
import SVWCommands
import SVWScript

/// Reads commands line by line from a non-terminal stdin, like `sqlite3 < script`:
/// no prompts, no editing; errors name the line; returns how many units failed.
public enum LineShell {
    public static func run(session: Session, bail: Bool, sourceName: String = "stdin") -> Int {
        let runner = ScriptRunner(session: session, bail: bail, sourceName: sourceName)
        var splitter = ScriptSplitter()
        var failures = 0
        while !session.shell.quitRequested, let line = readLine(strippingNewline: true) {
            for unit in splitter.feed(line: line) where !session.shell.quitRequested {
                if !runner.runOne(unit) {
                    failures += 1
                    if bail { return failures }
                }
            }
        }
        if !session.shell.quitRequested, let unit = splitter.finish(), !runner.runOne(unit) { failures += 1 }
        return failures
    }
}
