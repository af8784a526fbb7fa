import Foundation
import SVWDatabase
import SVWText

/// The machinery every load shares: the reader and its header, the `imports` log row,
/// the `rejects` writer, per-row problem collection, typed binding of fields, and the
/// end-of-load checks (`--strict`, `--sha256`).
///
/// A load runs inside one transaction (the caller's); everything written here is
/// undone with it.
final class LoadRun {
    let db: Database
    let reader: RowSource
    let file: URL
    let name: String
    let options: ImportOptions
    let headers: [String]
    var report: ImportReport
    /// The parent table's ids (suppliers', contracts') when the loader checks each row's parent
    /// key against them in memory, SQLite's own foreign-key look-up being off for the load.
    var parentKeys: KnownKeys?
    /// SQLite checks no foreign key in this load, so a pipelined load into an empty table
    /// may leave the table's key index to be built later (`FreshTable.deferKeyIndex`).
    var mayDeferKeyIndex = false

    /// Scratch bytes a loader reuses row after row (a supplier's name key).
    var scratch: [UInt8] = []

    private var rejectStatement: Statement?
    private let watch: InterruptWatch
    private var rowProblems: [Reject] = []
    private var firstSeen: [UInt64: Int32] = [:]
    private var transcodedFields = 0
    /// The current row holds error cells or uncalculated formulas (sheets only).
    private var rowFlagged = false
    /// Sheet column of field 0, for cell references in rejects.
    private var columnOffset = 0

    /// - Parameters:
    ///   - headerTest: whether a workbook row is the header (see `SheetRowSource`).
    ///   - source: rows already opened (a rewound sheet), instead of opening `file`.
    init(kind: String, table: String, file: URL, options: ImportOptions, db: Database,
         headerTest: (([String]) -> Bool)? = nil, source: RowSource? = nil) throws {
        self.db = db
        self.file = file
        self.options = options
        let opened = try source.map { (source: $0, notes: [String]()) }
            ?? RowSources.open(file: file, name: options.displayName ?? file.path, options: options, headerTest: headerTest)
        reader = opened.source
        name = reader.name
        report = ImportReport(kind: kind, table: table, file: file, displayName: options.displayName ?? file.path)
        report.notes += opened.notes
        watch = try InterruptWatch(db: db)
        let watch = self.watch
        (reader as? SheetRowSource)?.checkInterrupt = { try watch.check() }
        if let progress = options.progress {
            let size = reader.fileSize
            reader.onRead = { progress($0, size) }
        }
        guard try LoadRun.advance(reader) else { throw ImportError.emptyFile(file: name) }
        if let m = reader.malformation {
            throw ImportError.badOption("\(name):\(m.line):\(m.column): header row: \(m.reason)")
        }
        let reader = self.reader
        headers = (0..<reader.fieldCount).map { i in LoadRun.decode(Bytes.trimmed(reader.field(i))) }
        report.notes += reader.notes
        report.places = reader.places
        report.sourceName = name
        if case .cells(let first) = reader.places { columnOffset = first }
    }

    static func advance(_ reader: RowSource) throws -> Bool {
        do { return try reader.next() } catch let error as CSVError { throw ImportError.csv(error) }
    }

    static func decode(_ b: UnsafeRawBufferPointer) -> String {
        if TextEncoding.isASCII(b) || TextEncoding.isValidUTF8(b) { return String(decoding: b, as: UTF8.self) }
        return TextEncoding.windows1252(b)
    }

    // MARK: Start and finish

    /// Writes the `imports` row and prepares the rejects writer. Call inside the load's transaction.
    func begin() throws {
        try watch.check()
        try db.run(LoadRun.logSQL, [report.kind, report.table, file.path, LoadRun.timestamp(), options.commandOptions])
        report.importID = db.lastInsertRowID
        rejectStatement = try db.prepare(LoadRun.rejectSQL)
    }

    /// The `imports` row a load starts with (completed by `finishSQL`).
    static let logSQL = """
        INSERT INTO imports(kind, table_name, file, sha256, rows_loaded, rows_replaced, rows_rejected, loaded_at, options)
        VALUES (?1, ?2, ?3, '', 0, 0, 0, ?4, ?5)
        """
    static let rejectSQL = """
        INSERT INTO rejects(import_id, file, line, col, column_name, raw, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        """
    static let finishSQL = """
        UPDATE imports SET sha256 = ?2, rows_loaded = ?3, rows_replaced = ?4, rows_rejected = ?5 WHERE import_id = ?1
        """

