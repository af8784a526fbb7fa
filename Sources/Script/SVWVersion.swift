public enum SVWVersion {
    public static let current = "0.1.0"
}
