import Foundation
import SVWDatabase
import SVWRendering
import SVWText

/// A report as one self-contained HTML file: inline CSS, charts as SVG in data: URIs,
/// no scripts and nothing fetched, so it opens offline in any browser and prints
/// cleanly. It is also well-formed XML (void elements closed, every value escaped),
/// so XML tools can read it.
enum HTMLReport {
    static func render(_ document: ReportDocument) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)" />
            <meta name="generator" content="svw \(escape(SVWVersion.current))" />
            <title>\(escape(document.title))</title>
            <style>\n\(style)</style>
            </head>
            <body>
            <header>
            <h1>\(escape(document.title))</h1>
            <p class="summary">\(escape(document.summary))</p>\n
            """
        for caveat in document.caveats {
            out += "<p class=\"caveat\" role=\"note\"><strong>Illustrative values.</strong> \(escape(caveat))</p>\n"
        }
        if !document.introduction.isEmpty {
            out += "<div class=\"introduction\">\n" + prose(document.introduction) + "</div>\n"
        }
        if !document.parameters.isEmpty {
            out += "<table class=\"parameters\"><caption>Parameters</caption><tbody>\n"
            for parameter in document.parameters {
                out += "<tr><th scope=\"row\"><code>\(escape(parameter.name))</code></th><td><code>\(escape(parameter.value))</code></td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "</header>\n<main>\n"
        for step in document.steps {
            out += section(step)
        }
        out += "</main>\n"
        if !document.provenance.isEmpty {
            out += "<footer>\n<h2>Data provenance</h2>\n<table class=\"provenance\">\n"
            out += "<thead><tr><th scope=\"col\">File</th><th scope=\"col\" class=\"num\">Rows</th><th scope=\"col\">SHA-256</th><th scope=\"col\">Loaded by</th></tr></thead>\n<tbody>\n"
            for file in document.provenance {
                out += "<tr><td>\(escape(file.path))</td><td class=\"num\">\(NumberText.grouped(file.rows))</td>"
                    + "<td><code class=\"hash\">\(escape(file.sha256))</code></td><td><code>\(escape(file.loadedBy))</code></td></tr>\n"
            }
            out += "</tbody>\n</table>\n</footer>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// The browser itself holds the report to "nothing fetched, nothing run": no scripts,
    /// no requests, styles only inline and images only from data: URIs.
    static let contentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

    static func section(_ step: TranscriptEntry) -> String {
        let text = step.command.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if step.artefacts.isEmpty {
            let notes = step.notes.isEmpty ? "" : "<div class=\"notes step\">\n" + prose(step.notes) + "</div>\n"
            return notes + "<p class=\"step\"><code>\(escape(text))</code></p>\n"
        }
        var out = "<section>\n"
        out += text.contains("\n")
            ? "<pre class=\"caption\"><code>\(escape(text))</code></pre>\n"
            : "<h2><code>\(escape(text))</code></h2>\n"
        if !step.notes.isEmpty { out += "<div class=\"notes\">\n" + prose(step.notes) + "</div>\n" }
        for piece in ReportLayout.pieces(step.artefacts) {
            switch piece {
            case .titled(let title, let artefact): out += "<h3>\(escape(title))</h3>\n" + render(artefact)
            case .plain(let artefact): out += render(artefact)
            }
        }
        return out + "</section>\n"
    }

    static func render(_ artefact: Artefact) -> String {
        switch artefact {
        case .table(let result, let total, let footer):
            var out = table(result)
            if total > result.rows.count {
                out += "<p class=\"note\">\(ReportDocument.moreRowsSentence(shown: result.rows.count, total: total))</p>\n"
            }
            if let footer, !footer.isEmpty {
                out += "<p class=\"footer\">\(escapeLines(footer.trimmingCharacters(in: .newlines)))</p>\n"
            }
            return out
        case .text(let text):
            return "<pre class=\"output\">\(escape(text.hasSuffix("\n") ? String(text.dropLast()) : text))</pre>\n"
        case .chart(let svg, let caption):
            // The chart draws its own title; the caption is the image's text for those who cannot see it.
            return "<figure>\n<img alt=\"\(escape(caption))\" src=\"data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())\" />\n"
                + "</figure>\n"
        }
    }

    /// Comment prose as paragraphs and preformatted runs.
    static func prose(_ lines: [String]) -> String {
        Prose.blocks(lines).map { block in
            switch block {
            case .paragraph(let text): return "<p>\(escape(text))</p>\n"
            case .preformatted(let text): return "<pre class=\"prose\">\(escape(text))</pre>\n"
            }
        }.joined()
    }

    /// Columns beyond which a table is set smaller, so it fits the page more often.
    static let wideTableColumns = 8

    static func table(_ result: ResultSet) -> String {
        // An analysis's intentionally empty cells read as it says (–); SQL NULL stays NULL, set apart.
        let nullText = result.emptyCellText
        let numeric = ColumnAlignment.numeric(result)
        // The wrapper scrolls a table wider than the page on screen instead of overflowing it.
        let wide = result.columns.count >= wideTableColumns
        var out = "<div class=\"table\(wide ? " wide" : "")\">\n<table>\n<thead><tr>"
        for (i, column) in result.reportHeadings.enumerated() {
            // Long snake_case headers may break after an underscore, so they do not set
            // a figure's column wider than its figures.
            let header = column.count > 14 ? escape(column).replacingOccurrences(of: "_", with: "_<wbr />") : escape(column)
            out += "<th scope=\"col\"\(numeric[i] ? " class=\"num\"" : "")>\(header)</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in result.rows {
            out += "<tr>"
            for (i, value) in row.enumerated() {
                var classes: [String] = []
                if numeric[i] { classes.append("num") }
                if value.isNull && nullText == nil { classes.append("null") }
                // Long text gets room to wrap in lines rather than a word to a line.
                if !numeric[i], (value.string?.count ?? 0) > 40 { classes.append("long") }
                let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                out += "<td\(attribute)>\(escapeLines(CellText.display(value, kind: result.kinds[i], null: nullText ?? "NULL")))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }

    /// Escaped text with its line breaks kept as <br />.
    static func escapeLines(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "<br />")
    }

    /// Text made safe for XML character data and attribute values.
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    static let style = """
        :root { color-scheme: light; }
        body { font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
               color: #1b1b1b; background: #fff; max-width: 72rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
        h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
        h2 { font-size: 1.1rem; margin: 2rem 0 0.6rem; font-weight: 600; }
        h3 { font-size: 1rem; margin: 1rem 0 0.3rem; font-weight: 600; }
        h2 code, pre.caption { font-size: 0.95rem; }
        code, pre { font-family: "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
        pre { background: #f5f6f8; padding: 0.6rem 0.8rem; overflow-x: auto; border-radius: 4px; }
        pre.caption { background: none; padding: 0; margin: 2rem 0 0.6rem; font-weight: 600; white-space: pre-wrap; }
        .summary, .step, .note, .footer { color: #555; }
        .caveat { border-left: 4px solid #c77700; background: #fff6e5; padding: 0.5rem 0.8rem; max-width: 48rem; }
        .step { margin: 0.6rem 0; font-size: 0.9rem; }
        .introduction { margin: 1rem 0 1.5rem; }
        .introduction p, .notes p { margin: 0.4rem 0; max-width: 48rem; }
        .notes { margin: 0 0 0.8rem; }
        .notes.step { margin: 1rem 0 0; }
        pre.prose { background: none; padding: 0 0 0 1rem; margin: 0.4rem 0; }
        div.table { overflow-x: auto; margin: 0.5rem 0 1rem; }
        div.table table { margin: 0; }
        div.wide table { font-size: 0.8rem; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
        th, td { border: 1px solid #d0d4da; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        thead th { background: #eef1f5; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num { white-space: nowrap; }
        td.long { min-width: 16rem; }
        .null { color: #999; font-style: italic; }
        .hash { font-size: 0.75rem; word-break: break-all; }
        figure { margin: 1rem 0; }
        figure img { max-width: 100%; height: auto; }
        figcaption { color: #555; font-size: 0.85rem; }
        footer { margin-top: 3rem; border-top: 1px solid #d0d4da; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
          section, figure, tr { break-inside: avoid; page-break-inside: avoid; }
          h2, h3, pre.caption { break-after: avoid; page-break-after: avoid; }
          thead { display: table-header-group; }
          pre { white-space: pre-wrap; background: none; border: 1px solid #ccc; }
          pre.prose { border: none; }
          div.table { overflow: visible; }
          div.wide table { font-size: 7pt; }
          thead th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
