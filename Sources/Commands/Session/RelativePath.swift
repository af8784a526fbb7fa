import Foundation

/// Paths written into scripts and reports are relative to the file that names them,
/// so a folder of notebooks and data can move (or be cloned) as a whole.
enum RelativePath {
    /// `file` as seen from `folder`, with `..` where needed.
    static func from(_ folder: URL, to file: URL) -> String {
        let base = canonical(folder).pathComponents
        let target = canonical(file).pathComponents
        var common = 0
        while common < base.count, common < target.count, base[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let rest = Array(target[common...])
        let parts = ups + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// Whether two file URLs name the same file (symbolic links and `..` resolved).
    static func same(_ a: URL, _ b: URL) -> Bool {
        canonical(a).path == canonical(b).path
    }

    static func canonical(_ url: URL) -> URL {
        url.standardizedFileURL.resolvingSymlinksInPath()
    }
}
