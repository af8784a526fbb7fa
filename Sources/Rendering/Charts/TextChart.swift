/// Draws a chart as text for the terminal: horizontal bars in Unicode eighth blocks
/// (▏▎▍▌▋▊▉█), each bar followed by its value.
public enum TextChart {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The chart fitted to `width` columns, ending in a newline.
    public static func render(_ chart: Chart, width: Int = 80) -> String {
        let labelWidth = min(chart.labels.map(\.count).max() ?? 0, max(12, width / 2))
        let multi = chart.series.count > 1
        let seriesWidth = multi ? (chart.series.map(\.name.count).max() ?? 0) : 0
        let valueTexts = chart.series.map { s in s.values.map(chart.text) }
        let valueWidth = valueTexts.flatMap { $0 }.map(\.count).max() ?? 0
        let fixed = labelWidth + 2 + (multi ? seriesWidth + 1 : 0) + 1 + valueWidth
        let barWidth = max(10, min(60, width - fixed))
        let maximum = chart.maximum

        var out = chart.title + "\n"
        for (row, label) in chart.labels.enumerated() {
            for (s, series) in chart.series.enumerated() {
                let shownLabel = s == 0 ? fit(label, labelWidth) : ""
                var line = pad(shownLabel, labelWidth) + "  "
                if multi { line += pad(series.name, seriesWidth) + " " }
                let bar = self.bar(series.values[row], maximum: maximum, width: barWidth)
                line += pad(bar, barWidth) + " " + valueTexts[s][row]
                out += trimTrailing(line) + "\n"
            }
        }
        if let note = chart.note { out += note + "\n" }
        return out
    }

    /// `value / maximum` of `width` cells, in eighths; a positive value never vanishes entirely.
    static func bar(_ value: Double?, maximum: Double, width: Int) -> String {
        guard let value, value > 0, maximum > 0 else { return "" }
        let eighthsTotal = Int((value / maximum * Double(width) * 8).rounded())
        let full = eighthsTotal / 8
        let remainder = eighthsTotal % 8
        var bar = String(repeating: "█", count: full)
        if remainder > 0 { bar.append(eighths[remainder - 1]) }
        return bar.isEmpty ? "▏" : bar
    }

    static func fit(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
