import Foundation
import SVWDatabase
import SVWRendering
import SVWText

/// A session (or script run) laid out as a document: what `report FILE.md|FILE.html`
/// writes. Built from the session's transcript, so it shows exactly what the recorded
/// commands produced, and carries no date or timing: the same run gives the same report.
public struct ReportDocument {
    /// The document's `<title>` and first heading (`export report --title` sets it).
    public var title: String
    /// The recorded commands with what each produced, in the order they ran.
    public var steps: [TranscriptEntry]
    /// Parameter values in force, in declaration order.
    public var parameters: [(name: String, value: String)]
    /// The data files the session read, listed so a reader can check them by hash.
    public var provenance: [Provenance]
    /// Prose that opens the document (a notebook's header comment), one string a line:
    /// blank lines part paragraphs, indented lines are kept as written.
    public var introduction: [String] = []

    /// One data file a command read.
    public struct Provenance: Equatable {
        /// Relative to the report's folder.
        public let path: String
        /// The file's SHA-256 in hex, as recorded when the command read it.
        public let sha256: String
        /// Rows read from the file, as the recorded command counted them.
        public let rows: Int
        /// The command that read it, as recorded (`load contracts …`).
        public let loadedBy: String

        /// One file a recorded command read.
        public init(path: String, sha256: String, rows: Int, loadedBy: String) {
            self.path = path
            self.sha256 = sha256
            self.rows = rows
            self.loadedBy = loadedBy
        }
    }

    /// The title of a session's report when none is given.
    public static let standardTitle = "svw session report"

    /// A document of `steps`, headed by `title`, with the parameters and files it used.
    public init(title: String, steps: [TranscriptEntry], parameters: [(name: String, value: String)], provenance: [Provenance]) {
        self.title = title
        self.steps = steps
        self.parameters = parameters
        self.provenance = provenance
    }

    /// The title of a script's report when the script gives none: its file name.
    public static func defaultTitle(forScript url: URL) -> String {
        url.deletingPathExtension().lastPathComponent
    }

    /// The line under the title.
    var summary: String {
        let n = steps.count
        return "Produced by svw \(SVWVersion.current) from \(n) recorded \(Plural.noun(n, "command"))."
    }
}

/// Writes reports in the format their file name asks for.
public enum ReportWriter {
    /// The report formats svw writes.
    public enum Format: String, CaseIterable, Sendable {
        case markdown, html

        /// The format a file's extension asks for (`.md`, `.html` and their variants), or nil.
        public init?(fileName: String) {
            switch (fileName as NSString).pathExtension.lowercased() {
            case "md", "markdown": self = .markdown
            case "html", "htm", "xhtml": self = .html
            default: return nil
            }
        }
    }

    /// The whole document as text in `format`.
    public static func render(_ document: ReportDocument, as format: Format) -> String {
        switch format {
        case .markdown: return MarkdownReport.render(document)
        case .html: return HTMLReport.render(document)
        }
    }

    /// The report's bytes in the format `url`'s name asks for.
    public static func data(_ document: ReportDocument, for url: URL) throws -> Data {
        guard let format = Format(fileName: url.lastPathComponent) else {
            throw CommandError.usage("export report: \(url.lastPathComponent): name the file .md or .html to choose the format")
        }
        return Data(render(document, as: format).utf8)
    }
}

/// Comment prose as blocks: paragraphs (consecutive lines joined) and preformatted runs
/// (lines indented by two spaces or more, such as example commands), parted by blank lines.
enum Prose {
    enum Block: Equatable {
        case paragraph(String)
        case preformatted(String)
    }

    static func blocks(_ lines: [String]) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var preformatted: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))) }
            if !preformatted.isEmpty { blocks.append(.preformatted(preformatted.joined(separator: "\n"))) }
            paragraph = []
            preformatted = []
        }
        for line in lines {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                flush()
            } else if line.hasPrefix("  ") {
                if !paragraph.isEmpty { flush() }
                preformatted.append(String(line.dropFirst(2)))
            } else {
                if !preformatted.isEmpty { flush() }
                paragraph.append(line.trimmingCharacters(in: .whitespaces))
            }
        }
        flush()
        return blocks
    }
}

/// How a step's artefacts are laid out: a one-line text written just before a table
/// (an analysis's title) becomes that table's title rather than a block of text.
enum ReportLayout {
    enum Piece: Equatable {
        case titled(String, Artefact)
        case plain(Artefact)
    }

    static func pieces(_ artefacts: [Artefact]) -> [Piece] {
        var pieces: [Piece] = []
        var index = 0
        while index < artefacts.count {
            if case .text(let text) = artefacts[index], index + 1 < artefacts.count,
               case .table = artefacts[index + 1], let title = singleLine(text) {
                pieces.append(.titled(title, artefacts[index + 1]))
                index += 2
            } else {
                pieces.append(.plain(artefacts[index]))
                index += 1
            }
        }
        return pieces
    }

    private static func singleLine(_ text: String) -> String? {
        let line = text.hasSuffix("\n") ? String(text.dropLast()) : text
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || line.contains("\n") ? nil : trimmed
    }
}

/// Which columns read as numbers (right-aligned), decided as the text renderer decides it.
enum ColumnAlignment {
    static func numeric(_ result: ResultSet) -> [Bool] {
        result.columns.indices.map { i in
            result.kinds[i] != .plain || (!result.rows.isEmpty && result.rows.allSatisfy {
                switch $0[i] {
                case .integer, .real, .null: return true
                case .text(let text): return text.isEmpty || CellText.readsAsNumber(text)
                case .blob: return false
                }
            })
        }
    }
}
