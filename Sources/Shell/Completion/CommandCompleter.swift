import SVWCommands
import SVWRendering
import SVWScript

/// Completion inside a workbench command: option names, option values and
/// positional arguments, each by the `CompletionKind` its spec declares.
struct CommandCompleter {
    let source: CompletionSource
    let spec: CommandSpec

    func complete(afterName rest: String) -> Completion {
        let words = PartialWords.parse(rest)
        let current = words.current
        let options = spec.withCommonOptions.options

        if current.value.hasPrefix("-") && !current.quoted {
            if let eq = current.value.firstIndex(of: "=") {
                let name = String(current.value.drop(while: { $0 == "-" }).prefix(while: { $0 != "=" }))
                guard let option = spec.withCommonOptions.option(named: name) else { return .none }
                let prefix = String(current.value[..<current.value.index(after: eq)])
                let value = String(current.value[current.value.index(after: eq)...])
                return values(for: option.completion, typed: value, previous: words.previous, raw: current.raw) { insertion in
                    prefix + insertion
                }
            }
            let used = Set(words.previous.compactMap { $0.hasPrefix("--") ? String($0.dropFirst(2).prefix(while: { $0 != "=" })) : nil })
            let typed = current.value.drop(while: { $0 == "-" })
            // A form of the command (`load table`) offers only the options it takes.
            let allowed = spec.form(given: positionals(words.previous))?.options
                .map { Set($0 + CommandSpec.commonOptionNames) }
            let candidates = options
                .filter { allowed?.contains($0.name) ?? true }
                .filter { $0.name.hasPrefix(typed) && ($0.repeatable || !used.contains($0.name)) }
                .map { Completion.Candidate(insertion: "--" + $0.name) }
            return Completion(replacing: current.raw, candidates: candidates)
        }

        if let last = words.previous.last, last.hasPrefix("--"), !last.contains("="),
           let option = spec.withCommonOptions.option(named: String(last.dropFirst(2))), !option.isFlag {
            return values(for: option.completion, typed: current.value, previous: words.previous, raw: current.raw)
        }

        // The first argument may choose a form with arguments of its own: `load table NAME FILE`.
        let before = positionals(words.previous)
        guard let argument = spec.argument(at: before.count, given: before) else { return .none }
        return values(for: argument.completion, typed: current.value, previous: words.previous, raw: current.raw)
    }

    /// The positional words before the current one (options and their values left out).
    private func positionals(_ previous: [String]) -> [String] {
        var found: [String] = []
        var i = 0
        while i < previous.count {
            let word = previous[i]
            i += 1
            if word.hasPrefix("-") && word != "-" && Double(word) == nil {
                let name = String(word.drop(while: { $0 == "-" }).prefix(while: { $0 != "=" }))
                if !word.contains("="), let option = spec.withCommonOptions.option(named: name), !option.isFlag { i += 1 }
                continue
            }
            found.append(word)
        }
        return found
    }

