/// ANSI styling, applied after layout so escape codes never count towards widths.
struct Style {
    let enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }

    /// A cell padded to its width, NULLs dimmed.
    func cell(_ cell: TableModel.Cell, width: Int, rightAligned: Bool) -> String {
        let shown = DisplayWidth.truncate(cell.text, to: width)
        let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(shown)))
        let body = cell.isNull ? dim(shown) : shown
        return rightAligned ? padding + body : body + padding
    }

    func header(_ text: String, width: Int, rightAligned: Bool) -> String {
        let shown = DisplayWidth.truncate(text, to: width)
        let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(shown)))
        let body = bold(shown)
        return rightAligned ? padding + body : body + padding
    }
}
