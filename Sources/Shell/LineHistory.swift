import CLineEdit
import Foundation
import SVWCommands

/// The line history: libedit's `History`, bounded and with repeats collapsed,
/// loaded from and saved to one file.
public final class LineHistory {
    let handle: OpaquePointer
    public let file: URL?
    public static let defaultSize = 2000

    public init(file: URL?, size: Int = LineHistory.defaultSize) {
        handle = history_init()
        self.file = file
        var event = HistEvent()
        _ = svw_history_set_size(handle, &event, Int32(size))
        // Collapses a line identical to the one before it, as HISTCONTROL=ignoredups does.
        _ = svw_history_set_unique(handle, &event, 1)
        if let file, FileManager.default.fileExists(atPath: file.path) {
            _ = svw_history_load(handle, &event, file.path)
        }
    }

    deinit { history_end(handle) }

    public func add(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        var event = HistEvent()
        _ = svw_history_enter(handle, &event, line)
    }

    /// Writes the file (creating its folder), readable only by the user: history can hold
    /// names and figures. Failure is reported once by the caller, never fatal.
    @discardableResult
    public func save() -> Bool {
        guard let file else { return true }
        let folder = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        var event = HistEvent()
        guard svw_history_save(handle, &event, file.path) >= 0 else { return false }
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return true
    }

    /// Every entry, oldest first.
    public var entries: [String] {
        var event = HistEvent()
        var lines: [String] = []
        var rc = svw_history_last(handle, &event)
        while rc >= 0 {
            if let text = event.str {
                var line = String(cString: text)
                if line.hasSuffix("\n") { line.removeLast() }
                lines.append(line)
            }
            rc = svw_history_prev(handle, &event)
        }
        return lines
    }
}

/// Where the history lives: `--history FILE`, else `$XDG_STATE_HOME/svw/history`,
/// else `~/.svw_history`; `--no-history` keeps none.
public enum HistoryLocation {
    public static func resolve(explicit: String?, disabled: Bool, environment: [String: String],
                               home: String) -> URL? {
        if disabled { return nil }
        if let explicit, !explicit.isEmpty {
            return URL(fileURLWithPath: PathExpansion.expandingTilde(explicit, environment: ["HOME": home]))
        }
        // The XDG spec ignores relative paths in its variables.
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("svw").appendingPathComponent("history")
        }
        return URL(fileURLWithPath: home).appendingPathComponent(".svw_history")
    }
}
