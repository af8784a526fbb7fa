/// Recording, saving and replaying session scripts. (Filled in by the sessions work.)
enum SessionCommands {
    static let specs: [CommandSpec] = []
}
