import SVWScript

extension Notebook {
    /// Reads a notebook, telling svw's commands from SQL.
    public init(text: String) throws {
        try self.init(text: text, splitter: ScriptSplitter())
    }

    /// Every parameter the script declares with `param`, with its default (nil when it has none).
    public var declaredParameters: [(name: String, defaultValue: String?)] {
        var result: [(String, String?)] = []
        for unit in cells.flatMap(\.units) where unit.kind == .command {
            guard let words = try? Tokenizer.words(unit.text), let first = words.first,
                  first.lowercased() == "param" || first.lowercased() == ".param",
                  let declaration = try? ParamCommand.parse(Array(words.dropFirst())), let name = declaration.name
            else { continue }
            if !result.contains(where: { $0.0 == name }) { result.append((name, declaration.value)) }
        }
        return result
    }
}
