import Foundation
import SVWRendering
import SVWScript

/// Writes a session's recording as a session script (`save FILE.svw`).
///
/// One command per line (an SQL statement may span lines), a header comment with the
/// svw version and the date — the only date in the file, so scripts saved from the
/// same session differ only there — and, before every command that read data files,
/// one `# data:` line per file with its path relative to the script, its SHA-256 and
/// its row count. Every word a command's spec declares as a file (`load`'s file,
/// `output`, `once`, `export`...) is rewritten from the session's folder to the
/// script's, so the script replays from anywhere and writes where the session wrote.
enum SessionScriptWriter {
    static func script(recording: [RecordedCommand], startMode: OutputMode, preamble: RecordingPreamble = RecordingPreamble(),
                       base: URL, scriptURL: URL, savedOn date: Date) -> String {
        let name = scriptURL.lastPathComponent
        var out = "# svw session script, saved by svw \(SVWVersion.current) on \(day(date)).\n"
        out += "# Replay it with `svw run \(Tokenizer.quote(name))`; `--check` compares its output with the #> lines, `--update` stores them anew.\n"
        out += "\n"
        out += body(recording: recording, startMode: startMode, preamble: preamble, base: base,
                    folder: scriptURL.deletingLastPathComponent())
        return out
    }

    /// The commands as they will replay, with paths relative to `folder` (also what `session` shows).
    /// `base` is the folder the recorded commands' relative paths were typed against.
    static func body(recording: [RecordedCommand], startMode: OutputMode, preamble: RecordingPreamble = RecordingPreamble(),
                     base: URL, folder: URL) -> String {
        var out = preamble.text(folder: folder)
        // Scripts start in table mode; a session that began in another one says so first,
        // unless its first command sets the mode anyway.
        if startMode != .table && !setsMode(recording.first) { out += "mode \(startMode.rawValue)\n" }
        for (index, command) in recording.enumerated() {
            if !command.files.isEmpty {
                if (index > 0 || !out.isEmpty) && !out.hasSuffix("\n\n") { out += "\n" }
                for file in command.files {
                    out += DataDeclaration(path: RelativePath.from(folder, to: file.url),
                                           sha256: file.sha256, rows: file.rows).line + "\n"
                }
            }
            out += text(of: command, base: base, folder: folder) + "\n"
        }
        return out
    }

    /// The command's text with every file word rebased from `base` to `folder`.
    static func text(of command: RecordedCommand, base: URL, folder: URL) -> String {
        switch command.kind {
        case .sql:
            let sql = command.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return sql.hasSuffix(";") ? sql : sql + ";"
        case .command:
            guard let (words, fileWords) = parse(command.text), !fileWords.isEmpty else { return command.text }
            var rebased = words
            for word in fileWords {
                rebased[word.index + 1] = word.prefix + rebase(word.path, from: base, to: folder)
            }
            return rebased == words ? command.text : rebased.map(Tokenizer.quote).joined(separator: " ")
        }
    }

    /// Whether a recorded command is `mode MODE` (which sets the mode, not just shows it).
    static func setsMode(_ command: RecordedCommand?) -> Bool {
        guard let command, command.kind == .command, let words = try? Tokenizer.words(command.text),
              words.count == 2, let name = words.first?.lowercased() else { return false }
        return name == "mode" || name == ".mode"
    }

    /// The paths (relative to `folder`) that recorded commands write outside `folder`:
    /// a replay refuses them unless it is run with `--allow-writes`.
    static func writesOutside(recording: [RecordedCommand], base: URL, folder: URL) -> [String] {
        var found: [String] = []
        for command in recording where command.kind == .command {
            guard let (_, fileWords) = parse(command.text) else { continue }
            for word in fileWords where word.writes && !word.path.contains("$") {
                let path = rebase(word.path, from: base, to: folder)
                if (path == ".." || path.hasPrefix("../")) && !found.contains(path) { found.append(path) }
            }
        }
        return found
    }

    /// A command's words (its name first) and the ones its spec declares as files.
    private static func parse(_ text: String) -> ([String], [FileWord])? {
        guard let words = try? Tokenizer.words(text), var name = words.first else { return nil }
        if name.hasPrefix(".") { name.removeFirst() }
        guard let spec = CommandRegistry.command(named: name),
              let invocation = try? Invocation(spec: spec.withCommonOptions, words: Array(words.dropFirst()))
        else { return nil }
        return (words, invocation.fileWords)
    }

    /// `path`, typed against `base`, as seen from `folder`.
    static func rebase(_ path: String, from base: URL, to folder: URL) -> String {
        if path.contains("$") {
            // A parameter is filled in at replay: only a plainly relative path can be moved.
            if path.hasPrefix("/") || path.hasPrefix("~") || path.hasPrefix("$") { return path }
            let prefix = RelativePath.from(folder, to: base)
            return prefix == "." ? path : prefix + "/" + path
        }
        let expanded = (path as NSString).expandingTildeInPath
        let url = expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : base.appendingPathComponent(expanded)
        return RelativePath.from(folder, to: url)
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
