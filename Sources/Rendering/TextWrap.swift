/// Prose (notes, footers, "… N more columns") wrapped at word boundaries to a terminal
/// width, so a line never breaks inside a word. Words longer than the width stay whole.
public enum TextWrap {
    /// Each line of `text` wrapped to `width` columns; nil width leaves it as it is.
    /// A wrapped line's continuation keeps the line's own leading spaces.
    public static func wrap(_ text: String, width: Int?) -> String {
        guard let width, width > 10 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            wrapLine(line, width: width)
        }.joined(separator: "\n")
    }

    private static func wrapLine(_ line: Substring, width: Int) -> String {
        guard DisplayWidth.of(String(line)) > width else { return String(line) }
        let indent = String(line.prefix(while: { $0 == " " }))
        var lines: [String] = []
        var current = indent
        var used = DisplayWidth.of(indent)
        var hasWords = false
        for word in line.dropFirst(indent.count).split(separator: " ") {
            let w = DisplayWidth.of(String(word))
            if hasWords && used + 1 + w > width {
                lines.append(current)
                current = indent
                used = DisplayWidth.of(indent)
                hasWords = false
            }
            current += (hasWords ? " " : "") + word
            used += (hasWords ? 1 : 0) + w
            hasWords = true
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