    /// Stops keeping the interrupt alive. Must happen before a failed load's ROLLBACK:
    /// with the interrupt still pending, SQLite would refuse the ROLLBACK itself.
    func stopWatching() { watch.end() }

    /// Completes the log row and applies `--sha256` and `--strict`. Throwing here undoes the load.
    func finish() throws {
        try watch.check()
        watch.end()
        report.sha256 = reader.sha256
        report.rowsRead = reader.recordCount - 1
        if transcodedFields > 0 {
            let were = Plural.noun(transcodedFields, "was", "were")
            report.notes.append("\(Plural.counted(transcodedFields, "text value")) \(were) not UTF-8 and \(were) read as Windows-1252")
        }
        try LoadRun.complete(&report, options: options, name: name, db: db)
    }

    /// `--sha256` and `--strict` against a finished report, then the `imports` row completed:
    /// every kind of load ends here. Throwing undoes the load.
    static func complete(_ report: inout ImportReport, options: ImportOptions, name: String, db: Database) throws {
        if let expected = options.expectedSHA256?.lowercased(), expected != report.sha256 {
            if options.strict { throw ImportError.hashMismatch(file: name, expected: expected, actual: report.sha256) }
            report.notes.append("SHA-256 differs from the one expected: expected \(expected), found \(report.sha256)")
        }
        if options.strict && report.rejectedRows > 0 {
            throw ImportError.strictRejected(file: name, rows: report.rejectedRows, first: Array(report.problemMessages.prefix(5)))
        }
        try db.run(LoadRun.finishSQL, [report.importID, report.sha256, report.loaded, report.replaced, report.rejectedRows])
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }

    // MARK: Rows

    /// Advances to the next row whose structure is sound; malformed rows and rows with
    /// the wrong number of fields are rejected on the way. False at the end of the file.
    func next() throws -> Bool {
        while try LoadRun.advance(reader) {
            if handOff == nil { try watch.tick() }
            if let m = reader.malformation {
                let spans = reader.recordLastLine > reader.recordLine
                addProblem(Reject(line: spans ? reader.recordLine : m.line, column: m.column, columnName: header(m.column - 1),
                                  raw: LoadRun.shown(reader.recordText), reason: "malformed CSV: \(m.reason)"
                                      + ShapeReason.span(reader, headerCount: headers.count),
                                  lastLine: reader.recordLastLine))
                _ = try endRow()
                continue
            }
            if let i = reader.nulField() {
                addProblem(Reject(line: reader.fieldLine(i), column: i + 1, columnName: header(i), raw: LoadRun.shown(reader.recordText),
                                  reason: "holds a NUL byte (shown as \\0), which no text file has: the file is damaged here"))
                _ = try endRow()
                continue
            }
            let count = reader.fieldCount
            if count != headers.count {
                if !LoadRun.hasSoundShape(reader, headerCount: headers.count) {
                    addProblem(Reject(line: reader.recordLine, column: nil, columnName: nil, raw: LoadRun.shown(reader.recordText),
                                      reason: ShapeReason.text(reader, headerCount: headers.count), lastLine: reader.recordLastLine))
                    _ = try endRow()
                    continue
                }
            }
            rowFlagged = reader.rowHasCellProblems
            return true
        }
        return false
    }

    /// Whether the current record has the header's number of fields (extra empty
    /// trailing fields, as spreadsheets leave, are allowed).
    static func hasSoundShape(_ reader: RowSource, headerCount: Int) -> Bool {
        let count = reader.fieldCount
        if reader.malformation != nil { return false }
        if count == headerCount { return true }
        return count > headerCount && (headerCount..<count).allSatisfy { reader.field($0).isEmpty }
    }

    private func header(_ index: Int) -> String? { index >= 0 && index < headers.count ? headers[index] : nil }

