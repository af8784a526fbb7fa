import Foundation
import SVWDatabase
import SVWRendering
import SVWText

/// A report as GitHub-flavoured Markdown: each command as a caption, its tables as
/// pipe tables, charts as SVG images in data: URIs, the data provenance at the end.
/// Everything taken from data is escaped, so a value cannot turn into markup.
enum MarkdownReport {
    static func render(_ document: ReportDocument) -> String {
        var out = "# " + escape(document.title) + "\n\n" + escape(document.summary) + "\n"
        for caveat in document.caveats { out += "\n> **Illustrative values.** " + escape(caveat) + "\n" }
        if !document.introduction.isEmpty { out += "\n" + prose(document.introduction) }
        if !document.parameters.isEmpty {
            out += "\n**Parameters:** " + document.parameters.map { code($0.name) + " = " + code($0.value) }.joined(separator: ", ") + "\n"
        }
        for step in document.steps {
            out += "\n"
            let quiet = step.artefacts.isEmpty
            if quiet && !step.notes.isEmpty { out += prose(step.notes) + "\n" }
            out += caption(step.command, quiet: quiet)
            if !quiet && !step.notes.isEmpty { out += "\n" + prose(step.notes) }
            for piece in ReportLayout.pieces(step.artefacts) {
                switch piece {
                case .titled(let title, let artefact): out += "\n**" + escape(title) + "**\n\n" + render(artefact)
                case .plain(let artefact): out += "\n" + render(artefact)
                }
            }
        }
        if !document.provenance.isEmpty {
            out += "\n## Data provenance\n\n| File | Rows | SHA-256 | Loaded by |\n|---|--:|---|---|\n"
            for file in document.provenance {
                out += "| " + cell(file.path) + " | " + NumberText.grouped(file.rows) + " | " + code(file.sha256) + " | " + code(file.loadedBy) + " |\n"
            }
        }
        return out
    }

    /// A heading for a command with output; a plain line for one that only changed state.
    static func caption(_ command: RecordedCommand, quiet: Bool) -> String {
        let text = command.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.contains("\n") {
            return (quiet ? "" : "### Query\n\n") + fenced(text, language: "sql")
        }
        return quiet ? code(text) + "\n" : "### " + code(text) + "\n"
    }

    static func render(_ artefact: Artefact) -> String {
        switch artefact {
        case .table(let result, let total, let footer):
            var out = table(result)
            if total > result.rows.count {
                out += "\n_" + ReportDocument.moreRowsSentence(shown: result.rows.count, total: total) + "_\n"
            }
            if let footer, !footer.isEmpty { out += "\n" + paragraph(footer) }
            return out
        case .text(let text):
            return fenced(text.hasSuffix("\n") ? String(text.dropLast()) : text, language: "text")
        case .chart(let svg, let caption):
            return "![" + escape(caption) + "](data:image/svg+xml;base64," + Data(svg.utf8).base64EncodedString() + ")\n"
        }
    }

    static func table(_ result: ResultSet) -> String {
        // An analysis's intentionally empty cells read as it says (–); SQL NULL stays NULL.
        let null = result.emptyCellText ?? "NULL"
        let numeric = ColumnAlignment.numeric(result)
        var out = "| " + result.reportHeadings.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? "--:|" : "---|" }.joined() + "\n"
        for row in result.rows {
            out += "| " + row.enumerated().map { i, value in cell(CellText.display(value, kind: result.kinds[i], null: null)) }
                .joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Comment prose: paragraphs as paragraphs, preformatted runs fenced.
    static func prose(_ lines: [String]) -> String {
        Prose.blocks(lines).map { block in
            switch block {
            case .paragraph(let text): return paragraph(text)
            case .preformatted(let text): return fenced(text, language: "text")
            }
        }.joined(separator: "\n")
    }

    /// Table cell text: markup characters escaped, line breaks kept as <br>.
    static func cell(_ text: String) -> String {
        let escaped = escape(text)
        return escaped.isEmpty ? " " : escaped
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
            .replacingOccurrences(of: "\r", with: "<br>")
    }

    /// Backslash-escapes the ASCII punctuation Markdown gives meaning to inside a line,
    /// and `&` as an entity so no entity can be spelled by data.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                out += "\\" + String(ch)
            case "&": out += "&amp;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Text as paragraphs, each line kept (a hard break between lines).
    static func paragraph(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .reversed().drop(while: \.isEmpty).reversed()
        return lines.map { line in
            var escaped = escape(line)
            // A line that would start a list, heading or quote is kept as text.
            if let first = escaped.first, "-+=#".contains(first) { escaped = "\\" + escaped }
            let digits = escaped.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, let next = escaped.dropFirst(digits.count).first, next == "." || next == ")" {
                escaped = digits + "\\" + escaped.dropFirst(digits.count)
            }
            return escaped
        }.joined(separator: "\\\n") + "\n"
    }

    /// An inline code span that holds any text: the fence is longer than any run of backticks in it.
    static func code(_ text: String) -> String {
        let single = text.replacingOccurrences(of: "\n", with: " ")
        let fence = String(repeating: "`", count: longestRun(of: "`", in: single) + 1)
        let pad = single.hasPrefix("`") || single.hasSuffix("`") || single.isEmpty ? " " : ""
        return fence + pad + single + pad + fence
    }

    static func fenced(_ text: String, language: String) -> String {
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
        return fence + language + "\n" + text + "\n" + fence + "\n"
    }

    static func longestRun(of ch: Character, in text: String) -> Int {
        var best = 0, run = 0
        for c in text {
            run = c == ch ? run + 1 : 0
            best = max(best, run)
        }
        return best
    }
}