    /// Candidates for a value of the given kind, quoted as the command line needs them.
    private func values(for kind: CompletionKind, typed: String, previous: [String], raw: String,
                        wrap: (String) -> String = { $0 }) -> Completion {
        let style = QuoteStyle(raw: raw)
        func plain(_ values: [String]) -> Completion {
            Completion(replacing: raw, candidates: values.map {
                Completion.Candidate(insertion: wrap(style.quote($0)), display: $0)
            })
        }
        // `key=value` words (a filter's `partner=Stockport`): after the `=`, complete the value.
        if kind != .file, let eq = typed.firstIndex(of: "="), let domain = DomainValue.named(String(typed[..<eq])) {
            let key = String(typed[...eq])
            let found = source.values(domain, prefix: String(typed[typed.index(after: eq)...]))
            return Completion(replacing: raw, candidates: found.map {
                Completion.Candidate(insertion: wrap(style.quote(key + $0)), display: $0)
            })
        }
        switch kind {
        case .none:
            return .none
        case .file:
            return Completion(replacing: raw, candidates: source.files(matching: typed).map { match in
                Completion.Candidate(insertion: wrap(style.quote(match.path, open: match.isDirectory)),
                                     display: lastComponent(match.path), isFinal: !match.isDirectory)
            })
        case .table:
            return plain(prefixed(source.tables(), typed))
        case .column:
            let tables = source.tables()
            let named = previous.filter { word in tables.contains { $0.caseInsensitiveCompare(word) == .orderedSame } }
            let columns = named.isEmpty ? tables.flatMap(source.columns(of:)) : named.flatMap(source.columns(of:))
            return plain(prefixed(unique(columns), typed))
        case .command:
            return plain(prefixed(CommandRegistry.names.sorted(), typed))
        case .partner: return plain(source.values(.partner, prefix: typed))
        case .year: return plain(source.values(.year, prefix: typed))
        case .theme: return plain(source.values(.theme, prefix: typed))
        case .category: return plain(source.values(.category, prefix: typed))
        case .supplier: return plain(source.values(.supplier, prefix: typed))
        case .measure:
            // Listed with what each measures: "NT1  Local people employed (FTE)".
            let measures = source.measuresDescribed(prefix: typed)
            let width = measures.map(\.code.count).max() ?? 0
            return Completion(replacing: raw, candidates: measures.map { m in
                Completion.Candidate(insertion: wrap(style.quote(m.code)),
                                     display: m.description.isEmpty ? m.code : m.code.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + m.description)
            })
        case .outputMode:
            return plain(prefixed(OutputMode.allCases.map(\.rawValue), typed))
        case .choices(let choices):
            return Completion(replacing: raw, candidates: prefixed(choices, typed).map {
                Completion.Candidate(insertion: wrap(style.quote($0)), display: $0, isFinal: !$0.hasSuffix("="))
            })
        }
    }

    private func prefixed(_ names: [String], _ typed: String) -> [String] {
        names.filter { $0.lowercased().hasPrefix(typed.lowercased()) }
    }

    private func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }.sorted()
    }

    private func lastComponent(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

/// The words of a command line typed so far, the last one possibly unfinished.
struct PartialWords {
    struct Current {
        /// As typed, quotes included: what a completion replaces.
        var raw = ""
        /// With quoting removed.
        var value = ""
        /// The word began with a quote.
        var quoted = false
    }

    var previous: [String] = []
    var current = Current()

    static func parse(_ text: String) -> PartialWords {
        var result = PartialWords()
        var word = Current()
        var inWord = false
        var quote: Character?
        var escaped = false
        for ch in text {
            if escaped {
                word.raw.append(ch); word.value.append(ch); escaped = false
                continue
            }
            if let q = quote {
                word.raw.append(ch)
                if ch == q { quote = nil }
                else if ch == "\\" && q == "\"" { escaped = true }
                else { word.value.append(ch) }
                continue
            }
            switch ch {
            case " ", "\t":
                if inWord { result.previous.append(word.value); word = Current(); inWord = false }
            case "'", "\"":
                if !inWord { word.quoted = true }
                quote = ch; inWord = true; word.raw.append(ch)
            case "\\":
                escaped = true; inWord = true; word.raw.append(ch)
            default:
                inWord = true; word.raw.append(ch); word.value.append(ch)
            }
        }
        result.current = word
        return result
    }
}

/// Quotes a completed word the way the user started it: inside their quote if they
/// opened one, else single quotes only when the word needs them.
struct QuoteStyle {
    let opening: Character?

    init(raw: String) {
        let body = raw.drop(while: { $0 == "-" })
        let afterEquals = body.firstIndex(of: "=").map { body[body.index(after: $0)...] } ?? body
        opening = afterEquals.first.flatMap { $0 == "'" || $0 == "\"" ? $0 : nil }
    }

    /// `open` leaves the closing quote off (a folder the user will keep typing into).
    func quote(_ value: String, open: Bool = false) -> String {
        switch opening {
        case "\"":
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"" + escaped + (open ? "" : "\"")
        case "'":
            if value.contains("'") { return Tokenizer.quote(value) }
            return "'" + value + (open ? "" : "'")
        default:
            let quoted = Tokenizer.quote(value)
            if open && quoted != value && quoted.hasSuffix("'") { return String(quoted.dropLast()) }
            return quoted
        }
    }
}
