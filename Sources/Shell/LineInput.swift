/// Where the interactive shell gets its lines: libedit at a terminal, a script in tests.
public protocol LineInput: AnyObject {
    func readLine(prompt: String) -> LineEvent
    /// Remembers a line for recall (Up, Ctrl-R) and for the history file.
    func remember(_ line: String)
    /// Everything remembered, oldest first (`history`).
    var rememberedLines: [String] { get }
}

public enum LineEvent: Equatable, Sendable {
    case line(String)
    /// Ctrl-X Ctrl-E: the statement as the editor left it, replacing whatever was open.
    case edited(String)
    /// Ctrl-C at the prompt: drop what was typed.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case endOfInput
}

public enum EditorMode: String, Sendable {
    case emacs, vi
}
