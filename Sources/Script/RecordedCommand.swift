import Foundation

/// One entry of the session recording: the text as it should replay, and the
/// data files it read (so a saved script can state exactly what it ran on).
public struct RecordedCommand: Sendable, Equatable {
    /// The command or SQL as it replays.
    public let text: String
    /// Command or SQL.
    public let kind: ScriptUnit.Kind
    /// The data files it read.
    public let files: [LoadedFile]
    /// A recorded command and the files it read.
    public init(text: String, kind: ScriptUnit.Kind, files: [LoadedFile] = []) {
        self.text = text
        self.kind = kind
        self.files = files
    }
}

/// A data file a command read: where, its SHA-256 (hex) and how many data rows it held.
public struct LoadedFile: Sendable, Equatable {
    /// Where the file is.
    public let url: URL
    /// Its SHA-256 (hex).
    public let sha256: String
    /// Its data rows.
    public let rows: Int
    /// A file read, with its hash and row count.
    public init(url: URL, sha256: String, rows: Int) {
        self.url = url
        self.sha256 = sha256
        self.rows = rows
    }
}
