/// Captions that say which filter produced the figures.
enum Titles {
    static func with(_ filter: Filter, _ title: String) -> String {
        filter.isEmpty ? title : "\(title) — \(filter.label)"
    }
}
