import CLineEdit
import Foundation

/// What svw needs to know about where it is talking to.
public enum TerminalInfo {
    /// A person at a terminal: stdin and stdout both terminals.
    public static var isInteractive: Bool { isatty(0) != 0 && isatty(1) != 0 }

    public static var stdoutIsTerminal: Bool { isatty(1) != 0 }

    /// The terminal's width in columns, or nil when stdout is not a terminal.
    public static var columns: Int? {
        let n = Int(svw_terminal_columns(1))
        return n > 0 ? n : nil
    }

    /// Colour only on a terminal, never when NO_COLOR is set (to anything non-empty,
    /// per no-color.org) or the terminal is dumb.
    public static func colorAllowed(environment: [String: String], isTerminal: Bool) -> Bool {
        guard isTerminal else { return false }
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }

    /// Rows a terminal shows before "… N more rows" (DuckDB shows 40).
    public static let defaultMaxRows = 40
}
