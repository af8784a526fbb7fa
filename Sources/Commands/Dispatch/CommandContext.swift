import Foundation
import SVWDatabase
import SVWScript

/// What a command handler gets: the session it runs in and its parsed words.
public final class CommandContext {
    public let session: Session
    public let invocation: Invocation
    /// Text to record instead of the command as typed (e.g. `load` adding the file's hash).
    public var recordAs: String?
    /// Data files the command read; `load` fills it so `save` can record hashes and row counts.
    public var loadedFiles: [LoadedFile] = []

    init(session: Session, invocation: Invocation) {
        self.session = session
        self.invocation = invocation
    }

    public var db: Database { session.db }

    /// `message` after the command's name (`describe: no table …`), as every command error
    /// starts, taken from the spec the words were parsed against rather than retyped.
    public func prefixed(_ message: String) -> String { invocation.prefixed(message) }
}
