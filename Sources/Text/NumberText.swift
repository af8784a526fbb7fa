/// Numbers written for people to read, the same way in every layer: digits grouped in
/// threes with commas, percentages and ratios to one decimal place.
public enum NumberText {
    /// Groups a run of digits in threes: "1234567" → "1,234,567".
    public static func thousands(_ digits: String) -> String {
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// A whole number with its digits grouped: 3982 → "3,982", -1204 → "-1,204".
    public static func grouped<Number: BinaryInteger>(_ n: Number) -> String {
        (n < 0 ? "-" : "") + thousands(String(n.magnitude))
    }

    /// Rounded to one decimal place, halves away from zero, always with the decimal: 12.25 → "12.3", 3 → "3.0".
    public static func oneDecimal(_ d: Double) -> String {
        let tenths = (d * 10).rounded()
        let m = Int64(abs(tenths))
        return (tenths < 0 ? "-" : "") + "\(m / 10).\(m % 10)"
    }
}
