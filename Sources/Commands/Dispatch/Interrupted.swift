extension Session {
    /// True once Ctrl-C has been pressed during the command now running (the shell says how to tell).
    var interruptRequested: Bool { shell.interruptRequested?() ?? false }
}

/// A command stopped by Ctrl-C outside SQLite (while its result was being drawn).
public struct Interrupted: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "interrupted" }
}
