/// A command's words parsed against its spec: positional arguments, option values and flags.
public struct Invocation: Sendable {
    public let spec: CommandSpec
    public let words: [String]
    public private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Parses `words` (the command name excluded) against `spec`.
    public init(spec: CommandSpec, words: [String]) throws {
        self.spec = spec
        self.words = words
        var i = 0
        var onlyPositionals = false
        while i < words.count {
            let word = words[i]
            i += 1
            if onlyPositionals || !word.hasPrefix("-") || word == "-" || Invocation.isNumber(word) {
                positionals.append(word)
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
        }
        try checkArity()
        try checkFormOptions()
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

    public func flag(_ name: String) -> Bool { flags.contains(name) }

    public func value(_ name: String) -> String? { values[name]?.last }

    public func values(_ name: String) -> [String] { values[name] ?? [] }

    public func int(_ name: String) throws -> Int? {
        guard let raw = value(name) else { return nil }
        guard let n = Int(raw) else { throw CommandError.usage("\(spec.name): --\(name) takes a whole number, not \"\(raw)\"") }
        return n
    }

    public func double(_ name: String) throws -> Double? {
        guard let raw = value(name) else { return nil }
        guard let n = Double(raw.replacingOccurrences(of: "%", with: "")) else {
            throw CommandError.usage("\(spec.name): --\(name) takes a number, not \"\(raw)\"")
        }
        return n
    }
}
