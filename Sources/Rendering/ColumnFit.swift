/// Fits columns into a terminal width. Text columns give up width first, widest
/// first, down to a readable minimum; numbers are never cut (a shortened figure
/// would be a wrong figure). If that is still too wide, trailing columns are left
/// out and the footer says so: a few readable columns beat many cut to a few letters.
struct ColumnFit: Equatable {
    /// Width of each shown column.
    let widths: [Int]
    /// How many leading columns are shown.
    var visible: Int { widths.count }

    /// Narrowest a shortened text column gets: enough for a recognisable name or title
    /// and `…`. Below this a column is dropped instead.
    static let minimumTextWidth = 12

    /// - Parameters:
    ///   - natural: the width each column needs to show everything.
    ///   - numeric: columns that must keep their natural width.
    ///   - available: the terminal width, or nil for no limit.
    ///   - overhead: columns taken by borders and gaps when `n` columns are shown.
    static func fit(natural: [Int], numeric: [Bool], available: Int?, overhead: (Int) -> Int) -> ColumnFit {
        guard let available else { return ColumnFit(widths: natural) }
        var count = natural.count
        while count > 0 {
            let room = available - overhead(count)
            let widths = Array(natural.prefix(count))
            let fixed = Array(numeric.prefix(count))
            if let fitted = shrink(widths, fixed: fixed, room: room) { return ColumnFit(widths: fitted) }
            if count == 1 {
                // One column that cannot fit even shortened: cut it to the room there is.
                return ColumnFit(widths: [max(1, min(widths[0], room))])
            }
            count -= 1
        }
        return ColumnFit(widths: [])
    }

    /// Caps text columns at the largest width that lets everything fit, then hands
    /// any columns left over back to the capped ones, left to right.
    private static func shrink(_ natural: [Int], fixed: [Bool], room: Int) -> [Int]? {
        if natural.reduce(0, +) <= room { return natural }
        func minimum(_ i: Int) -> Int { fixed[i] ? natural[i] : min(natural[i], minimumTextWidth) }
        func widths(cap: Int) -> [Int] {
            natural.indices.map { i in fixed[i] ? natural[i] : min(natural[i], max(cap, minimum(i))) }
        }
        guard widths(cap: 0).reduce(0, +) <= room else { return nil }
        var low = 0, high = natural.max() ?? 0
        while low < high {
            let mid = (low + high + 1) / 2
            if widths(cap: mid).reduce(0, +) <= room { low = mid } else { high = mid - 1 }
        }
        var result = widths(cap: low)
        var spare = room - result.reduce(0, +)
        for i in result.indices where spare > 0 && result[i] < natural[i] {
            let give = min(spare, natural[i] - result[i])
            result[i] += give
            spare -= give
        }
        return result
    }
}
