import Foundation
import SVWRendering

/// Where text goes: results to `out` (stdout or a file), everything else to `err`.
/// Tests capture both by swapping the writers.
public final class Console: @unchecked Sendable {
    public var writeOut: (String) -> Void
    public var writeErr: (String) -> Void
    /// Whether `err` is a terminal, so a progress line may be drawn there (the executable sets it).
    public var errIsTerminal = false
    /// The terminal width notes wrap to at word boundaries (the shell sets it; nil: no wrapping).
    public var noteWidth: Int?

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        writeOut = out
        writeErr = err
    }

    public static func standard() -> Console {
        Console(out: { FileHandle.standardOutput.write(Data($0.utf8)) },
                err: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    /// A console that keeps everything, for tests.
    public static func capturing() -> (Console, Capture) {
        let capture = Capture()
        return (Console(out: { capture.out += $0 }, err: { capture.err += $0 }), capture)
    }

    public final class Capture: @unchecked Sendable {
        public var out = ""
        public var err = ""
    }

    /// A note, warning or summary: never mixed into results.
    public func note(_ text: String) {
        let wrapped = TextWrap.wrap(text, width: noteWidth)
        writeErr(wrapped.hasSuffix("\n") ? wrapped : wrapped + "\n")
    }
}
