/// Nouns that agree with their count.
public enum Plural {
    /// `one` for exactly one, else `many` (`one` + "s" when not given): ("row", 2) → "rows".
    public static func noun<Count: BinaryInteger>(_ count: Count, _ one: String, _ many: String? = nil) -> String {
        count == 1 ? one : many ?? one + "s"
    }

    /// The count, grouped, and its noun: (1204, "row") → "1,204 rows"; (1, "row") → "1 row".
    public static func counted<Count: BinaryInteger>(_ count: Count, _ one: String, _ many: String? = nil) -> String {
        NumberText.grouped(count) + " " + noun(count, one, many)
    }
}
