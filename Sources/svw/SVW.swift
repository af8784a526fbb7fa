import ArgumentParser
import Foundation
import SVWCommands
import SVWRendering
import SVWShell
import SVWWorkspace

/// The executable parses arguments and starts the shell; everything else lives in the layers below.
@main
struct SVW: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svw",
        abstract: "The Social Value Workbench: procurement and social value analysis over an SQLite workspace.",
        discussion: """
            Without -c or a script, svw opens an interactive shell on a terminal, or reads
            commands from stdin when it is not one. Results go to stdout; notes, load
            summaries and warnings go to stderr.
            """,
        version: SVWVersion.current,
        subcommands: [Start.self, Run.self, Sample.self],
        defaultSubcommand: Start.self)
}

struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Persistent workspace file (created if missing); in memory without it.", valueName: "FILE"))
    var db: String?

    @Flag(name: .long, help: "Load the bundled sample data at start.")
    var sample = false

    @Option(name: .long, help: ArgumentHelp("Initial output mode: \(OutputMode.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "MODE"))
    var format: String?

    @Flag(name: .long, help: "Stop at the first command that fails.")
    var bail = false

    func validate() throws {
        if let format, OutputMode(rawValue: format.lowercased()) == nil {
            throw ValidationError("unknown --format \"\(format)\" (one of: \(OutputMode.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }
}

/// Options for the interactive shell only.
struct ShellArguments: ParsableArguments {
    @Flag(name: .long, help: "Edit lines with vi keys (emacs keys are the default; ~/.editrc can also choose).")
    var vi = false

    @Option(name: .long, help: ArgumentHelp("Keep the line history in FILE (default $XDG_STATE_HOME/svw/history, else ~/.svw_history).", valueName: "FILE"))
    var history: String?

    @Flag(name: .long, help: "Keep no line history on disk.")
    var noHistory = false

    func validate() throws {
        if noHistory && history != nil { throw ValidationError("--history and --no-history cannot be used together") }
    }
}

struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Open the shell, or run -c commands or stdin (the default).")

    @OptionGroup var options: WorkspaceOptions

    @OptionGroup(title: "Shell options") var shell: ShellArguments

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands (separated by ;) and exit.", valueName: "COMMANDS"))
    var commands: String?

    func run() throws {
        let launcher = try Launcher(options: options)
        if let commands {
            throw ExitCode(launcher.runText(commands, sourceName: "-c"))
        }
        throw ExitCode(launcher.runShell(shell))
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a session script in a fresh workspace and exit.")

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: ArgumentHelp("The script to run.", valueName: "SCRIPT"))
    var script: String

    @Argument(help: ArgumentHelp("Parameter overrides, NAME=VALUE.", valueName: "PARAM=VALUE"))
    var parameters: [String] = []

    func run() throws {
        let launcher = try Launcher(options: options)
        throw ExitCode(launcher.runScript(at: script, parameters: parameters))
    }
}

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic sample data set (the one in SampleData/ is --seed 2021).")

    @Option(help: "How many contracts to generate.")
    var contracts: Int = 4000

    @Option(help: "Random seed; the same seed always writes the same files.")
    var seed: UInt64 = 2021

    @Option(help: ArgumentHelp("Folder to write suppliers.csv, contracts.csv and commitments.csv into.", valueName: "DIR"))
    var out: String

    func run() throws {
        throw ExitCode(Launcher.writeSample(contracts: contracts, seed: seed, out: out))
    }
}
