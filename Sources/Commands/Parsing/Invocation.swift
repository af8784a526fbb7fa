import SVWScript
import SVWText

/// A command's words parsed against its spec: positional arguments, option values and flags.
public struct Invocation: Sendable {
    public let spec: CommandSpec
    public let words: [String]
    public private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []
    /// The words that name files (by the spec's `.file` arguments and options), in order.
    public private(set) var fileWords: [FileWord] = []
    /// Where each option's words are, for `optionWords`.
    private var optionWordRanges: [(name: String, range: Range<Int>)] = []

    /// Parses `words` (the command name excluded) against `spec`.
    public init(spec: CommandSpec, words: [String]) throws {
        self.spec = spec
        self.words = words
        var i = 0
        var onlyPositionals = false
        var positionalIndices: [Int] = []
        while i < words.count {
            let word = words[i]
            let start = i
            i += 1
            if onlyPositionals || !word.hasPrefix("-") || word == "-" || Invocation.isNumber(word) {
                positionals.append(word)
                positionalIndices.append(start)
                continue
            }
            if word == "--" { onlyPositionals = true; continue }
            var name = String(word.drop(while: { $0 == "-" }))
            var inlineValue: String?
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = spec.option(named: name) else {
                let known = spec.options.map(\.name)
                var message = "\(spec.name): unknown option --\(name)"
                if let guess = Suggest.closest(to: name, among: known) { message += "; did you mean --\(guess)?" }
                else if !known.isEmpty { message += " (options: " + known.map { "--\($0)" }.joined(separator: ", ") + ")" }
                throw CommandError.usage(message)
            }
            if option.isFlag {
                if inlineValue != nil { throw CommandError.usage("\(spec.name): --\(option.name) takes no value") }
                flags.insert(option.name)
                optionWordRanges.append((option.name, start..<i))
                continue
            }
            let value: String
            if let inlineValue { value = inlineValue }
            else if i < words.count { value = words[i]; i += 1 }
            else { throw CommandError.usage("\(spec.name): --\(option.name) needs a value (\(option.valueName ?? "VALUE"))") }
            if !option.repeatable, values[option.name] != nil {
                throw CommandError.usage("\(spec.name): --\(option.name) given twice")
            }
            values[option.name, default: []].append(value)
            optionWordRanges.append((option.name, start..<i))
            if option.completion == .file {
                let prefix = inlineValue == nil ? "" : String(word.prefix(word.count - value.count))
                fileWords.append(FileWord(index: i - 1, prefix: prefix, path: value, writes: option.writes, option: option.name))
            }
        }
        try checkArity()
        try checkFormOptions()
        // The forms say which words are files: in `load table NAME FILE`, NAME is not.
        for (position, index) in positionalIndices.enumerated() {
            guard let argument = spec.argument(at: position, given: positionals), argument.completion == .file else { continue }
            fileWords.append(FileWord(index: index, prefix: "", path: positionals[position], writes: argument.writes, option: nil))
        }
        fileWords.sort { $0.index < $1.index }
    }

    /// A form that lists its options refuses the others (`load table` takes no --map).
    private func checkFormOptions() throws {
        guard let form = spec.form(given: positionals), let allowed = form.options else { return }
        let common = Set(CommandSpec.commonOptions.map(\.name))
        for name in values.keys.sorted() + flags.sorted() where !allowed.contains(name) && !common.contains(name) {
            throw CommandError.usage("\(spec.name) \(form.choice): --\(name) does not apply here\nusage: \(spec.synopsis(given: positionals))")
        }
    }

    private func checkArity() throws {
        // The first argument may choose a form with arguments of its own (`load table NAME FILE`).
        let arguments = spec.arguments(given: positionals)
        let usage = spec.synopsis(given: positionals)
        // `load table: missing FILE`, naming the form as typed.
        var name = spec.name
        if let first = positionals.first, spec.arguments.first?.forms.isEmpty == false { name += " " + first.lowercased() }
        let required = arguments.filter { !$0.optional }.count
        let variadic = arguments.contains { $0.variadic }
        if positionals.count < required {
            let missing = arguments[positionals.count]
            throw CommandError.usage("\(name): missing \(missing.name) (\(missing.help))\nusage: \(usage)")
        }
        if !variadic, positionals.count > arguments.count {
            throw CommandError.usage("\(name): unexpected argument \"\(positionals[arguments.count])\"\nusage: \(usage)")
        }
    }

    private static func isNumber(_ word: String) -> Bool { Double(word) != nil }

    public func argument(_ index: Int) -> String? { index < positionals.count ? positionals[index] : nil }

    /// `message` after the command's name (`load: …`, or with a form `load table: …`), as every
    /// command error starts: the name comes from the spec the words were parsed against, never retyped.
    public func prefixed(_ message: String, form: String? = nil) -> String {
        (form.map { "\(spec.name) \($0)" } ?? spec.name) + ": " + message
    }

    /// Whether the flag `--name` was given.
    public func flag(_ name: String) -> Bool { flags.contains(declared(name)) }

    /// The value of `--name` (the last, when repeated), or nil when not given.
    public func value(_ name: String) -> String? { values[declared(name)]?.last }

    /// Every value of a repeatable `--name`, in order.
    public func values(_ name: String) -> [String] { values[declared(name)] ?? [] }

    /// The option words as given (`--map`, `value=Total`, ...), in order, leaving out the named options.
    public func optionWords(excluding excluded: Set<String> = []) -> [String] {
        let excluded = Set(excluded.map(declared))
        return optionWordRanges.filter { !excluded.contains($0.name) }.flatMap { words[$0.range] }
    }

    /// Options are looked up by name, and a name the spec does not declare would read as
    /// "not given" for ever: a typo stops a debug build (so the suite, which runs every
    /// command, fails) rather than passing silently.
    private func declared(_ name: String) -> String {
        assert(spec.option(named: name) != nil, "\(spec.name) looks up --\(name), which its spec does not declare")
        return name
    }

    /// `--name` as a whole number, nil when not given.
    public func int(_ name: String) throws -> Int? {
        guard let raw = value(name) else { return nil }
        guard let n = Int(raw) else { throw CommandError.usage("\(spec.name): --\(name) takes a whole number, not \"\(raw)\"") }
        return n
    }

    /// `--name` as a number (a `%` sign allowed), nil when not given.
    public func double(_ name: String) throws -> Double? {
        guard let raw = value(name) else { return nil }
        guard let n = Double(raw.replacingOccurrences(of: "%", with: "")) else {
            throw CommandError.usage("\(spec.name): --\(name) takes a number, not \"\(raw)\"")
        }
        return n
    }
}

/// A word of a command that names a file.
public struct FileWord: Sendable, Equatable {
    /// Where it is in `Invocation.words`.
    public let index: Int
    /// `--report=` when the path came inline with its option; empty otherwise.
    public let prefix: String
    /// The path as written.
    public let path: String
    /// The command writes the file (rather than reading it).
    public let writes: Bool
    /// The option it is the value of (`report` for `--report FILE`); nil for an argument.
    public let option: String?
}
