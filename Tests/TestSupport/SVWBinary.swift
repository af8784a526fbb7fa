import Foundation

/// The real `svw` executable, run as a user would: every end-to-end harness (pipes, pty,
/// session scripts) starts this one binary, and runs through this one process runner.
public enum SVWBinary {
    /// How a run ended and what it printed.
    public struct Result: Sendable {
        public let status: Int32
        public let out: String
        public let err: String
    }

    /// The package root, found from this file's path (Tests/TestSupport/…).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled sample data.
    public static let sampleData = packageRoot.appendingPathComponent("SampleData")

    /// The built `svw`, next to the running test bundle (SVW_BINARY overrides).
    public static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["SVW_BINARY"] { return URL(fileURLWithPath: path) }
        var dir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("svw")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/svw")
    }()

    /// Runs svw (or `executable`) with `arguments` in `directory`, feeding it `stdin` and
    /// closing it. The environment is this process's with NO_COLOR set and `environment`
    /// added, or exactly `environment` when `inheritEnvironment` is false. Both pipes are
    /// drained concurrently so a chatty stderr cannot block stdout.
    public static func run(_ arguments: [String], in directory: URL? = nil, stdin: String = "",
                           environment: [String: String] = [:], inheritEnvironment: Bool = true,
                           executable: URL = url) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if inheritEnvironment {
            var inherited = ProcessInfo.processInfo.environment
            inherited["NO_COLOR"] = "1"
            process.environment = inherited.merging(environment) { _, added in added }
        } else {
            process.environment = environment
        }
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
                      out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self))
    }
}
