/// A column heading on as many lines as its column's width needs, broken after `_` or a
/// space (`committed_pct_awarded` → `committed_` / `pct_awarded`), so a narrow figure
/// column keeps a heading that still reads whole.
enum HeaderLines {
    /// The parts a heading may break between, each keeping the `_` or space that ends it.
    static func parts(_ heading: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for ch in heading {
            current.append(ch)
            if ch == "_" || ch == " " {
                parts.append(current)
                current = ""
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// The narrowest width the heading fits in when broken at every part.
    static func narrowest(_ heading: String) -> Int {
        max(1, parts(heading).map { DisplayWidth.of($0.trimmingTrailingSpace) }.max() ?? 0)
    }

    /// The heading's lines for a column `width` wide; one line when it fits or cannot break.
    static func split(_ heading: String, width: Int) -> [String] {
        guard DisplayWidth.of(heading) > width else { return [heading] }
        var lines: [String] = []
        var current = ""
        for part in parts(heading) {
            if !current.isEmpty && DisplayWidth.of((current + part).trimmingTrailingSpace) > width {
                lines.append(current.trimmingTrailingSpace)
                current = ""
            }
            current += part
        }
        if !current.isEmpty { lines.append(current.trimmingTrailingSpace) }
        return lines
    }
}

private extension String {
    var trimmingTrailingSpace: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
