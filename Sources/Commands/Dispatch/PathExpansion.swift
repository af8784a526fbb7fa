import Foundation

/// `~` in a typed path means `$HOME`, as it does for the shell the analyst came from
/// (and for svw's history file); the password database is only the fallback when HOME
/// is unset. `~user/…` is another user's home, looked up as usual.
public enum PathExpansion {
    public static func expandingTilde(_ path: String,
                                      environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard path.hasPrefix("~") else { return path }
        if path == "~" || path.hasPrefix("~/") {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? FileManager.default.homeDirectoryForCurrentUser.path
            return home + path.dropFirst()
        }
        return (path as NSString).expandingTildeInPath
    }
}
