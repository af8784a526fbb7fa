import Foundation
import SVWScript

/// Runs a whole text — `-c`, a script file, or stdin — unit by unit, reporting each
/// failure with its line and carrying on unless told to bail.
public struct ScriptRunner {
    public let session: Session
    public var bail: Bool
    /// Names the source in error messages ("script.svw", "-c", "stdin").
    public var sourceName: String

    public init(session: Session, bail: Bool = false, sourceName: String) {
        self.session = session
        self.bail = bail
        self.sourceName = sourceName
    }

    /// Runs every unit; returns how many failed.
    @discardableResult
    public func run(_ text: String) -> Int {
        run(units: ScriptSplitter.split(text))
    }

    public func run(units: [ScriptUnit]) -> Int {
        var failures = 0
        for unit in units {
            if session.shell.quitRequested { break }
            if !runOne(unit) {
                failures += 1
                if bail { break }
            }
        }
        return failures
    }

    /// Runs one unit, printing any error; true on success.
    public func runOne(_ unit: ScriptUnit) -> Bool {
        do {
            try Dispatcher.run(unit, in: session)
            return true
        } catch {
            session.note("\(location(of: error, in: unit)): \(ErrorText.describe(error))")
            return false
        }
    }

    /// `SOURCE:LINE`, or `SOURCE:LINE:COLUMN` when SQLite says where in the statement the
    /// problem is (a statement's third line is the script's line + 2).
    func location(of error: Error, in unit: ScriptUnit) -> String {
        if let failure = error as? SQLFailure, let offset = failure.error.offset, failure.error.sql == unit.text {
            let (line, column) = unit.position(ofByte: offset)
            return "\(sourceName):\(line):\(column)"
        }
        return "\(sourceName):\(unit.line)"
    }
}

/// The text an analyst sees for any error.
public enum ErrorText {
    public static func describe(_ error: Error) -> String {
        if let e = error as? LocalizedError, let text = e.errorDescription { return text }
        return String(describing: error)
    }
}
