/// Looking around the workspace: tables, columns, schema, what was imported.
enum ExploreCommands {
    static let specs: [CommandSpec] = []
}
