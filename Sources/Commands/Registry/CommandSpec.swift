import Foundation

/// Everything svw knows about one command, declared once. Help, usage errors,
/// completion, "did you mean" and session recording are all derived from it.
public struct CommandSpec: Sendable {
    public let name: String
    public let aliases: [String]
    public let group: CommandGroup
    /// One line, shown in `help`.
    public let abstract: String
    /// Positional arguments, in order.
    public let arguments: [ArgumentSpec]
    public let options: [OptionSpec]
    /// Longer text for `help NAME`.
    public let discussion: String
    /// Worked examples that run on the sample data.
    public let examples: [String]
    /// Whether a successful run belongs in the session recording (look-ups like `help` do not).
    public let recorded: Bool
    /// Whether a session script may run it. Commands that write files other than the
    /// ones `export`/`output` name (persist, open, save) set this false.
    public let scriptSafe: Bool
    /// Whether it reads the loaded data, so that indexes a load left pending are built before
    /// it runs (`PendingIndexes`): the analyses, exploring and export do; loads build what they
    /// need themselves, and the shell's housekeeping reads none (quitting after a load waits
    /// for nothing).
    public let readsData: Bool
    public let handler: CommandHandler

    public init(name: String, aliases: [String] = [], group: CommandGroup, abstract: String,
                arguments: [ArgumentSpec] = [], options: [OptionSpec] = [], discussion: String = "",
                examples: [String] = [], recorded: Bool = true, scriptSafe: Bool = true,
                readsData: Bool? = nil, handler: @escaping CommandHandler) {
        self.name = name
        self.aliases = aliases
        self.group = group
        self.abstract = abstract
        self.arguments = arguments
        self.options = options
        self.discussion = discussion
        self.examples = examples
        self.recorded = recorded
        self.scriptSafe = scriptSafe
        self.readsData = readsData ?? [.analysis, .explore].contains(group)
        self.handler = handler
    }

    /// `load KIND FILE [--strict] [--map FIELD=HEADER]...`
    public var synopsis: String {
        line(words: [name] + arguments.map(ArgumentSpec.shown), options: options)
    }

    /// One usage line per form: the general one, then each form its first argument selects
    /// (`load table NAME FILE [--replace]...`), with only the options that apply to it.
    public var synopses: [String] {
        guard let first = arguments.first, !first.forms.isEmpty else { return [synopsis] }
        return [synopsis] + first.forms.map { form in
            line(words: [name, form.choice] + form.arguments.map(ArgumentSpec.shown),
                 options: form.options.map { names in
                     options.filter { option in
                         names.contains(option.name) || CommandSpec.commonOptions.contains { $0.name == option.name }
                     }
                 } ?? options)
        }
    }

    private func line(words: [String], options: [OptionSpec]) -> String {
        var parts = words
        for o in options {
            let body = o.valueName.map { "--\(o.name) \($0)" } ?? "--\(o.name)"
            parts.append(o.repeatable ? "[\(body)]..." : "[\(body)]")
        }
        return parts.joined(separator: " ")
    }

    /// The positional arguments that apply once the first ones are known: a first argument
    /// naming a form (`table` in `load table NAME FILE`) brings that form's arguments.
    public func arguments(given positionals: [String]) -> [ArgumentSpec] {
        guard let form = form(given: positionals) else { return arguments }
        return [arguments[0]] + form.arguments
    }

    /// The form the first positional word selects, if any.
    public func form(given positionals: [String]) -> ArgumentForm? {
        guard let first = arguments.first, let word = positionals.first else { return nil }
        return first.forms.first { $0.choice.caseInsensitiveCompare(word) == .orderedSame }
    }

    /// The usage line for the form `positionals` select.
    public func synopsis(given positionals: [String]) -> String {
        guard let form = form(given: positionals), let index = arguments[0].forms.firstIndex(where: { $0.choice == form.choice }) else {
            return synopsis
        }
        return synopses[index + 1]
    }

