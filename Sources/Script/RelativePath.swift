import Foundation

/// Paths written into scripts and reports are relative to the file that names them,
/// so a folder of notebooks and data can move (or be cloned) as a whole.
public enum RelativePath {
    /// `file` as seen from `folder`, with `..` where needed.
    public static func from(_ folder: URL, to file: URL) -> String {
        let base = canonical(folder).pathComponents
        let target = canonical(file).pathComponents
        var common = 0
        while common < base.count, common < target.count, base[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let rest = Array(target[common...])
        let parts = ups + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// How a report names a file: relative to the report's folder when the two share a
    /// folder below the root, else the absolute path (`../../srv/x.csv` from /tmp says less
    /// than `/srv/x.csv`). Scripts keep `from` always, so a folder can move as a whole.
    public static func shown(from folder: URL, to file: URL) -> String {
        let base = canonical(folder).pathComponents, target = canonical(file).pathComponents
        guard base.count > 1, target.count > 1, base[1] == target[1] else { return canonical(file).path }
        return from(folder, to: file)
    }

    /// Whether two file URLs name the same file (symbolic links and `..` resolved).
    public static func same(_ a: URL, _ b: URL) -> Bool {
        canonical(a).path == canonical(b).path
    }

    /// The URL with `.`, `..` and symbolic links resolved.
    public static func canonical(_ url: URL) -> URL {
        url.standardizedFileURL.resolvingSymlinksInPath()
    }
}
