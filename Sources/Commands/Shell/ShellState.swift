import Foundation
/// What the shell commands (`quit`, `history`, `open`, `persist`) share with the
/// interactive shell that hosts them. Lives in the session so the commands, which
/// sit below the shell layer, can reach it.
public struct ShellState {
    /// True when a person is typing at a terminal: leaving an in-memory workspace warns first.
    public var isInteractive = false
    /// Set by `quit`; the shell and script runners stop before the next unit.
    public var quitRequested = false
    /// Whether the action now running gave the "leaving loses your data" warning.
    public var warnedAboutLeaving = false
    /// Whether the action before this one gave it: leaving again straight away goes ahead;
    /// after anything else in between, the next attempt warns again.
    public private(set) var warnedJustBefore = false
    /// The workspace's change counter when it was last written out with `persist`.
    public var persistedAtChanges: Int?
    /// The change counter right after the bundled sample was loaded into an empty workspace:
    /// while it still reads the same, leaving loses nothing `load sample` cannot bring back.
    public var sampleOnlyAtChanges: Int?
    /// The raw line history, oldest first; the interactive shell provides it.
    public var history: (() -> [String])?
    /// Adds a line to that history (`edit` adds what it ran); the interactive shell provides it.
    public var remember: ((String) -> Void)?
    /// Whether Ctrl-C has been pressed during the command now running; the interactive
    /// shell provides it, so rendering a huge result can stop part-way.
    public var interruptRequested: (@Sendable () -> Bool)?

    public init() {}

    /// Called as each action begins (a unit typed, Ctrl-D): what the last one warned moves back.
    public mutating func beginAction() {
        warnedJustBefore = warnedAboutLeaving
        warnedAboutLeaving = false
    }
}

/// How long a command took, for `timer on`.
public enum ElapsedTime {
    public static func describe(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let total = Double(seconds) + Double(attoseconds) / 1e18
        if total < 1 { return String(format: "time: %.1f ms", total * 1000) }
        if total < 60 { return String(format: "time: %.3f s", total) }
        let minutes = Int(total / 60)
        return String(format: "time: %d min %.1f s", minutes, total - Double(minutes) * 60)
    }
}
