import SVWScript

/// A replay's pass through a notebook's cells, in order: each cell's data files checked,
/// its units run, what they printed kept (for `--update`) and compared (for `--check`).
struct CellReplay {
    let session: Session
    let runner: ScriptRunner
    /// How messages name the script.
    let name: String
    let options: ReplayOptions
    let out: (String) -> Void
    let err: (String) -> Void
    /// A script saved before outputs were stored, or never updated: one line says so, not a diff per command.
    let storesNothing: Bool
    private(set) var outcome = ReplayOutcome()
    /// What each cell printed, in order.
    private(set) var outputs: [CellOutput?] = []
    /// The cells' data declarations as they read now.
    private(set) var refreshedData: [DataDeclaration] = []

    init(session: Session, runner: ScriptRunner, name: String, options: ReplayOptions, storesNothing: Bool,
         out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.session = session
        self.runner = runner
        self.name = name
        self.options = options
        self.storesNothing = storesNothing
        self.out = out
        self.err = err
    }

    /// Plays the cells until they end or one stops the run (`--strict`, `--bail`).
    mutating func play(_ cells: [Notebook.Cell]) {
        for cell in cells {
            outcome.cells += 1
            guard checkData(of: cell), let printed = runUnits(of: cell) else { return }
            ScriptReplay.refreshRows(cell.data, into: &refreshedData, session: session)
            outputs.append(printed)
            compare(cell, printed: printed)
        }
    }

    /// Where messages about a cell point: its first unit's line.
    private func line(of cell: Notebook.Cell) -> Int {
        cell.units.first?.line ?? 0
    }

    /// Checks the cell's data files against their declarations; false when `--strict` stops the run.
    private mutating func checkData(of cell: Notebook.Cell) -> Bool {
        for declaration in cell.data {
            let (verdict, refreshed) = ScriptReplay.verify(declaration, in: session)
            refreshedData.append(refreshed)
            guard let problem = verdict else { continue }
            outcome.changedData += 1
            if options.strict {
                let lines = problem.split(separator: "\n", maxSplits: 1)
                err("\(name):\(line(of: cell)): \(lines[0]) (--strict stops the run)\n" + lines.dropFirst().map { $0 + "\n" }.joined())
                outcome.stopped = true
                return false
            }
            err("\(name):\(line(of: cell)): \(problem)\n")
        }
        return true
    }

    /// Runs the cell's units and returns what they printed; nil when `--bail` stops the run.
    private mutating func runUnits(of cell: Notebook.Cell) -> CellOutput? {
        var printed = CellOutput()
        session.transcript.pendingNotes = cell.notes
        for unit in cell.units {
            let ok = runner.runOne(unit)
            printed.append(CellOutput(stdout: session.transcript.unit.stdout, files: session.transcript.unit.files))
            guard !ok else { continue }
            outcome.failures += 1
            if options.bail {
                outcome.stopped = true
                outputs.append(printed)
                return nil
            }
        }
        return printed
    }

    /// Under `--check`: the cell's output against its expected block, with a diff when they differ.
    private mutating func compare(_ cell: Notebook.Cell, printed: CellOutput) {
        guard options.check else { return }
        if storesNothing {
            if !printed.isEmpty { outcome.nothingStored = true }
        } else if let diff = CellOutput.diff(expected: cell.expected ?? CellOutput(), actual: printed,
                                             label: "\(name):\(line(of: cell))") {
            outcome.drifted += 1
            out("\(name):\(line(of: cell)): output differs: \(ScriptReplay.caption(cell))\n" + diff)
        }
    }
}
