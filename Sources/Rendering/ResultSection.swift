import SVWDatabase

/// One of several tables a command writes together (a supplier's profile, contracts and
/// commitments; a histogram and its statistics), named for the key it gets in json.
public struct ResultSection: Sendable, Equatable {
    public var name: String
    public var result: ResultSet

    public init(name: String, result: ResultSet) {
        self.name = name
        self.result = result
    }
}

extension Renderer {
    /// Several tables as one piece of output. In json, one document: a single section is
    /// its array as usual, several make an object keyed by section name in the order given
    /// (`{"profile":[…],"contracts":[…]}`), so a json reader gets one value to parse. In
    /// csv and tsv, and in the human modes, each table in turn, a blank line between them.
    public static func render(sections: [ResultSection], mode: OutputMode, options: RenderOptions = RenderOptions()) -> String {
        guard sections.count > 1 else {
            return sections.first.map { render($0.result, mode: mode, options: options) } ?? ""
        }
        if mode == .json {
            let members = sections.map { section -> String in
                var array = JSONRenderer.render(section.result)
                if array.hasSuffix("\n") { array.removeLast() }
                return JSONRenderer.string(section.name) + ":" + array
            }
            return "{" + members.joined(separator: ",\n") + "}\n"
        }
        return sections.map { render($0.result, mode: mode, options: options) }.joined(separator: "\n")
    }
}
