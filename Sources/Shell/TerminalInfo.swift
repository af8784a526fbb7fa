import CLineEdit
import Foundation

/// What svw needs to know about where it is talking to.
public enum TerminalInfo {
    /// A person at a terminal: stdin and stdout both terminals.
    public static var isInteractive: Bool { svw_isatty(0) != 0 && svw_isatty(1) != 0 }

    public static var stdoutIsTerminal: Bool { svw_isatty(1) != 0 }

    /// Whether notes and progress go to a terminal (a progress line is drawn only then).
    public static var stderrIsTerminal: Bool { svw_isatty(2) != 0 }

    /// The terminal's width in columns, or nil when stdout is not a terminal.
    public static var columns: Int? {
        let n = Int(svw_terminal_columns(1))
        return n > 0 ? n : nil
    }

    /// The terminal's height in rows, or nil when stdout is not a terminal.
    public static var rows: Int? {
        let n = Int(svw_terminal_rows(1))
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
