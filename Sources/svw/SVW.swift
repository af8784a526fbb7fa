import ArgumentParser
import Foundation
import SVWCommands
import SVWRendering
import SVWSample
import SVWScript
import SVWShell
import SVWWorkspace

/// The executable parses arguments and starts the shell; everything else lives in the layers below.
///
/// The shell is the root command itself (not a default subcommand), so `svw --help`
/// shows the options most people need: --db, --sample, --format, -c.
@main
struct SVW: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svw",
        abstract: "The Social Value Workbench: procurement and social value analysis over an SQLite workspace.",
        usage: """
            svw [--db <FILE>] [--sample] [--format <MODE>] [--bail] [-c <COMMANDS>] [--vi] [--history <FILE> | --no-history]
            svw \(RunCommandLine.synopsis)
            svw sample --out <DIR> [--contracts <N>] [--seed <S>]
            """,
        discussion: """
            Without -c or a script, svw opens an interactive shell on a terminal, or reads
            commands from stdin when it is not one. Results go to stdout; notes, load
            summaries and warnings go to stderr.
            """,
        version: SVWVersion.current,
        subcommands: [Run.self, Sample.self])

    @OptionGroup var shell: ShellLaunch

    func run() throws { try shell.run() }
}

/// What starts the shell, or runs -c commands or stdin: the root command's options.
struct ShellLaunch: ParsableArguments {
    @OptionGroup var options: WorkspaceOptions

    @OptionGroup(title: "Shell options") var shell: ShellArguments

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands (separated by ;) and exit.", valueName: "COMMANDS"))
    var commands: String?

    /// Exits itself rather than throwing `ExitCode`: ArgumentParser would build its help
    /// generator only to find that the code has no message, a measurable part of start-up.
    func run() throws {
        Foundation.exit(try session())
    }

    /// Runs the session and closes it (its workspace checkpointed) before the process exits.
    private func session() throws -> Int32 {
        let launcher = try Launcher(options: options)
        if let commands { return launcher.runText(commands, sourceName: "-c") }
        return launcher.runShell(shell)
    }
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

/// `svw run`: its words go to the shell's own `run` spec, the one declaration of its
/// options, usage and help.
struct Run: ParsableCommand {
    // Named here rather than derived from the type's name, which costs a demangling at every start.
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay a session script in a fresh in-memory workspace, or check it against its expected output.",
        discussion: "svw run --help shows its options.",
        helpNames: [])

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The script, NAME=VALUE parameters and options.", valueName: "SCRIPT"))
    var words: [String] = []

    func run() throws {
        if words.contains("--help") || words.contains("-h") {
            print(RunCommandLine.help, terminator: "")
            return
        }
        let request: RunCommandLine.Request
        do { request = try RunCommandLine.parse(words) } catch {
            FileHandle.standardError.write(Data("svw: \(ErrorText.describe(error))\n".utf8))
            throw ExitCode(64)
        }
        throw ExitCode(Launcher.runScript(at: request.script, parameters: request.parameters, options: request.options,
                                          report: request.report, allowWrites: request.allowWrites))
    }
}

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a deterministic sample data set (the one in SampleData/ is --seed \(SampleGenerator.defaultSeed)).")

    @Option(help: "How many contracts to generate.")
    var contracts: Int = SampleGenerator.defaultContracts

    @Option(help: "Random seed; the same seed always writes the same files.")
    var seed: UInt64 = SampleGenerator.defaultSeed

    @Option(help: ArgumentHelp("Folder to write suppliers.csv, contracts.csv and commitments.csv (with measures.csv, postcode_districts.csv and gm_postcodes.csv) into.", valueName: "DIR"))
    var out: String

    @Option(help: ArgumentHelp("The full-postcode table suppliers' postcodes are drawn from (default: the bundled SampleData/gm_postcodes.csv).", valueName: "FILE"))
    var postcodeIndex: String?

    func validate() throws {
        guard (1...SampleGenerator.maximumContracts).contains(contracts) else {
            throw ValidationError("--contracts must be between 1 and \(SampleGenerator.maximumContracts) (got \(contracts))")
        }
    }

    func run() throws {
        throw ExitCode(Launcher.writeSample(contracts: contracts, seed: seed, out: out, postcodeIndex: postcodeIndex))
    }
}
