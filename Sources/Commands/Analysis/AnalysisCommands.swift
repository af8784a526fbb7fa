/// The board-question commands, and the filter and chart export that serve them.
enum AnalysisCommands {
    static let specs: [CommandSpec] = [
        HeadlineCommand.spec, TrendCommand.spec, GeographyCommand.spec, ThemesCommand.spec,
        WeightingCommand.spec, ComplianceCommand.spec, FindCommand.spec, SupplierCommand.spec,
        FilterCommand.spec, ExportCommand.spec,
    ]
}
