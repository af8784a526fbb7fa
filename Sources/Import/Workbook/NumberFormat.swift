/// What a cell's number format says its number is: the only way a workbook marks a
/// date, a time or a percentage (the cell itself holds a plain number).
enum NumberFormat: Sendable, Equatable {
    case general
    case date
    case dateTime
    case time
    case percent

    /// Built-in format ids (ECMA-376 §18.8.30): 14–17 and 22 are dates, 18–21 and
    /// 45–47 times, 9 and 10 percentages.
    static func builtIn(_ id: Int) -> NumberFormat {
        switch id {
        case 14...17: return .date
        case 22: return .dateTime
        case 18...21, 45...47: return .time
        case 9, 10: return .percent
        default: return .general
        }
    }

    /// A custom format code (`dd/mm/yyyy`, `[$-809]d mmmm yyyy;@`, `0.0%`): date parts
    /// d and y (or m without h or s), time parts h and s. Quoted text, `[...]` and
    /// `\x` escapes are not format parts, so `[Red]` holds no d.
    static func classify(code: String) -> NumberFormat {
        var hasDay = false, hasMonth = false, hasYear = false, hasHour = false, hasSecond = false, hasPercent = false
        var inQuote = false, inBracket = false, escaped = false
        // Only the first section matters (the one for positive numbers).
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\\", "_", "*": escaped = true
            case "\"": inQuote = true
            case "[": inBracket = true
            case ";": break
            case "d": hasDay = true
            case "m": hasMonth = true
            case "y": hasYear = true
            case "h": hasHour = true
            case "s": hasSecond = true
            case "%": hasPercent = true
            default: break
            }
            if ch == ";" { break }
        }
        let hasTime = hasHour || hasSecond
        if hasDay || hasYear || (hasMonth && !hasTime) { return hasTime ? .dateTime : .date }
        if hasTime { return .time }
        return hasPercent ? .percent : .general
    }
}
