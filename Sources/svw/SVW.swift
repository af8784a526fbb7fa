import ArgumentParser
import Foundation
import SVWCommands
import SVWRendering
import SVWSample
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
            svw run <SCRIPT> [<NAME=VALUE> ...] [--check | --update] [--strict] [--bail] [--report <FILE>] [--format <MODE>]
            svw sample --out <DIR> [--contracts <N>] [--seed <S>]
            """,
        discussion: """
            Without -c or a script, svw opens an interactive shell on a terminal, or reads
            commands from stdin when it is not one. Results go to stdout; notes, load
            summaries and warnings go to stderr.
            """,
        version: SVWVersion.current,
        subcommands: [Run.self, Sample.self, Start.self])

    @OptionGroup var shell: ShellLaunch

    func run() throws { try shell.run() }
}

/// What starts the shell, or runs -c commands or stdin: the root command's options.
struct ShellLaunch: ParsableArguments {
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

/// `svw start …`, as earlier versions spelled the shell: the same as `svw …`.
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "The same as svw without a subcommand.", shouldDisplay: false)

    @OptionGroup var shell: ShellLaunch

    func run() throws { try shell.run() }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay a session script in a fresh in-memory workspace, or check it against its expected output.",
        discussion: """
            Paths in the script resolve relative to its folder, and it may write files only
            inside that folder's tree (--allow-writes DIR adds a folder). --check compares
            each command's output (stdout, and what output/once sent to files) with the #>
            lines stored after it and prints a unified diff where they differ (exit status
            1), writing no files; --update stores this run's output instead. --dry-run runs
            nothing and lists the files the script would read and write and what a replay
            would refuse. Exit status is non-zero when a command fails, an output differs,
            --strict meets a changed data file, or --dry-run finds something refused.
            """)

    @Argument(help: ArgumentHelp("The script to run.", valueName: "SCRIPT"))
    var script: String

    @Argument(help: ArgumentHelp("Values for the script's parameters.", valueName: "NAME=VALUE"))
    var parameters: [String] = []

    @Flag(help: "Compare the output with the expected output stored in the script; print diffs.")
    var check = false

    @Flag(help: "Store this run's output in the script as its expected output.")
    var update = false

    @Flag(help: "Stop if a data file differs from the one the script recorded.")
    var strict = false

    @Flag(name: .customLong("dry-run"),
          help: "Run nothing: list the files the script would read and write, and what a replay would refuse.")
    var dryRun = false

    @Flag(help: "Stop at the first command that fails.")
    var bail = false

    @Option(help: ArgumentHelp("Write a report of the run (.md or .html).", valueName: "FILE"))
    var report: String?

    @Option(name: .customLong("allow-writes"),
            help: ArgumentHelp("Let the script write files inside DIR too (repeatable); by default it writes only inside its own folder.", valueName: "DIR"))
    var allowWrites: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output mode the replay starts in (default table): \(OutputMode.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "MODE"))
    var format: String?

    func validate() throws {
        if let format, OutputMode(rawValue: format.lowercased()) == nil {
            throw ValidationError("unknown --format \"\(format)\" (one of: \(OutputMode.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if check && update { throw ValidationError("--check and --update cannot be used together") }
    }

    func run() throws {
        var options = ReplayOptions()
        options.check = check
        options.update = update
        options.strict = strict
        options.bail = bail
        options.dryRun = dryRun
        if let format, let mode = OutputMode(rawValue: format.lowercased()) { options.mode = mode }
        throw ExitCode(Launcher.runScript(at: script, parameters: parameters, options: options, report: report,
                                          allowWrites: allowWrites))
    }
}

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic sample data set (the one in SampleData/ is --seed 2021).")

    @Option(help: "How many contracts to generate.")
    var contracts: Int = 4000

    @Option(help: "Random seed; the same seed always writes the same files.")
    var seed: UInt64 = 2021

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
