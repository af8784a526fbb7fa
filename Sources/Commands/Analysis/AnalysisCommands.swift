/// The board-question commands. (Filled in by the analysis work.)
enum AnalysisCommands {
    static let specs: [CommandSpec] = []
}
