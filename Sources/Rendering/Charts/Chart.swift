import SVWDatabase
import SVWText

/// A small chart model: one label per bar (or bin), one or more series of values, and how
/// to print those values. Analyses fill it from their result sets; `TextChart` draws it
/// in the terminal and `SVGChart` as a standalone SVG file.
public struct Chart: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        /// Horizontal bars, one per label (a group per label when there are several series).
        case bars
        /// Adjacent bins in order: horizontal in text, columns in SVG.
        case histogram
    }

    public enum ValueFormat: Sendable, Equatable {
        /// Values are pence.
        case money
        /// Values are percentages 0–100.
        case percent
        /// Whole numbers.
        case count
        /// Any number, one decimal when not whole.
        case number
    }

    public struct Series: Sendable, Equatable {
        public var name: String
        /// One per label; nil when the figure is missing (drawn as no bar, printed as "–").
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var labels: [String]
    public var series: [Series]
    public var format: ValueFormat
    public var style: Style
    /// A line under the chart (e.g. that proxy values are illustrative).
    public var note: String?

    public init(title: String, labels: [String], series: [Series], format: ValueFormat,
                style: Style = .bars, note: String? = nil) {
        precondition(series.allSatisfy { $0.values.count == labels.count }, "one value per label in every series")
        self.title = title
        self.labels = labels
        self.series = series
        self.format = format
        self.style = style
        self.note = note
    }

    /// A chart of `valueColumns` against `labelColumn` of a result set, skipping rows whose
    /// label is in `excluding` (such as a Total line). The format follows the first value column's kind.
    public static func from(_ result: ResultSet, title: String, label labelColumn: String, values valueColumns: [String],
                            seriesNames: [String]? = nil, excluding: Set<String> = ["Total"],
                            style: Style = .bars, note: String? = nil) -> Chart? {
        guard let labelIndex = result.column(named: labelColumn) else { return nil }
        let valueIndexes = valueColumns.compactMap { result.column(named: $0) }
        guard valueIndexes.count == valueColumns.count, let first = valueIndexes.first else { return nil }
        let rows = result.rows.filter { !excluding.contains($0[labelIndex].string ?? "") }
        guard !rows.isEmpty else { return nil }
        let format: ValueFormat
        switch result.kinds[first] {
        case .money: format = .money
        case .percent: format = .percent
        case .count: format = .count
        case .plain, .figure:
            format = rows.allSatisfy({ if case .real = $0[first] { return false } else { return true } }) ? .count : .number
        }
        let names = seriesNames ?? valueColumns
        let series = zip(names, valueIndexes).map { name, index in
            Series(name: name, values: rows.map { $0[index].double })
        }
        return Chart(title: title, labels: rows.map { $0[labelIndex].string ?? "–" }, series: series,
                     format: format, style: style, note: note)
    }

    /// The largest value in any series (0 when none): the scale's end.
    var maximum: Double {
        series.flatMap { $0.values.compactMap { $0 } }.map { max($0, 0) }.max() ?? 0
    }

    /// A value as printed beside its bar: compact money (`£1.23m`), one-decimal percentages.
    public func text(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return ChartNumber.text(value, format: format)
    }
}

/// Number text for charts, computed in integers so output is identical on every machine.
enum ChartNumber {
    static func text(_ value: Double, format: Chart.ValueFormat) -> String {
        switch format {
        case .money: return compactMoney(Int64(value.rounded()))
        case .percent: return NumberText.oneDecimal(value) + "%"
        case .count: return NumberText.grouped(Int64(value.rounded()))
        case .number: return value == value.rounded() ? NumberText.grouped(Int64(value)) : NumberText.oneDecimal(value)
        }
    }

    /// Three significant figures: `£1.23m`, `£12.3m`, `£214m`, `£1.5bn`, `£250k`, `£512`.
    /// Rounded once, from pence, half up.
    static func compactMoney(_ pence: Int64) -> String {
        let sign = pence < 0 ? "-" : ""
        let p = pence.magnitude
        func scaled(_ unit: UInt64, _ suffix: String) -> String {
            let whole = p / unit
            let decimals = whole >= 100 ? 0 : whole >= 10 ? 1 : 2
            var scale: UInt64 = 1
            for _ in 0..<decimals { scale *= 10 }
            let n = (p * scale + unit / 2) / unit
            var fraction = decimals == 0 ? "" : String(n % scale)
            while fraction.count < decimals { fraction = "0" + fraction }
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return sign + "£" + String(n / scale) + (fraction.isEmpty ? "" : "." + fraction) + suffix
        }
        if p >= 999_500_000_00 { return scaled(1_000_000_000_00, "bn") }
        if p >= 999_500_00 { return scaled(1_000_000_00, "m") }
        if p >= 1_000_00 { return scaled(1_000_00, "k") }
        return sign + "£" + String((p + 50) / 100)
    }
}
