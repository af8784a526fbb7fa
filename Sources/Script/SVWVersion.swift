/// svw's version, as `--version`, saved scripts and reports give it.
public enum SVWVersion {
    /// This build's version.
    public static let current = "0.1.0"
}
