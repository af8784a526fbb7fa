import Foundation
import SVWAnalysis
import SVWCommands
import SVWRendering

/// The prompt names the workspace and any active filter, so the analyst always
/// sees what their next answer will be about: `svw board.db [2020/21 Stockport]> `.
public enum Prompt {
    public static func main(workspacePath: String?, filter: Filter) -> String {
        var text = "svw"
        if let workspacePath { text += " " + URL(fileURLWithPath: workspacePath).lastPathComponent }
        let label = filterLabel(filter)
        if !label.isEmpty { text += " [" + label + "]" }
        return text + "> "
    }

    /// `...> ` right-aligned under the main prompt, so continued SQL lines up.
    public static func continuation(under main: String) -> String {
        let width = DisplayWidth.of(main)
        return String(repeating: " ", count: max(0, width - 5)) + "...> "
    }

    /// The filter in a few words: year, partner, category, value band, date range.
    public static func filterLabel(_ filter: Filter) -> String {
        var parts: [String] = []
        if let year = filter.year { parts.append(year) }
        if let partner = filter.partner { parts.append(partner) }
        if let category = filter.category { parts.append(category) }
        switch (filter.minValuePence, filter.maxValuePence) {
        case let (min?, max?): parts.append(money(min) + "–" + money(max))
        case let (min?, nil): parts.append("≥" + money(min))
        case let (nil, max?): parts.append("<" + money(max))
        case (nil, nil): break
        }
        switch (filter.from, filter.to) {
        case let (from?, to?): parts.append(from + "…" + to)
        case let (from?, nil): parts.append("from " + from)
        case let (nil, to?): parts.append("to " + to)
        case (nil, nil): break
        }
        return parts.joined(separator: " ")
    }

    /// Whole pounds when there are no pence: `£25,000`, not `£25,000.00`.
    static func money(_ pence: Int64) -> String {
        let text = CellText.pounds(pence, grouped: true, symbol: true)
        return text.hasSuffix(".00") ? String(text.dropLast(3)) : text
    }
}
