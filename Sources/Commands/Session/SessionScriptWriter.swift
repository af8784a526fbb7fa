import Foundation
import SVWRendering

/// Writes a session's recording as a session script (`save FILE.svw`).
///
/// One command per line (an SQL statement may span lines), a header comment with the
/// svw version and the date — the only date in the file, so scripts saved from the
/// same session differ only there — and, before every command that read data files,
/// one `# data:` line per file with its path relative to the script, its SHA-256 and
/// its row count.
enum SessionScriptWriter {
    static func script(recording: [RecordedCommand], startMode: OutputMode, scriptURL: URL, savedOn date: Date) -> String {
        let name = scriptURL.lastPathComponent
        var out = "# svw session script, saved by svw \(SVWVersion.current) on \(day(date)).\n"
        out += "# Replay it with `svw run \(Tokenizer.quote(name))`; store its output for checking with `svw run \(Tokenizer.quote(name)) --update`.\n"
        out += "\n"
        out += body(recording: recording, startMode: startMode, folder: scriptURL.deletingLastPathComponent())
        return out
    }

    /// The commands as they will replay, with data paths relative to `folder` (also what `session` shows).
    static func body(recording: [RecordedCommand], startMode: OutputMode, folder: URL) -> String {
        var out = ""
        // Scripts start in table mode; a session that began in another one says so first,
        // unless its first command sets the mode anyway.
        if startMode != .table && !setsMode(recording.first) { out += "mode \(startMode.rawValue)\n" }
        for (index, command) in recording.enumerated() {
            if !command.files.isEmpty {
                if index > 0 || !out.isEmpty { out += "\n" }
                for file in command.files {
                    out += DataDeclaration(path: RelativePath.from(folder, to: file.url),
                                           sha256: file.sha256, rows: file.rows).line + "\n"
                }
            }
            out += text(of: command, folder: folder) + "\n"
        }
        return out
    }

    /// The command's text with every word naming one of its data files, or the folder
    /// they came from (`load sample DIR`), made relative to `folder`. Words typed as
    /// relative paths resolve against the folder the command ran in, not the script's.
    static func text(of command: RecordedCommand, folder: URL) -> String {
        switch command.kind {
        case .sql:
            let sql = command.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return sql.hasSuffix(";") ? sql : sql + ";"
        case .command:
            guard !command.files.isEmpty, var words = try? Tokenizer.words(command.text) else { return command.text }
            var changed = false
            for (i, word) in words.enumerated() where i > 0 && !word.hasPrefix("-") {
                guard let url = command.path(of: word) else { continue }
                let target: URL
                if let file = command.files.first(where: { RelativePath.same($0.url, url) }) {
                    target = file.url
                } else if command.files.contains(where: { RelativePath.same($0.url.deletingLastPathComponent(), url) }) {
                    target = url
                } else {
                    continue
                }
                let relative = RelativePath.from(folder, to: target)
                if relative != word { words[i] = relative; changed = true }
            }
            return changed ? words.map(Tokenizer.quote).joined(separator: " ") : command.text
        }
    }

    /// Whether a recorded command is `mode MODE` (which sets the mode, not just shows it).
    static func setsMode(_ command: RecordedCommand?) -> Bool {
        guard let command, command.kind == .command, let words = try? Tokenizer.words(command.text),
              words.count == 2, let name = words.first?.lowercased() else { return false }
        return name == "mode" || name == ".mode"
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
