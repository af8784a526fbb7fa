import Foundation

/// One entry of the session recording: the text as it should replay, and the
/// data files it read (so a saved script can state exactly what it ran on).
public struct RecordedCommand: Sendable, Equatable {
    public let text: String
    public let kind: ScriptUnit.Kind
    public let files: [LoadedFile]
    public init(text: String, kind: ScriptUnit.Kind, files: [LoadedFile] = []) {
        self.text = text
        self.kind = kind
        self.files = files
    }
}

/// A data file a command read: where, its SHA-256 (hex) and how many data rows it held.
public struct LoadedFile: Sendable, Equatable {
    public let url: URL
    public let sha256: String
    public let rows: Int
    public init(url: URL, sha256: String, rows: Int) {
        self.url = url
        self.sha256 = sha256
        self.rows = rows
    }
}
