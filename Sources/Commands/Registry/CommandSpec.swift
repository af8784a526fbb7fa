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
    public let handler: CommandHandler

    public init(name: String, aliases: [String] = [], group: CommandGroup, abstract: String,
                arguments: [ArgumentSpec] = [], options: [OptionSpec] = [], discussion: String = "",
                examples: [String] = [], recorded: Bool = true, scriptSafe: Bool = true,
                handler: @escaping CommandHandler) {
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
        self.handler = handler
    }

    /// `load KIND FILE [--strict] [--map FIELD=HEADER]...`
    public var synopsis: String {
        var parts = [name]
        for a in arguments {
            let shown = a.variadic ? "\(a.name)..." : a.name
            parts.append(a.optional ? "[\(shown)]" : shown)
        }
        for o in options {
            let body = o.valueName.map { "--\(o.name) \($0)" } ?? "--\(o.name)"
            parts.append(o.repeatable ? "[\(body)]..." : "[\(body)]")
        }
        return parts.joined(separator: " ")
    }

    public func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name || $0.shortName == name }
    }

    /// The argument a positional word at `index` fills, and what it holds there: a command
    /// with several forms (`load table NAME FILE`) lets its first word change the others.
    public func argument(at index: Int, firstWord: String?) -> (spec: ArgumentSpec, completion: CompletionKind)? {
        let argument: ArgumentSpec
        if index < arguments.count { argument = arguments[index] }
        else if let last = arguments.last, last.variadic { argument = last }
        else { return nil }
        if index > 0, let first = firstWord?.lowercased(), let other = argument.completionAfter[first] {
            return (argument, other)
        }
        return (argument, argument.completion)
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
    /// What the argument holds instead when the command's first word is the key:
    /// `load table NAME FILE` makes load's second word a table name, not a file.
    public let completionAfter: [String: CompletionKind]

    public init(_ name: String, _ help: String, optional: Bool = false, variadic: Bool = false,
                completion: CompletionKind = .none, writes: Bool = false,
                completionAfter: [String: CompletionKind] = [:]) {
        self.name = name
        self.help = help
        self.optional = optional
        self.variadic = variadic
        self.completion = completion
        self.writes = writes
        self.completionAfter = completionAfter
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
    case year
    case theme
    case measure
    case outputMode
    /// A fixed list of words.
    case choices([String])
}
