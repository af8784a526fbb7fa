import Foundation
import SVWDatabase
import SVWWorkspace

/// Checked loading of delimited files into the workspace. Each load is one
/// transaction: it all happens, or — on a failure, a `--strict` reject, or an
/// interrupt — the workspace is left exactly as it was.
public enum Importer {
    /// `load KIND FILE`.
    public static func load(_ kind: ImportKind, file: URL, into workspace: Workspace,
                            options: ImportOptions = ImportOptions()) throws -> ImportReport {
        try checkFractions(options.fractions, kind: kind)
        let run = try LoadRun(kind: kind.rawValue, table: kind.table, file: file, options: options, db: workspace.db)
        var preset: Preset?
        if let name = options.preset {
            guard let chosen = Preset.named(name), chosen.kind == kind else {
                let names = Preset.all.filter { $0.kind == kind }.map(\.name)
                throw ImportError.badOption("--preset \(name): no such layout for \(kind.rawValue)"
                                            + (names.isEmpty ? "" : " (presets: \(names.joined(separator: ", ")))"))
            }
            preset = chosen
        } else {
            preset = Preset.detect(headers: run.headers, kind: kind)
        }
        let mapping = try HeaderMatcher.match(headers: run.headers, fields: kind.fields,
                                              maps: preset?.maps(for: run.headers, userMaps: options.maps) ?? options.maps,
                                              file: run.name,
                                              oneOf: kind == .contracts ? [["supplier_id", "supplier_name", "supplier_packed"]] : [],
                                              excluded: preset?.ignoredColumns(in: run.headers) ?? [])
        if let preset {
            let how = options.preset == nil ? "recognised" : "read as"
            run.report.notes.append("\(how) \(preset.title) (--preset \(preset.name))")
            run.report.notes += preset.notes
        }
        let deferIndexes = try BulkIndexes.worthDeferring(table: kind.table, fileSize: run.reader.fileSize,
                                                             threshold: options.bulkIndexThreshold, db: workspace.db)
        try workspace.db.transaction {
            do {
                var indexes = BulkIndexes()
                var search = BulkSearchIndex(table: kind.table)
                if deferIndexes {
                    try indexes.drop(on: kind.table, db: workspace.db)
                    try search.suspend(db: workspace.db)
                }
                try run.begin()
                switch kind {
                case .suppliers: try SupplierLoader.load(run, mapping)
                case .contracts: try ContractLoader.load(run, mapping)
                case .commitments: try CommitmentLoader.load(run, mapping)
                case .measures: try MeasureLoader.load(run, mapping, workspace: workspace)
                case .postcodes: try PostcodeLoader.load(run, mapping)
                case .postcodeIndex: try PostcodeIndexLoader.load(run, mapping)
                }
                try run.finish()
                try indexes.recreate(db: workspace.db)
                try search.refresh(db: workspace.db)
            } catch {
                run.stopWatching()
                throw error
            }
        }
        run.report.ignoredColumns = mapping.ignored
        return run.report
    }

    /// `load ocds FILE`: awards from OCDS JSON (release or record packages, a list of
    /// releases, or JSON Lines), in one transaction.
    public static func loadOCDS(file: URL, into workspace: Workspace, options: ImportOptions = ImportOptions()) throws -> ImportReport {
        try workspace.db.transaction {
            try OCDSLoader.load(file: file, db: workspace.db, options: options)
        }
    }

    /// `load table NAME FILE`.
    public static func loadTable(named name: String, file: URL, into workspace: Workspace,
                                 options: ImportOptions = ImportOptions()) throws -> ImportReport {
        try TableLoader.load(name: name, file: file, workspace: workspace, options: options)
    }

    private static func checkFractions(_ fractions: Set<String>, kind: ImportKind) throws {
        let percentFields = kind.fields.filter { $0.type == .percent }.map(\.name)
        for field in fractions.sorted() where !percentFields.contains(field) {
            let allowed = percentFields.isEmpty ? "\(kind.rawValue) files have no percentage fields"
                                                : "percentage fields: \(percentFields.joined(separator: ", "))"
            throw ImportError.badOption("--fraction \(field): not a percentage field of \(kind.rawValue) (\(allowed))")
        }
    }
}
