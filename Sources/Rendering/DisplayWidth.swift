/// How many terminal columns text occupies. Counting `Character`s is wrong for
/// East Asian wide characters and emoji (two columns) and for zero-width marks;
/// counting bytes is wrong for `£` and `…` (two and three bytes, one column).
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        // A grapheme cluster takes the width of its base; combining marks ride along at zero.
        if character.unicodeScalars.count > 1,
           character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) {
            return 2   // emoji presentation selector: drawn as a wide emoji
        }
        return of(scalar: first)
    }

    static func of(scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    /// East Asian Wide and Fullwidth blocks (Unicode 15, UAX #11), the ones terminals draw double.
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Shortens `text` to at most `width` columns, ending in `…` when anything was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        if width <= 0 { return "" }
        if of(text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// Pads with spaces to `width` columns, on the right (left-aligned) or the left (right-aligned).
    public static func pad(_ text: String, to width: Int, rightAligned: Bool = false) -> String {
        let gap = max(0, width - of(text))
        if gap == 0 { return text }
        let spaces = String(repeating: " ", count: gap)
        return rightAligned ? spaces + text : text + spaces
    }
}
