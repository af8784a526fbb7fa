import Foundation
import SVWRendering

/// Long output at a terminal goes through a pager, as psql and git do: `$PAGER`, or
/// `less -SRXF` (quits at once when the text fits, scrolls wide rows sideways, keeps
/// colour and leaves the text on the screen). The shell creates one when stdout is a
/// terminal; piped output is never paged.
public final class Pager {
    public enum Setting: String, CaseIterable, Sendable {
        /// Every result goes through the pager.
        case on
        /// Never.
        case off
        /// Only output that does not fit the terminal (the default).
        case auto
    }

    public var setting: Setting = .auto
    /// The shell command that pages its stdin.
    public let command: String
    /// The terminal's size now (it may have been resized), nil when unknown.
    let screen: () -> (columns: Int, rows: Int)?

    public static let defaultCommand = "less -SRXF"

    /// - Parameter command: `$PAGER`; empty or nil for `less -SRXF`.
    public init(command: String?, screen: @escaping () -> (columns: Int, rows: Int)?) {
        let given = command?.trimmingCharacters(in: .whitespaces) ?? ""
        self.command = given.isEmpty ? Pager.defaultCommand : given
        self.screen = screen
    }

    /// Whether `text` should go through the pager under the current setting.
    func shouldPage(_ text: String) -> Bool {
        switch setting {
        case .off: return false
        case .on: return !text.isEmpty
        case .auto:
            guard let screen = screen() else { return false }
            return !Pager.fits(text, columns: screen.columns, rows: screen.rows)
        }
    }

    /// Whether `text` shows whole on a screen, leaving a row for the prompt.
    static func fits(_ text: String, columns: Int, rows: Int) -> Bool {
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            lines += 1
            if lines > rows - 1 || DisplayWidth.of(withoutEscapes(line)) > columns { return false }
        }
        return true
    }

    /// Text without its ANSI styling (`ESC[1m`), which takes no columns.
    static func withoutEscapes(_ line: Substring) -> String {
        guard line.contains("\u{1B}") else { return String(line) }
        var out = ""
        var inEscape = false
        for ch in line {
            if inEscape {
                if ch.isLetter { inEscape = false }
            } else if ch == "\u{1B}" {
                inEscape = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Runs the pager on `text` (read from a file, so a pager that quits early cannot break
    /// a pipe) and waits for it. False when it could not run: the caller prints the text.
    func show(_ text: String) -> Bool {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("svw-pager-\(ProcessInfo.processInfo.processIdentifier).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        guard (try? Data(text.utf8).write(to: file)) != nil, let input = try? FileHandle(forReadingFrom: file) else { return false }
        defer { try? input.close() }
        // 127: the shell found no such command (no less installed, a mistyped $PAGER).
        guard case .exited(let status) = TerminalProgram.run(command, input: input) else { return false }
        return status != 127
    }
}

extension Session {
    /// Output bigger than this is written as it comes rather than held for the pager.
    static let pagedLimit = 8 << 20

    /// Starts holding this unit's results for the pager (the dispatcher calls it for each unit typed).
    func beginPaging() {
        guard let pager, pager.setting != .off else { return }
        pagedText = ""
    }

    /// Shows what the unit wrote: through the pager when it does not fit, else as it is.
    func endPaging() {
        guard let text = pagedText else { return }
        pagedText = nil
        if text.isEmpty { return }
        if let pager, pager.shouldPage(text), pager.show(text) { return }
        console.writeOut(text)
    }

    /// Result text on its way to the screen: held while paging, unless there is too much of it.
    func showOnScreen(_ text: String) {
        guard var held = pagedText else { return console.writeOut(text) }
        pagedText = nil
        held += text
        if held.utf8.count > Session.pagedLimit {
            console.writeOut(held)
        } else {
            pagedText = held
        }
    }
}