    /// Every argument any form takes, each name once (for help).
    public var allArguments: [ArgumentSpec] {
        var seen = Set<String>()
        let forms = arguments.first?.forms.flatMap(\.arguments) ?? []
        return (arguments + forms).filter { seen.insert($0.name).inserted }
    }

    public func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name || $0.shortName == name }
    }

    /// The argument the positional word at `index` fills once the first words are known:
    /// in `load table NAME FILE` the form makes NAME a table name and FILE the file, so
    /// completion, `save`'s path rebasing and write confinement all read the same forms.
    public func argument(at index: Int, given positionals: [String]) -> ArgumentSpec? {
        let applying = arguments(given: positionals)
        if index < applying.count { return applying[index] }
        if let last = applying.last, last.variadic { return last }
        return nil
    }
}

public typealias CommandHandler = @Sendable (CommandContext) throws -> Void

public enum CommandGroup: String, CaseIterable, Sendable {
    case data = "Loading data"
    case analysis = "Analysis"
    case explore = "Exploring the workspace"
    case output = "Output"
    case session = "Sessions and scripts"
    case shell = "The shell"
}

public struct ArgumentSpec: Sendable {
    public let name: String
    public let help: String
    public let optional: Bool
    public let variadic: Bool
    /// What the argument holds, for completion and, when `.file`, for paths: `save`
    /// rewrites file words relative to the script, and a script may write only inside its folder.
    public let completion: CompletionKind
    /// The command writes the file this argument names (`output FILE`), rather than reading it.
    public let writes: Bool
    /// For a command's first argument: the words that choose another form of the command,
    /// each with the arguments that follow it (`load table NAME FILE`). Any other word is
    /// followed by the command's own remaining arguments.
    public let forms: [ArgumentForm]

    public init(_ name: String, _ help: String, optional: Bool = false, variadic: Bool = false,
                completion: CompletionKind = .none, writes: Bool = false, forms: [ArgumentForm] = []) {
        self.name = name
        self.help = help
        self.optional = optional
        self.variadic = variadic
        self.completion = completion
        self.writes = writes
        self.forms = forms
    }

    /// As usage shows it: `FILE`, `[DIR]`, `KEY=VALUE...`.
    static func shown(_ a: ArgumentSpec) -> String {
        let shown = a.variadic ? "\(a.name)..." : a.name
        return a.optional ? "[\(shown)]" : shown
    }
}

/// One form of a command, chosen by its first argument: `load table NAME FILE`.
public struct ArgumentForm: Sendable {
    public let choice: String
    public let arguments: [ArgumentSpec]
    /// The options that apply to this form (nil: all of the command's).
    public let options: [String]?
    /// One line for help's list of forms.
    public let summary: String

    public init(_ choice: String, _ arguments: [ArgumentSpec], options: [String]? = nil, summary: String) {
        self.choice = choice
        self.arguments = arguments
        self.options = options
        self.summary = summary
    }
}

public struct OptionSpec: Sendable {
    /// Long name without dashes: `strict` for `--strict`.
    public let name: String
    public let shortName: String?
    /// nil for a flag; otherwise how the value is shown in help (`FIELD=HEADER`).
    public let valueName: String?
    public let help: String
    public let repeatable: Bool
    public let completion: CompletionKind
    /// The command writes the file this option's value names (`run --report FILE`).
    public let writes: Bool

    public init(_ name: String, value: String? = nil, short: String? = nil, repeatable: Bool = false,
                completion: CompletionKind = .none, writes: Bool = false, _ help: String) {
        self.name = name
        self.shortName = short
        self.valueName = value
        self.help = help
        self.repeatable = repeatable
        self.completion = completion
        self.writes = writes
    }

    public var isFlag: Bool { valueName == nil }
}

/// What the shell offers on Tab for an argument or option value.
public enum CompletionKind: Sendable, Equatable {
    case none
    case file
    case table
    case column
    case command
    case partner
    case category
    /// Supplier names from the workspace.
    case supplier
    case year
    case theme
    case measure
    case outputMode
    /// A fixed list of words.
    case choices([String])
}
