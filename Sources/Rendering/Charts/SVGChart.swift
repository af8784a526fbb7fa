/// Draws a chart as a standalone SVG document: title, axis with tick labels and grid,
/// category labels, bars and their values. 800 px wide (A4 width at 96 dpi), system
/// sans-serif text, no scripts or external references, and byte-for-byte the same for
/// the same chart.
public enum SVGChart {
    static let width = 800.0
    static let palette = ["#1f5fa8", "#e07b24", "#3f9c5a", "#b5443c", "#7a5ca8", "#8c6d31"]
    static let charWidth = 7.0        // average advance of 13 px sans-serif, for layout only
    static let fontSize = 13.0

    public static func render(_ chart: Chart) -> String {
        switch chart.style {
        case .bars: return horizontal(chart)
        case .histogram: return columns(chart)
        }
    }

    // MARK: Horizontal bars

    static func horizontal(_ chart: Chart) -> String {
        let labels = chart.labels.map { fit($0, 42) }
        let labelWidth = min(300, max(60, Double(labels.map(\.count).max() ?? 0) * charWidth))
        let left = 20 + labelWidth + 10
        let right = width - 90
        let top = 56.0 + (chart.series.count > 1 ? 22 : 0)
        let barHeight = 18.0
        let groupGap = 10.0
        let groupHeight = Double(chart.series.count) * barHeight + groupGap
        let plotHeight = max(groupHeight, Double(chart.labels.count) * groupHeight)
        let bottom = top + plotHeight
        let height = bottom + 40 + (chart.note == nil ? 0 : 22)
        let ticks = Ticks.nice(maximum: chart.maximum, integral: chart.format == .count || chart.format == .money)
        let scale = (right - left) / ticks.end

        var svg = header(height: height, title: chart.title)
        svg += legend(chart, y: 50)
        svg += "<g class=\"grid\" stroke=\"#d9d9d9\" stroke-width=\"1\">\n"
        for t in ticks.values {
            let x = left + t * scale
            svg += "<line x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(bottom))\"/>\n"
        }
        svg += "</g>\n<g class=\"axis\" font-size=\"11\" fill=\"#555555\" text-anchor=\"middle\">\n"
        for t in ticks.values {
            svg += "<text x=\"\(n(left + t * scale))\" y=\"\(n(bottom + 16))\">\(escape(chart.text(t)))</text>\n"
        }
        svg += "</g>\n"
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(bottom))\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(bottom))\" x2=\"\(n(right))\" y2=\"\(n(bottom))\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        for (row, label) in labels.enumerated() {
            let groupTop = top + Double(row) * groupHeight + groupGap / 2
            let middle = groupTop + Double(chart.series.count) * barHeight / 2
            svg += "<text class=\"label\" x=\"\(n(left - 8))\" y=\"\(n(middle + 4.5))\" text-anchor=\"end\">\(escape(label))</text>\n"
            for (s, series) in chart.series.enumerated() {
                let y = groupTop + Double(s) * barHeight
                let value = series.values[row]
                let length = max(0, (value ?? 0)) * scale
                svg += "<rect x=\"\(n(left))\" y=\"\(n(y + 1))\" width=\"\(n(length))\" height=\"\(n(barHeight - 2))\" fill=\"\(palette[s % palette.count])\"><title>\(escape(chart.labels[row] + (chart.series.count > 1 ? " — " + series.name : "") + ": " + chart.text(value)))</title></rect>\n"
                svg += "<text class=\"value\" x=\"\(n(left + length + 6))\" y=\"\(n(y + barHeight / 2 + 4.5))\" font-size=\"12\">\(escape(chart.text(value)))</text>\n"
            }
        }
        svg += footnote(chart, y: bottom + 34)
        return svg + "</svg>\n"
    }

    // MARK: Histogram columns

    static func columns(_ chart: Chart) -> String {
        let left = 80.0
        let right = width - 30
        let top = 56.0 + (chart.series.count > 1 ? 22 : 0)
        let plotHeight = 300.0
        let bottom = top + plotHeight
        let height = bottom + 56 + (chart.note == nil ? 0 : 22)
        let ticks = Ticks.nice(maximum: chart.maximum, integral: chart.format == .count || chart.format == .money)
        let scale = plotHeight / ticks.end
        let slot = (right - left) / Double(max(1, chart.labels.count))
        let columnWidth = slot / Double(chart.series.count)

        var svg = header(height: height, title: chart.title)
        svg += legend(chart, y: 50)
        svg += "<g class=\"grid\" stroke=\"#d9d9d9\" stroke-width=\"1\">\n"
        for t in ticks.values {
            let y = bottom - t * scale
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(right))\" y2=\"\(n(y))\"/>\n"
        }
        svg += "</g>\n<g class=\"axis\" font-size=\"11\" fill=\"#555555\" text-anchor=\"end\">\n"
        for t in ticks.values {
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(bottom - t * scale + 4))\">\(escape(chart.text(t)))</text>\n"
        }
        svg += "</g>\n"
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(bottom))\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(bottom))\" x2=\"\(n(right))\" y2=\"\(n(bottom))\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        for (row, label) in chart.labels.enumerated() {
            let x0 = left + Double(row) * slot
            svg += "<text class=\"label\" x=\"\(n(x0 + slot / 2))\" y=\"\(n(bottom + 18))\" text-anchor=\"middle\">\(escape(fit(label, Int(slot / charWidth))))</text>\n"
            for (s, series) in chart.series.enumerated() {
                let value = series.values[row]
                let h = max(0, value ?? 0) * scale
                let x = x0 + Double(s) * columnWidth
                svg += "<rect x=\"\(n(x + 1))\" y=\"\(n(bottom - h))\" width=\"\(n(columnWidth - 2))\" height=\"\(n(h))\" fill=\"\(palette[s % palette.count])\"><title>\(escape(label + ": " + chart.text(value)))</title></rect>\n"
                svg += "<text class=\"value\" x=\"\(n(x + columnWidth / 2))\" y=\"\(n(bottom - h - 5))\" text-anchor=\"middle\" font-size=\"12\">\(escape(chart.text(value)))</text>\n"
            }
        }
        svg += footnote(chart, y: bottom + 46)
        return svg + "</svg>\n"
    }

    // MARK: Pieces

    static func header(height: Double, title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" viewBox="0 0 \(n(width)) \(n(height))" font-family="Helvetica, Arial, sans-serif" font-size="\(n(fontSize))" fill="#222222">
        <title>\(escape(title))</title>
        <rect x="0" y="0" width="\(n(width))" height="\(n(height))" fill="#ffffff"/>
        <text class="title" x="20" y="30" font-size="16" font-weight="bold">\(escape(fit(title, 100)))</text>

        """
    }

    static func legend(_ chart: Chart, y: Double) -> String {
        guard chart.series.count > 1 else { return "" }
        var out = "<g class=\"legend\">\n"
        var x = 20.0
        for (s, series) in chart.series.enumerated() {
            out += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"12\" height=\"12\" fill=\"\(palette[s % palette.count])\"/>\n"
            out += "<text x=\"\(n(x + 18))\" y=\"\(n(y + 11))\">\(escape(series.name))</text>\n"
            x += 18 + Double(series.name.count) * charWidth + 24
        }
        return out + "</g>\n"
    }

    static func footnote(_ chart: Chart, y: Double) -> String {
        guard let note = chart.note else { return "" }
        return "<text class=\"note\" x=\"20\" y=\"\(n(y))\" font-size=\"11\" fill=\"#555555\">\(escape(fit(note, 120)))</text>\n"
    }

    /// Text made safe for XML character data and attribute values.
    public static func escape(_ text: String) -> String { XMLText.escape(text) }

    static func fit(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(1, width - 1))) + "…"
    }

    /// A coordinate to one decimal, without trailing ".0", in integer arithmetic.
    static func n(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let m = tenths.magnitude
        let text = m % 10 == 0 ? "\(m / 10)" : "\(m / 10).\(m % 10)"
        return (tenths < 0 ? "-" : "") + text
    }
}

/// Round axis ticks: 0 to a little above the maximum in steps of 1, 2 or 5 × 10ⁿ.
struct Ticks {
    let values: [Double]
    let end: Double

    static func nice(maximum: Double, integral: Bool = false, target: Int = 5) -> Ticks {
        let top = maximum > 0 ? maximum : 1
        let rough = top / Double(target)
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let residual = rough / magnitude
        var step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude
        if integral { step = max(1, step.rounded()) }   // counts and pence have no fractional ticks
        let count = Int((top / step).rounded(.up))
        let values = (0...max(1, count)).map { Double($0) * step }
        return Ticks(values: values, end: values.last ?? 1)
    }
}
