import Foundation

/// Runs the real svw binary with pipes (not a terminal) and collects what it wrote.
struct ShellProcess {
    let status: Int32
    let out: String
    let err: String

    static var executable: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("svw")
    }

    static func run(_ arguments: [String], stdin: String = "", environment: [String: String]? = nil,
                    directory: URL? = nil) throws -> ShellProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a full pipe cannot stall the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ShellProcess(status: process.terminationStatus,
                            out: String(decoding: outData, as: UTF8.self),
                            err: String(decoding: errData, as: UTF8.self))
    }
}