    /// Records a problem with field `column` (0-based) of the current row.
    func problem(_ column: Int, _ reason: String) {
        addProblem(Reject(line: reader.fieldLine(column), column: column + 1 + columnOffset, columnName: headers[column],
                          raw: LoadRun.shown(LoadRun.decode(reader.field(column))), reason: reason))
    }

    /// A raw text as the rejects table keeps it: whole, a NUL shown as `\0`.
    static func shown(_ text: String) -> String {
        text.contains("\0") ? text.replacingOccurrences(of: "\0", with: "\\0") : text
    }

    /// Whether field `column` of the current row already has a problem recorded.
    private func hasProblem(_ column: Int) -> Bool {
        rowProblems.contains { $0.column == column + 1 + columnOffset }
    }

    /// Records a problem with the row as a whole.
    func rowProblem(_ reason: String) {
        addProblem(Reject(line: reader.recordLine, column: nil, columnName: nil, raw: nil, reason: reason))
    }

    private func addProblem(_ reject: Reject) { rowProblems.append(reject) }

    var rowHasProblems: Bool { !rowProblems.isEmpty }

    /// Ends the current row: true when it had no problems; otherwise writes its rejects (or,
    /// while the rows are read on a thread of their own, hands them to `handOff`).
    func endRow() throws -> Bool {
        guard !rowProblems.isEmpty else { return true }
        if let handOff { handOff(rowProblems) } else { try write(rejectedRow: rowProblems) }
        rowProblems.removeAll(keepingCapacity: true)
        return false
    }

    /// Writes one refused row's rejects and counts them in the report.
    func write(rejectedRow problems: [Reject]) throws {
        guard let rejectStatement else { preconditionFailure("LoadRun.begin() not called") }
        for p in problems {
            try rejectStatement.bind([report.importID, name, p.line, p.column.map(Int64.init), p.columnName, p.raw, p.reason])
            try rejectStatement.step()
            rejectStatement.reset()
            if report.problems.count < options.problemsToKeep { report.problems.append(p) }
        }
        report.problemCount += problems.count
        report.rejectedRows += 1
    }

    /// While set, `endRow` gives a refused row's rejects to it instead of writing them, and
    /// `next` leaves checking for Ctrl-C to the SQL the writing thread steps: the rows are being
    /// read on a thread that must not touch the database (`BatchPipeline`).
    var handOff: (([Reject]) -> Void)?

    /// A reject for field `column` (0-based) of a row read earlier, from what was kept of it:
    /// the line the field starts on and its bytes as the file has them.
    func reject(line: Int, column: Int, raw: UnsafeRawBufferPointer, reason: String) -> Reject {
        Reject(line: line, column: column + 1 + columnOffset, columnName: headers[column],
               raw: LoadRun.shown(LoadRun.decode(raw)), reason: reason)
    }

    /// Steps an upsert for the current row. True when it was written or matched;
    /// a constraint failure becomes a reject explained by `explain`.
    func step(_ statement: Statement, explain: (SQLiteError) throws -> (column: Int?, reason: String)) throws -> Bool {
        do {
            try statement.step()
            statement.reset()
            return true
        } catch let error as SQLiteError where error.isConstraint {
            let (column, reason) = try explain(error)
            try reject(column, reason)
            return false
        }
    }

    /// Rejects the current row for a problem with one field (or, with no column, the row as a whole).
    func reject(_ column: Int?, _ reason: String) throws {
        if let column { problem(column, reason) } else { rowProblem(reason) }
        _ = try endRow()
    }

    /// Rejects the current row when its key was already loaded from an earlier row of this
    /// file (the later row would silently overwrite the earlier one). Keys are remembered
    /// as 64-bit hashes, so memory grows by a few bytes per row, not per byte.
    func checkDuplicate(key: UInt64, column: Int, describe: () -> String) throws -> Bool {
        let line = Int32(truncatingIfNeeded: reader.fieldLine(column))
        if let first = firstSeen[key] {
            problem(column, "duplicate \(describe()): line \(first) has it too")
            return try endRow()
        }
        firstSeen[key] = line
        return true
    }

    /// Forgets a key again (its row turned out to be rejected after all).
    func forget(key: UInt64) { firstSeen[key] = nil }

    // MARK: Field access

