import Foundation

/// Runs the real svw binary with pipes (not a terminal) and collects what it wrote.
struct ShellProcess {
    let status: Int32
    let out: String
    let err: String

    static var executable: URL { SVWBinary.url }

    static func run(_ arguments: [String], stdin: String = "", environment: [String: String]? = nil,
                    directory: URL? = nil) throws -> ShellProcess {
        let r = try SVWBinary.launch(arguments, stdin: stdin, directory: directory, environment: environment)
        return ShellProcess(status: r.status, out: r.stdout, err: r.stderr)
    }
}
