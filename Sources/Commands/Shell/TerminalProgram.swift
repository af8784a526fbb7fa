import CInterrupt
import Foundation

/// A program that takes the terminal over for a while (the pager, the editor), run through
/// `/bin/sh -c` in the terminal's foreground and waited for: see `svw_run_in_terminal` for
/// why not Foundation's `Process`, whose child `less` or `vi` the kernel stops.
enum TerminalProgram {
    enum Outcome: Equatable {
        /// The exit status (128 + the signal, when one ended it).
        case exited(Int32)
        /// It could not start; the reason.
        case failed(String)
    }

    /// Runs `command`, a shell command line, with `argument` as its `$1` (passed as an argument,
    /// never spliced into the line) and `input` as its standard input (nil: the terminal).
    static func run(_ command: String, argument: String? = nil, input: FileHandle? = nil) -> Outcome {
        let status = svw_run_in_terminal(command, "svw", argument, input?.fileDescriptor ?? -1)
        guard status >= 0 else { return .failed(String(cString: strerror(errno))) }
        return .exited(status)
    }
}