    /// The trimmed bytes of a column, or nil when the file has no such column or the cell is empty.
    @inline(__always)
    func value(_ column: Int?) -> UnsafeRawBufferPointer? {
        guard let column else { return nil }
        if rowFlagged, let reason = reader.cellProblem(column) {
            if !hasProblem(column) { problem(column, reason) }
            return nil
        }
        let b = Bytes.trimmed(reader.field(column))
        return b.isEmpty ? nil : b
    }

    func string(_ column: Int?) -> String? { value(column).map(LoadRun.decode) }

    /// 64-bit FNV-1a with a final mix: a deterministic key hash for duplicate detection.
    static func hash(_ parts: UnsafeRawBufferPointer...) -> UInt64 {
        var fnv = FNV1a()
        for part in parts {
            fnv.add(part)
            fnv.endPart()
        }
        var h = fnv.value
        h ^= h >> 33; h = h &* 0xff51afd7ed558ccd
        h ^= h >> 33; h = h &* 0xc4ceb9fe1a85ec53
        h ^= h >> 33
        return h
    }

    // MARK: Typed binding
    //
    // Each binds parameter `index` from column `column`: NULL when empty (a problem if
    // required), the coerced value when it reads, else a problem and NULL.

    func required(_ column: Int) {
        if !hasProblem(column) { problem(column, "required value is empty") }
    }

    func bindText<Sink: ParameterSink>(_ s: Sink, _ index: Int, _ column: Int?, required: Bool = false) throws {
        guard let b = value(column) else {
            if required, let column { self.required(column) }
            try s.bind(.null, at: index)
            return
        }
        if TextEncoding.isASCII(b) || TextEncoding.isValidUTF8(b) {
            // The field stays in the reader's record until the row is stepped.
            try s.bindTextUntilStep(bytes: b, at: index)
        } else {
            transcodedFields += 1
            try s.bind(.text(TextEncoding.windows1252(b)), at: index)
        }
    }

    /// Binds a field's bytes as text as they are (not trimmed), Windows-1252 read as such.
    func bindRawText<Sink: ParameterSink>(_ s: Sink, _ index: Int, _ b: UnsafeRawBufferPointer) throws {
        if TextEncoding.isASCII(b) || TextEncoding.isValidUTF8(b) {
            // The field stays in the reader's record until the row is stepped.
            try s.bindTextUntilStep(bytes: b, at: index)
        } else {
            transcodedFields += 1
            try s.bind(.text(TextEncoding.windows1252(b)), at: index)
        }
    }

    func bindText<Sink: ParameterSink>(_ s: Sink, _ index: Int, _ text: String?) throws {
        try s.bind(text.map(SQLValue.text) ?? .null, at: index)
    }

    /// - Parameter wholePence: the column is headed in pence (`HeaderMapping.wholePence`).
    @discardableResult
    func bindMoney<Sink: ParameterSink>(_ s: Sink, _ index: Int, _ column: Int?, required: Bool = false, nonNegative: Bool = false,
                   wholePence: Bool = false) throws -> Int64? {
        var result: SQLValue = .null
        if let b = value(column), let column {
            do {
                let pence = try wholePence ? MoneyParser.wholePence(b)
                    : reader.isNumber(column) ? MoneyParser.penceRoundingFloatNoise(b) : MoneyParser.pence(b)
                if nonNegative && pence < 0 { problem(column, "\(Bytes.quoted(b)) is negative") }
                else { result = .integer(pence) }
            } catch let e as CoercionError { problem(column, e.reason) }
        } else if required, let column { self.required(column) }
        try s.bind(result, at: index)
        if case .integer(let pence) = result { return pence }
        return nil
    }

    /// Binds the date as ISO text and returns it, for checks across fields (start before end).
    /// - Parameter yearAt: a parameter that takes the date's financial year (`2020/21`), or NULL
    ///   with the date: the table's `financial_year` (see `WrittenFinancialYears`).
    @discardableResult
    func bindDate<Sink: ParameterSink>(_ s: Sink, _ index: Int, _ column: Int?, required: Bool = false, yearAt: Int? = nil) throws -> CalendarDate? {
        if let b = value(column), let column {
            do {
                let date = try CalendarDate.parse(b)
                try date.withISOBytes { try s.bindText(bytes: $0, at: index) }
                if let yearAt { try date.withFinancialYearBytes { try s.bindText(bytes: $0, at: yearAt) } }
                return date
            } catch let e as CoercionError { problem(column, e.reason) }
        } else if required, let column { self.required(column) }
        try s.bind(.null, at: index)
        if let yearAt { try s.bind(.null, at: yearAt) }
        return nil
    }

