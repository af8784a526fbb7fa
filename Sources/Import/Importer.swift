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
        let run = try LoadRun(kind: kind.rawValue, table: kind.table, file: file, options: options, db: workspace.db,
                              headerTest: { headerFits($0, kind: kind, options: options) })
        let (mapping, preset) = try match(run.headers, kind: kind, options: options, file: run.name)
        if let preset {
            let how = options.preset == nil ? "recognised" : "read as"
            run.report.notes.append("\(how) \(preset.title) (--preset \(preset.name))")
            run.report.notes += preset.notes
        }
        // Indexes earlier loads left pending are built first where this load seeks rows by them.
        try PendingIndexes.build(workspace.db, on: tablesSought(kind, mapping))
        let deferIndexes = try BulkIndexes.worthDeferring(table: kind.table, fileSize: run.reader.fileSize,
                                                             threshold: options.bulkIndexThreshold, db: workspace.db)
        // A big file's rows are written once, not to the WAL and then into the file (see withRollbackJournal),
        // and the disk starts writing them while the load goes on (see withBackgroundWriteback).
        try workspace.db.withRollbackJournal(if: deferIndexes) {
            try workspace.db.withBackgroundWriteback(if: deferIndexes) {
                try LoadMemory.bounded(workspace.db) {
                    try checkedAndWritten(run, kind: kind, mapping: mapping, into: workspace, deferringIndexes: deferIndexes)
                }
            }
        }
        run.report.ignoredColumns = mapping.ignored
        return run.report
    }

    /// The load's rows checked and written in one transaction.
    private static func checkedAndWritten(_ run: LoadRun, kind: ImportKind, mapping: HeaderMapping, into workspace: Workspace,
                                          deferringIndexes deferIndexes: Bool) throws {
        // A big file's parent keys are checked against sets in memory, not looked up by SQLite
        // per row — while the parent table's ids fit the memory a load may spend on them.
        // Whether they fit must be known before the transaction (SQLite's own checks can
        // be turned off only outside one), so the set is read first, once.
        let parent = parentTable(run, kind: kind, mapping: mapping)
        // Read first: a commit by another process while the ids are read (on two connections)
        // shows in it too.
        let version = try workspace.db.scalar("PRAGMA data_version")
        run.parentKeys = try parent.flatMap { try KnownKeys(db: workspace.db, table: $0.table, column: $0.column,
                                                            budget: run.options.knownKeysBudget) }
        // A big load into an empty table may leave its key index unbuilt (see `KeyIndexes`), but
        // SQLite's foreign-key checks need it, on a parent table as on a child: so only a load
        // that checks its parents itself, or has none, does, with SQLite's checks off. Rows it
        // adds, or updates by their key, cannot leave a child row without its parent.
        let mayDeferKey = deferIndexes && KeyIndexes.name(of: kind.table) != nil && (kind.parentTables.isEmpty || run.parentKeys != nil)
        try run.options.afterParentKeys?()
        try workspace.db.withoutForeignKeyEnforcement(if: run.parentKeys != nil || mayDeferKey) {
            // Not when the checks stayed on: a load inside another's transaction (`load sample`).
            run.mayDeferKeyIndex = try mayDeferKey && workspace.db.scalar("PRAGMA foreign_keys").int64 == 0
            try withoutRecheckingCoercedValues(kind, workspace.db) {
                try workspace.db.transaction {
                    // Another process wrote to the workspace in between: its ids are read again.
                    if let parent, run.parentKeys != nil, try workspace.db.scalar("PRAGMA data_version") != version {
                        run.parentKeys = try KnownKeys(db: workspace.db, table: parent.table, column: parent.column)
                    }
                    // A key index an earlier load left pending is built first where this one needs it:
                    // its own table's, for upserts and as a parent's key, and its parent's when SQLite
                    // checks parents. In the load's transaction: a failed load leaves it pending.
                    try PendingIndexes.buildKeys(workspace.db, on: Set([kind.table]).union(run.parentKeys == nil ? kind.parentTables : []))
                    try write(run, kind: kind, mapping: mapping, into: workspace, deferringIndexes: deferIndexes)
                }
            }
        }
    }

    /// Runs a load without SQLite evaluating the table's CHECK constraints on every row, where
    /// the loader's coercion already guarantees each one: a date is written only as ISO text,
    /// a weighting only within 0–100, a flag only as 0 or 1, a quantity only when not negative,
    /// a postcode status only from its classification. Re-evaluating them (the award date's
    /// GLOB above all) was a fifth of SQLite's time in a contracts load. Analysts cannot add
    /// checks of their own to these tables (`SchemaGuard` refuses ALTER), and
    /// `PRAGMA integrity_check` still verifies every check over the stored rows, which the
    /// loaders' tests run after each load.
    private static func withoutRecheckingCoercedValues<T>(_ kind: ImportKind, _ db: Database, _ body: () throws -> T) throws -> T {
        guard kind.coercionCoversChecks else { return try body() }
        return try db.with(pragma: "ignore_check_constraints", 1, body)
    }

    /// The tables a load of `kind` seeks rows in by other than their primary key. A contracts
    /// file naming suppliers rather than their ids matches them by name and company number
    /// (`InlineSuppliers`); every other load writes its rows by key and checks parents by key.
    static func tablesSought(_ kind: ImportKind, _ mapping: HeaderMapping) -> Set<String> {
        kind == .contracts && !ContractLoader.namesSuppliersByID(mapping) ? ["suppliers"] : []
    }

    /// The table and column of the parent ids (a commitment's contracts, a contract's suppliers)
    /// a big file's rows are checked against in memory (`KnownKeys`); nil when SQLite checks them.
    private static func parentTable(_ run: LoadRun, kind: ImportKind, mapping: HeaderMapping) -> (table: String, column: String)? {
        guard run.reader.fileSize >= run.options.bulkIndexThreshold else { return nil }
        switch kind {
        case .commitments where mapping.column("contract_id") != nil: return ("contracts", "contract_id")
        case .contracts where ContractLoader.namesSuppliersByID(mapping): return ("suppliers", "supplier_id")
        default: return nil
        }
    }

    /// The rows of a load, inside its transaction; the rollups and the search index are left
    /// stale: the next analysis or search rebuilds them once, rather than every load of a run.
    private static func write(_ run: LoadRun, kind: ImportKind, mapping: HeaderMapping, into workspace: Workspace,
                              deferringIndexes deferIndexes: Bool) throws {
        do {
            var indexes = BulkIndexes()
            var triggers = BulkTriggers()
            if deferIndexes {
                try indexes.drop(on: kind.table, db: workspace.db)
                try triggers.suspend(on: kind.table, db: workspace.db)
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
            try triggers.restore(db: workspace.db)
        } catch {
            run.stopWatching()
            throw error
        }
    }

    /// `load ocds FILE`: awards from OCDS JSON (release or record packages, a list of
    /// releases, or JSON Lines), in one transaction.
    public static func loadOCDS(file: URL, into workspace: Workspace, options: ImportOptions = ImportOptions()) throws -> ImportReport {
        // Awards are matched to suppliers by name and identifier, and to contracts in more ways than by id.
        try PendingIndexes.build(workspace.db, on: ["suppliers", "contracts"])
        return try workspace.db.transaction {
            try OCDSLoader.load(file: file, db: workspace.db, options: options)
        }
    }

    /// `load table NAME FILE`.
    public static func loadTable(named name: String, file: URL, into workspace: Workspace,
                                 options: ImportOptions = ImportOptions()) throws -> ImportReport {
        try TableLoader.load(name: name, file: file, workspace: workspace, options: options)
    }

    /// `sheets FILE.xlsx`: each sheet with its size and the header row `load table` would use.
    public static func sheets(of file: URL, displayName: String) throws -> [SheetSummary] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw ImportError.csv(.cannotOpen(path: displayName, reason: isFolder.boolValue ? "it is a folder, not a file" : "No such file or directory"))
        }
        switch FileSniffer.sniff(file) {
        case .workbook: break
        case .refused(let what, let advice): throw ImportError.notATable(file: displayName, what: what, advice: advice)
        default: throw ImportError.workbook("\(displayName) is not an .xlsx workbook: it reads as text, so load reads it as CSV")
        }
        let workbook = try Workbook(url: file, fileName: displayName)
        return try workbook.sheets.map { sheet in
            guard sheet.part != nil else {
                return SheetSummary(position: sheet.position, name: sheet.name, state: "chart", rows: nil, columns: nil, headerRow: nil)
            }
            let source = try SheetRowSource(workbook: workbook, sheet: sheet, implicitChoice: false, headerTest: nil,
                                            headerRow: nil, maxFieldSize: CSVReader.defaultMaxFieldSize)
            let survey = try source.survey()
            return SheetSummary(position: sheet.position, name: sheet.name, state: sheet.hidden ? "hidden" : "visible",
                                rows: survey.rows, columns: survey.columns, headerRow: survey.headerRow)
        }
    }

    /// Whether a workbook row could be `kind`'s header: it has every required column
    /// (ambiguity is the header's problem to report, not a reason to look further down).
    static func headerFits(_ headers: [String], kind: ImportKind, options: ImportOptions) -> Bool {
        do {
            _ = try match(headers, kind: kind, options: options, file: "")
            return true
        } catch ImportError.ambiguousColumn {
            return true
        } catch {
            return false
        }
    }

    /// The header row matched to the kind's fields, through the preset chosen with `--preset`
    /// or recognised from the headers (a contract's supplier: an id, named inline, or packed).
    static func match(_ headers: [String], kind: ImportKind, options: ImportOptions,
                      file: String) throws -> (HeaderMapping, Preset?) {
        var preset: Preset?
        if let name = options.preset {
            guard let chosen = Preset.named(name), chosen.kind == kind else {
                let names = Preset.all.filter { $0.kind == kind }.map(\.name)
                throw ImportError.badOption("--preset \(name): no such layout for \(kind.rawValue)"
                                            + (names.isEmpty ? "" : " (presets: \(names.joined(separator: ", ")))"))
            }
            preset = chosen
        } else {
            preset = Preset.detect(headers: headers, kind: kind)
        }
        let mapping = try HeaderMatcher.match(headers: headers, fields: kind.fields,
                                              maps: preset?.maps(for: headers, userMaps: options.maps) ?? options.maps,
                                              file: file,
                                              oneOf: kind == .contracts ? [["supplier_id", "supplier_name", "supplier_packed"]] : [],
                                              excluded: preset?.ignoredColumns(in: headers) ?? [])
        return (mapping, preset)
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

/// One sheet of a workbook, as `sheets` lists it.
public struct SheetSummary: Sendable, Equatable {
    /// 1-based position in the workbook (what `--sheet N` takes).
    public let position: Int
    public let name: String
    /// `visible`, `hidden`, or `chart` (a chart sheet holds no cells).
    public let state: String
    /// Rows holding at least one value.
    public let rows: Int?
    /// Columns from the first to the last one holding a value.
    public let columns: Int?
    /// The header row `load table` would use.
    public let headerRow: Int?
}
