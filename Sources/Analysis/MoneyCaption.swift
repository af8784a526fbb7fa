import SVWText

/// Money and percentages in words: captions (`£25k`) and the published style of the
/// board figures (`£60m`, `28%`). Exact amounts are the renderer's job (`.money` columns).
public enum MoneyCaption {
    /// Thresholds and captions, exact: `£25k`, `£1.5m`, `£25,000.01`.
    public static func short(_ pence: Int64) -> String {
        let sign = pence < 0 ? "-" : ""
        let p = pence.magnitude
        if p >= 1_000_000_00 && p % 100_000_00 == 0 { return sign + "£" + decimal(p, unit: 1_000_000_00, places: 1) + "m" }
        if p >= 1_000_00 && p % 1_000_00 == 0 { return sign + "£\(p / 1_000_00)k" }
        return sign + "£" + NumberText.grouped(p / 100) + (p % 100 == 0 ? "" : "." + (p % 100 < 10 ? "0" : "") + "\(p % 100)")
    }

    /// The way board papers print money: `£214m`, `£60m`, `£1.4m`, `£1m`, `£250k`, `£512`.
    /// Rounded half up in integer arithmetic, so the same pence always read the same.
    public static func published(_ pence: Int64) -> String {
        let sign = pence < 0 ? "-" : ""
        let p = pence.magnitude
        let million: UInt64 = 1_000_000_00
        if p >= 1_000 * million - million / 20 { return sign + "£" + decimal(p, unit: 1_000 * million, places: 1) + "bn" }
        if p >= 10 * million - million / 20 { return sign + "£" + decimal(p, unit: million, places: 0) + "m" }
        if p >= million - million / 20 { return sign + "£" + decimal(p, unit: million, places: 1) + "m" }
        if p >= 1_000_00 { return sign + "£" + decimal(p, unit: 1_000_00, places: 0) + "k" }
        return sign + "£" + decimal(p, unit: 100, places: 0)
    }

    /// A percentage as board papers print it: whole numbers (`28%`), one decimal below 1%.
    public static func publishedPercent(_ percent: Double) -> String {
        let magnitude = abs(percent)
        if magnitude > 0 && magnitude < 0.95 {
            let tenths = (percent * 10).rounded()
            return (tenths < 0 ? "-" : "") + "0.\(Int(abs(tenths)))%"
        }
        return "\(Int(percent.rounded()))%"
    }

    /// `p / unit` rounded half up to `places` decimals, trailing zeros dropped.
    static func decimal(_ p: UInt64, unit: UInt64, places: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (p * scale + unit / 2) / unit
        let whole = scaled / scale
        var fraction = places == 0 ? "" : String(scaled % scale)
        while fraction.count < places { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return NumberText.grouped(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
