import SVWScript

extension CommandRegistry {
    /// A line is a command unless it opens an SQL statement, so a mistyped command
    /// gets "did you mean" rather than an SQL syntax error.
    static func opensCommand(_ word: String) -> Bool {
        if command(named: word) != nil { return true }
        if ScriptSplitter.sqlKeywords.contains(word.uppercased()) { return false }
        // `SELET * FROM t;` is SQL with a slip (SQLite's error then suggests SELECT), unless
        // the word is nearer a command, which gets "did you mean" as a command.
        return SQLNameSuggestion.keyword(near: word) == nil || suggestion(for: word) != nil
    }
}

extension ScriptSplitter {
    /// A splitter that knows svw's commands.
    public init() {
        self.init(opensCommand: { CommandRegistry.opensCommand($0) })
    }

    /// Splits a whole text (a script file or `-c` argument) into svw's commands and SQL.
    public static func split(_ text: String) -> [ScriptUnit] {
        ScriptSplitter().units(in: text)
    }
}
