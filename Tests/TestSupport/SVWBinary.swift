import Foundation

/// Runs the real `svw` executable built next to the test bundle, as a user would.
struct SVWBinary {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The package root, found from this file's path (Tests/EndToEndTests/Support/…).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let sampleData = packageRoot.appendingPathComponent("SampleData")

    /// The built `svw`, next to the running test bundle (SVW_BINARY overrides). Every
    /// end-to-end harness (pipes, pty, session scripts) starts this one binary.
    static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["SVW_BINARY"] { return URL(fileURLWithPath: path) }
        var dir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("svw")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/svw")
    }()

    /// Runs svw with `arguments`, feeding `stdin` (closed immediately when nil), with
    /// NO_COLOR set and `environment` added to this process's environment.
    static func run(_ arguments: [String], stdin: String? = nil, cwd: URL? = nil,
                    environment: [String: String] = [:]) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        return try launch(arguments, stdin: stdin ?? "", directory: cwd, environment: env)
    }

    /// The one process runner (svw unless `executable` names another program): `environment`
    /// replaces the inherited one when given. Both pipes are drained concurrently so a
    /// chatty stderr cannot block stdout.
    static func launch(_ arguments: [String], stdin: String, directory: URL?,
                       environment: [String: String]?, executable: URL = url) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svw-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
