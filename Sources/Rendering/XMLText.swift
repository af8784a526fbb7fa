/// Escaping for XML and HTML text, shared by SVG charts and HTML reports.
public enum XMLText {
    /// Text safe in element content and quoted attributes. Control characters XML does not
    /// allow (even escaped) are shown as their Unicode control pictures, so nothing is lost silently.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20:
                out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case _ where scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out.unicodeScalars.append(Unicode.Scalar(0xFFFD)!)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
