/// Commands that bring data into the workspace. (Filled in by the import work.)
enum DataCommands {
    static let specs: [CommandSpec] = []
}
