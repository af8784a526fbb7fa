import Foundation
import SVWImport
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
        let bundled = SampleDataLocator.bundled()
        let folder: URL
        let shownFolder: String
        if let directory {
            folder = session.resolve(path: directory)
            shownFolder = directory
        } else {
            guard let bundled else {
                throw CommandError.failed("load sample: cannot find the bundled SampleData folder (set SVW_SAMPLE_DATA to it, or give load sample DIR)")
            }
            folder = bundled
            shownFolder = "SampleData"
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandError.failed("load sample: \(shownFolder) is not a folder")
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
                throw CommandError.failed("load sample: \(shownFolder) has no \(name)")
            }
        }

        let strict = context.invocation.flag("strict")
        // The bundled sample into an empty workspace can always be had again: leaving it loses nothing.
        let pristine = directory == nil && !session.workspace.holdsData
        var reports: [ImportReport] = []
        try LoadCommand.perform {
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
            // A first search would otherwise rebuild the index and look like a change.
            try SearchIndex.refreshIfStale(session.db)
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
enum SampleDataLocator {
    static func bundled() -> URL? {
        let fm = FileManager.default
        func isFolder(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        if let env = ProcessInfo.processInfo.environment["SVW_SAMPLE_DATA"], !env.isEmpty {
            let url = URL(fileURLWithPath: PathExpansion.expandingTilde(env))
            return isFolder(url) ? url : nil
        }
        // Sources/Commands/Data/SampleLoad.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let fromSource = root.appendingPathComponent("SampleData")
        if isFolder(fromSource) { return fromSource }
        if var dir = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            for _ in 0..<5 {
                let candidate = dir.appendingPathComponent("SampleData")
                if isFolder(candidate) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
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
