import Foundation
import SVWScript

extension ReportDocument {
    /// The report of everything `session` has recorded; file paths relative to `folder`.
    public init(session: Session, folder: URL, title: String? = nil) {
        // Exports (earlier reports, chart files) are not part of the story a report tells.
        let steps = session.transcript.entries.filter { !ReportDocument.isExport($0.command) }
        var provenance: [Provenance] = []
        for step in steps {
            for file in step.command.files {
                provenance.append(Provenance(path: RelativePath.shown(from: folder, to: file.url), sha256: file.sha256,
                                             rows: file.rows, loadedBy: step.command.text))
            }
        }
        self.init(title: title ?? ReportDocument.standardTitle, steps: steps,
                  parameters: session.parameters.names.map { ($0, session.parameters[$0] ?? "") },
                  provenance: provenance)
    }

    /// Whether a recorded command exported something (a report, a chart file).
    static func isExport(_ command: RecordedCommand) -> Bool {
        guard command.kind == .command, let first = try? Tokenizer.words(command.text).first else { return false }
        return CommandRegistry.command(named: first)?.name == ExportCommand.spec.name
    }
}

extension ReportWriter {
    /// Writes the report in the format `url`'s name asks for, replacing the file whole.
    public static func write(_ document: ReportDocument, to url: URL) throws {
        let data = try data(document, for: url)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw CommandError.failed("report: cannot write \(url.path): \(FileProblem.describe(error, url: url))")
        }
    }
}
