import Foundation

/// `save` stores the output with the commands, so `svw run FILE --check` straight after
/// saving checks clean: the analyst has just seen that output and vouched for it.
///
/// What is stored is what the saved script prints when replayed (a fresh workspace, no
/// terminal: full width, every row), which is the output `--check` will compare with;
/// the terminal showed the same results fitted to its width and height. The replay
/// writes no files: the session has just written them.
enum SavedOutput {
    /// Replays the script at `url` as `svw run FILE --update` would and stores its output.
    /// Returns nil when stored, else why not (the first thing that failed).
    static func store(scriptAt url: URL, shown: String) -> String? {
        var options = ReplayOptions()
        options.update = true
        options.withholdWrites = true
        var errors: [String] = []
        let outcome: ReplayOutcome
        do {
            outcome = try ScriptReplay.run(scriptAt: url, name: shown, options: options,
                                           out: { _ in }, err: { errors.append($0) })
        } catch {
            return ErrorText.describe(error)
        }
        guard outcome.failures == 0, !outcome.stopped else {
            let first = errors.first { $0.contains(": ") && !$0.hasPrefix("loaded ") } ?? errors.first ?? ""
            return first.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return nil
    }
}
