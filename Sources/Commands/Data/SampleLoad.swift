import Foundation
import SVWImport
import SVWScript
import SVWWorkspace

/// `load sample [DIR]`: the six sample files in dependency order, in one transaction.
enum SampleLoad {
    /// File name and kind, in the order foreign keys need.
    static let files: [(name: String, kind: ImportKind)] = [
        ("measures.csv", .measures), ("postcode_districts.csv", .postcodes), ("gm_postcodes.csv", .postcodeIndex),
        ("suppliers.csv", .suppliers), ("contracts.csv", .contracts), ("commitments.csv", .commitments),
    ]
    /// Reference files a generated folder (`svw sample --out DIR`) may lack; the bundled ones stand in.
    static let referenceFiles: Set<String> = ["measures.csv", "postcode_districts.csv"]
    /// The full-postcode table: used when the folder has it (a generated folder does), else left out.
    static let optionalFile = "gm_postcodes.csv"

    static func run(_ context: CommandContext, directory: String?) throws {
        let session = context.session
        let located = SampleDataLocator.locate()
        let bundled = located.found?.folder
        let folder: URL
        let shownFolder: String
        if let directory {
            folder = session.resolve(path: directory)
            shownFolder = directory
        } else {
            guard let found = located.found else {
                throw CommandError.failed(context.invocation.prefixed("cannot find the bundled SampleData folder; looked for "
                    + located.looked.joined(separator: "; ") + ". Set SVW_SAMPLE_DATA to it, or give load sample DIR", form: "sample"))
            }
            folder = found.folder
            shownFolder = "SampleData"
            session.note("sample data: \(found.folder.path) (\(found.how))")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandError.failed(context.invocation.prefixed("\(shownFolder) is not a folder", form: "sample"))
        }

        var plan: [(url: URL, shown: String, kind: ImportKind)] = []
        var notes: [String] = []
        for (name, kind) in files {
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) {
                plan.append((url, shownFolder.hasSuffix("/") ? shownFolder + name : shownFolder + "/" + name, kind))
            } else if name == optionalFile {
                notes.append("\(shownFolder) has no \(name): suppliers are placed by the postcode district rule alone")
            } else if referenceFiles.contains(name), let bundled, FileManager.default.fileExists(atPath: bundled.appendingPathComponent(name).path) {
                plan.append((bundled.appendingPathComponent(name), "SampleData/" + name, kind))
                notes.append("\(shownFolder) has no \(name): using the bundled SampleData/\(name)")
            } else {
                throw CommandError.failed(context.invocation.prefixed("\(shownFolder) has no \(name)", form: "sample"))
            }
        }

        let strict = context.invocation.flag("strict")
        // The bundled sample into an empty workspace can always be had again: leaving it loses nothing.
        let pristine = directory == nil && !session.workspace.holdsData
        var reports: [ImportReport] = []
        try LoadCommand.perform(context.invocation) {
            try session.db.transaction {
                for step in plan {
                    var options = ImportOptions()
                    options.displayName = step.shown
                    options.strict = strict
                    options.commandOptions = strict ? "--strict" : ""
                    options.progress = ProgressMeter.callback(label: step.shown, onTerminal: session.console.errIsTerminal)
                    reports.append(try Importer.load(step.kind, file: step.url, into: session.workspace, options: options))
                    ProgressMeter.clear()
                }
            }
        }
        if pristine {
            // A first search (or analysis) would otherwise rebuild the index (or the
            // rollups, which loads leave stale) and look like a change.
            try SearchIndex.refreshIfStale(session.db)
            try Rollups.refreshIfStale(session.db)
            session.shell.sampleOnlyAtChanges = session.workspace.changeCounter
        }
        for note in notes { session.note(note) }
        for (report, step) in zip(reports, plan) {
            LoadSummary.print(report, to: session, problemsShown: 3)
            context.loadedFiles.append(LoadedFile(url: step.url, sha256: report.sha256, rows: report.rowsRead))
        }
    }
}

/// Where the bundled SampleData lives: `SVW_SAMPLE_DATA`, else the package's own
/// folder (known from this source file's path at build time), else near the executable.
/// Where the bundled SampleData folder is: `$SVW_SAMPLE_DATA`, else next to the svw binary
/// (or in a folder above it, as in an installed `bin/` beside `SampleData/`), else in the
/// project the binary was built from. A binary copied elsewhere still finds the data that
/// travels with it, and says which it used.
enum SampleDataLocator {
    struct Found {
        let folder: URL
        /// Where it was found, for the note `load sample` writes.
        let how: String
    }

    static func bundled() -> URL? { locate().found?.folder }

    /// The folder, or every place looked, for an error that says exactly what is missing.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                       executable: URL? = Bundle.main.executableURL) -> (found: Found?, looked: [String]) {
        let fm = FileManager.default
        func isFolder(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        var looked: [String] = []
        if let env = environment["SVW_SAMPLE_DATA"], !env.isEmpty {
            let url = URL(fileURLWithPath: PathExpansion.expandingTilde(env))
            if isFolder(url) { return (Found(folder: url, how: "from SVW_SAMPLE_DATA"), []) }
            return (nil, ["SVW_SAMPLE_DATA=\(env) (not a folder)"])
        }
        if let binary = executable?.resolvingSymlinksInPath() {
            var dir = binary.deletingLastPathComponent()
            for _ in 0..<5 {
                for candidate in [dir.appendingPathComponent("SampleData"), dir.appendingPathComponent("share/svw/SampleData")]
                where isFolder(candidate) {
                    return (Found(folder: candidate, how: "found from the svw binary at \(binary.path)"), [])
                }
                dir = dir.deletingLastPathComponent()
            }
            looked.append("SampleData next to \(binary.path) and in the folders above it")
        }
        // Sources/Commands/Data/SampleLoad.swift → the package root the binary was built from.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let fromSource = root.appendingPathComponent("SampleData")
        if isFolder(fromSource) { return (Found(folder: fromSource, how: "in the project svw was built from"), []) }
        looked.append("\(fromSource.path) (the project svw was built from)")
        return (nil, looked)
    }
}

/// A file of the bundled SampleData, for the executable's `svw sample` (which draws its
/// suppliers' postcodes from the bundled postcode index).
public enum BundledSampleData {
    public static func file(_ name: String) -> URL? {
        guard let url = SampleDataLocator.bundled()?.appendingPathComponent(name),
              FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url
    }
}
