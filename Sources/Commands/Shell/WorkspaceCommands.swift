import Foundation
import SVWDatabase
import SVWScript
import SVWWorkspace

/// Switching workspaces and keeping an in-memory one: `open` and `persist`.
/// Neither may run in a script: a script writes only the files its export and
/// output commands name, and always runs in a fresh workspace.
enum WorkspaceCommands {
    static let specs: [CommandSpec] = [open, persist]

    static let open = CommandSpec(
        name: "open", group: .shell,
        abstract: "Switch to a workspace file, creating it if it does not exist",
        arguments: [ArgumentSpec("FILE", "the workspace file; without it, a new empty in-memory workspace",
                                 optional: true, completion: .file, writes: true)],
        discussion: """
            The same as starting svw with --db FILE. A file workspace keeps everything
            loaded into it; the in-memory one svw starts with is gone when you leave it.
            svw will not add its tables to an SQLite file that is not an svw workspace.
            """,
        examples: ["open board.db"],
        recorded: false, scriptSafe: false,
        handler: { context in
            let session = context.session
            let url = context.invocation.argument(0).map { session.resolve(path: $0) }
            if let url, let current = session.workspace.path,
               URL(fileURLWithPath: current).standardizedFileURL.path == url.standardizedFileURL.path {
                session.note(context.prefixed("\(url.path) is already the open workspace"))
                return
            }
            guard session.confirmLeaving(again: "type the open command again to leave it anyway") else { return }
            let existed = url.map { FileManager.default.fileExists(atPath: $0.path) } ?? false
            let workspace: Workspace
            do {
                workspace = try Workspace(path: url?.path, announce: { session.note(context.prefixed($0)) })
            } catch let error as WorkspaceError {
                // Workspace refuses a file that is not SQLite, or is someone else's database.
                throw CommandError.failed(context.prefixed("\(error)"))
            } catch {
                throw CommandError.failed(context.prefixed("cannot open \(url?.path ?? "an in-memory workspace"): \(ErrorText.describe(error))"))
            }
            session.workspace = workspace
            session.shell.persistedAtChanges = nil
            session.shell.sampleOnlyAtChanges = nil
            for repair in workspace.repairs { session.note(repair) }
            if let url {
                session.note(existed ? "opened workspace \(url.path)" : "created workspace \(url.path)")
            } else {
                session.note("opened a new in-memory workspace")
            }
        })

    static let persist = CommandSpec(
        name: "persist", group: .shell,
        abstract: "Write the current workspace to a new file (VACUUM INTO)",
        arguments: [ArgumentSpec("FILE", "the file to create; never overwritten", completion: .file, writes: true)],
        discussion: """
            Keeps an in-memory workspace: everything loaded, every view and table, in one
            compact SQLite file. Carry on working afterwards, or open FILE to work in the
            file from now on. Also a way to snapshot a file workspace.
            """,
        examples: ["persist board-2020-21.db"],
        recorded: false, scriptSafe: false,
        handler: { context in
            let session = context.session
            let url = session.resolve(path: context.invocation.argument(0) ?? "")
            if FileManager.default.fileExists(atPath: url.path) {
                throw CommandError.failed(context.prefixed("\(url.path) already exists; persist never overwrites, so name a new file"))
            }
            do {
                try session.db.run("VACUUM INTO ?1", [url.path])
            } catch let error as SQLiteError {
                throw CommandError.failed(context.prefixed("cannot write \(url.path): \(error.message)"))
            }
            session.shell.persistedAtChanges = session.workspace.changeCounter
            let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
            let size = bytes.map { " (" + ByteCount.describe($0) + ")" } ?? ""
            session.note("wrote \(url.path)\(size); svw --db \(Tokenizer.quote(url.path)) opens it next time")
        })
}

/// File sizes for notes: "12.4 MB".
enum ByteCount {
    static func describe(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        return String(format: value < 10 ? "%.1f" : "%.0f", value) + " " + units[unit]
    }
}
