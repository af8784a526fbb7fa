import SVWAnalysis
import SVWDatabase

/// The caveat that travels with every £ social value figure while the active measures
/// edition's proxy values are illustrative: the terminal shows it under the table; the
/// machine modes put the edition on every row (a redirected csv or json file keeps it);
/// SVG charts (exported, or in a report) carry it under the chart.
struct IllustrativeCaveat {
    /// The notice under the table (`AnalysisPresenter.measuresWarning`).
    let warning: String
    let edition: String

    /// The caveat, when some section's figures come from illustrative proxy values (its
    /// warnings carry the notice); nil otherwise.
    static func applying(to sections: [AnalysisPresenter.Section], db: Database) throws -> IllustrativeCaveat? {
        guard sections.contains(where: { !$0.warnings.isEmpty }) else { return nil }
        let active = try Catalog.measuresEdition(db)
        guard active.illustrative, let warning = try AnalysisPresenter.measuresWarning(db),
              sections.contains(where: { $0.warnings.contains(warning) }) else { return nil }
        return IllustrativeCaveat(warning: warning, edition: active.edition)
    }

    /// Names of the columns the machine modes add to each row.
    static let columns = ["measures_edition", "proxy_values"]

    /// `result` with the edition and "illustrative" on every row.
    func labelling(_ result: ResultSet) -> ResultSet {
        var labelled = result
        labelled.columns += Self.columns
        labelled.kinds += [.plain, .plain]
        labelled.headings? += ["Measures edition", "Proxy values"]
        labelled.rows = result.rows.map { $0 + [.text(edition), .text("illustrative")] }
        return labelled
    }

    /// The line under an SVG chart.
    var chartNote: String {
        "£ from illustrative proxy values (measures edition \(edition)), not published TOMs values."
    }
}