    /// Binds parameter `index` from column `column` through `coercion`: NULL when empty (a
    /// problem if `required`), the coerced value when it reads, else a problem and NULL.
    func bind<Sink: ParameterSink>(_ s: Sink, _ index: Int, _ column: Int?, _ coercion: FieldCoercion, required: Bool = false) throws {
        var result: SQLValue = .null
        if let b = value(column), let column {
            do { result = try coercion.read(b) } catch let e as CoercionError { problem(column, e.reason) }
        } else if required, let column { self.required(column) }
        try s.bind(result, at: index)
    }

    /// Binds a postcode as four parameters from `index`: postcode, postcode_raw, district,
    /// postcode_status; when the postcode column is absent or empty, the address's last UK
    /// postcode stands in.
    @discardableResult
    func bindPostcode<Sink: ParameterSink>(_ s: Sink, _ index: Int, _ column: Int?, address: Int? = nil) throws -> SupplierPlace {
        let place: SupplierPlace
        if let bytes = value(column), let postcode = Postcode.ukPostcode(ascii: bytes) {
            place = SupplierPlace(postcode: postcode, raw: LoadRun.decode(bytes), source: "postcode")
        } else {
            place = SupplierPlace.locate(postcodeField: string(column), address: string(address))
        }
        try s.bind(place.postcode.postcode.map(SQLValue.text) ?? .null, at: index)
        try s.bind(place.raw.map(SQLValue.text) ?? .null, at: index + 1)
        try s.bind(place.postcode.district.map(SQLValue.text) ?? .null, at: index + 2)
        try s.bind(.text(place.postcode.status), at: index + 3)
        return place
    }
}

/// How a field's bytes become the value bound for it (`LoadRun.bind`); a `CoercionError` is the row's problem.
struct FieldCoercion: Sendable {
    let read: @Sendable (UnsafeRawBufferPointer) throws -> SQLValue

    /// yes/no, true/false, 1/0.
    static let flag = FieldCoercion { .integer(try Flag.value($0) ? 1 : 0) }
    /// An SME flag, which also reads a supplier's scale (`sme`, `micro`, `small`, `medium`, `large`).
    static let smeFlag = FieldCoercion { .integer(try SMEFlag.value($0) ? 1 : 0) }
    /// A non-negative number of units.
    static let quantity = FieldCoercion { .real(try Quantity.value($0)) }
    /// A whole count.
    static let count = FieldCoercion { .integer(try Quantity.count($0)) }
    /// A share between 0 and 1.
    static let share = FieldCoercion { .real(try Percent.share($0)) }

    /// A percentage; `fraction` when `--fraction` says the column holds 0–1 rather than 0–100.
    static func percent(field: String, fraction: Bool) -> FieldCoercion {
        FieldCoercion { .real(try Percent.value($0, fraction: fraction, field: field)) }
    }
}

/// `INSERT … ON CONFLICT(key) DO UPDATE` for a table: never INSERT OR REPLACE, which
/// deletes the old row and would break the foreign keys pointing at it. The update is
/// skipped when nothing differs, so reloading the same file writes nothing.
enum Upsert {
    /// - Parameter fresh: the table was empty when the load began (`FreshTable`): a plain
    ///   INSERT, as there is no earlier row to replace, and a key met twice is refused.
    static func sql(table: String, columns: [String], key: [String], fresh: Bool = false) -> String {
        let params = (1...columns.count).map { "?\($0)" }.joined(separator: ", ")
        let others = columns.filter { !key.contains($0) }
        var sql = "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES (\(params))"
        if fresh { return sql }
        sql += " ON CONFLICT(\(key.joined(separator: ", "))) DO UPDATE SET "
        sql += others.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        sql += " WHERE (" + others.map { "\(table).\($0)" }.joined(separator: ", ") + ") IS NOT ("
        sql += others.map { "excluded.\($0)" }.joined(separator: ", ") + ")"
        return sql
    }
}
