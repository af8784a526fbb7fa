import SVWDatabase

/// Rows of a load read and checked on one thread, for another to insert in order
/// (`BatchPipeline`): each row's parameters, with its text copied into one byte array (the
/// reader's record is gone by the time the row is stepped), and what the writer needs to
/// explain a row SQLite refuses; or a refused row's rejects, to be written in its turn, so
/// the rejects table and the report list them exactly as a load on one thread would.
final class RowBatch: ParameterSink, PipelineBatch {
    /// One row, in file order.
    enum Entry {
        /// A row for the INSERT: its parameters from `first`, and its key field kept as read.
        case row(Row)
        /// A row refused while read, with its rejects.
        case refused([Reject])
    }

    /// A row for the INSERT and what explains it if refused.
    struct Row {
        /// Index of its first parameter in `parameters`.
        let first: Int
        /// The line the row starts on.
        let line: Int
        /// The line its key field starts on, and that field's bytes as the file has them.
        let keyLine: Int
        let keyRaw: Range<Int>
        /// Its parent key (a commitment's contract), likewise, when the file has that column.
        let parentLine: Int
        let parentRaw: Range<Int>?
        /// The parent is not in the parent table (checked by the reading thread, a batch at a
        /// time: `markUnknownParents`).
        var unknownParent = false
        /// Its key is the key of the row before it (checked while ids must ascend:
        /// `checkKeysAscend`): a framework award's further supplier, or a duplicate.
        var repeatsKey = false
        /// Other fields kept as read (`keep(line:raw:)`), in `fields`.
        let kept: Range<Int>
    }

    /// A plain value, so that filling a row and reading it back copies bytes and never counts
    /// references: text is bytes of `storage`, a blob an entry of `blobs`.
    private enum Parameter {
        case null
        case integer(Int64)
        case real(Double)
        case text(Range<Int>)
        case blob(Int)
    }

    // The batch's state is marked `@exclusivity(unchecked)`: every field of every row touches
    // it, and Swift's run-time check of each access took a tenth of a load's reading thread.
    // One thread at a time owns a batch (`BatchPipeline` hands it over), and no method passes a
    // property `inout` to code that could reach the batch again.

    /// Parameters per row (the INSERT's).
    let width: Int
    /// Rows a batch holds before it is handed over.
    let capacity: Int
    @exclusivity(unchecked) private(set) var entries: [Entry] = []
    @exclusivity(unchecked) private var parameters: [Parameter] = []
    @exclusivity(unchecked) private var blobs: [[UInt8]] = []
    /// The rows' text, in memory the batch owns: SQLite reads a field bound with `bind` from
    /// here at the step, after `bind` has returned — an Array's storage is only promised to
    /// stay put inside its `withUnsafeBytes`. It moves only while the batch is being filled.
    @exclusivity(unchecked) private var storage: UnsafeMutableRawPointer
    @exclusivity(unchecked) private var bytesCapacity = 1 << 16
    @exclusivity(unchecked) private var bytesCount = 0
    /// First parameter of the row being bound.
    @exclusivity(unchecked) private var rowStart = 0
    /// The entry of the first row whose key is not above the key before it (`checkKeysAscend`).
    @exclusivity(unchecked) private(set) var firstKeyOutOfOrder: Int?
    /// Fields of the rows kept as read, for a writer that may explain a refusal by them.
    @exclusivity(unchecked) private var fields: [(line: Int, raw: Range<Int>)] = []
    /// First of `fields` of the row being bound.
    @exclusivity(unchecked) private var fieldsStart = 0

    init(width: Int, capacity: Int) {
        self.width = width
        self.capacity = capacity
        entries.reserveCapacity(capacity)
        parameters.reserveCapacity(capacity * width)
        storage = UnsafeMutableRawPointer.allocate(byteCount: bytesCapacity, alignment: 1)
    }

    deinit { storage.deallocate() }

    var isFull: Bool { entries.count >= capacity }

    /// Empties the batch for reuse, keeping its storage.
    func reset() {
        entries.removeAll(keepingCapacity: true)
        parameters.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        blobs.removeAll(keepingCapacity: true)
        bytesCount = 0
        firstKeyOutOfOrder = nil
    }

    /// Starts binding a new row (every parameter NULL until bound).
    func startRow() {
        rowStart = parameters.count
        fieldsStart = fields.count
        parameters.append(contentsOf: repeatElement(.null, count: width))
    }

    /// Ends the row being bound as one for the INSERT.
    func endRow(line: Int, keyLine: Int, keyRaw: UnsafeRawBufferPointer, parentLine: Int, parentRaw: UnsafeRawBufferPointer?) {
        entries.append(.row(Row(first: rowStart, line: line, keyLine: keyLine, keyRaw: keep(keyRaw), parentLine: parentLine,
                                 parentRaw: parentRaw.map(keep), kept: fieldsStart..<fields.count)))
    }

    /// Flags each row whose parent (its `parentRaw`, trimmed; none when empty) `known` lacks.
    func markUnknownParents(_ known: KnownKeys) {
        var rows: [Int] = [], keys: [UnsafeRawBufferPointer] = []
        for (i, entry) in entries.enumerated() {
            guard case .row(let row) = entry, let raw = row.parentRaw else { continue }
            let key = Bytes.trimmed(bytes(in: raw))
            if key.isEmpty { continue }
            rows.append(i)
            keys.append(key)
        }
        for (i, found) in zip(rows, known.containsEach(keys)) where !found {
            guard case .row(var row) = entries[i] else { continue }
            row.unknownParent = true
            entries[i] = .row(row)
        }
    }

    /// Whether the rows' keys (their first parameter, as bound) never descend in SQLite's
    /// BINARY order, bytes compared unsigned and a prefix first, from `previous` on: the last
    /// key of the batches before, which this batch's last key replaces. A key equal to the
    /// one before it marks its row `repeatsKey`. At the first key below the one before it,
    /// marks its entry `firstKeyOutOfOrder` and returns false. A key bound other than as text
    /// counts as out of order: the caller then builds the index, which is never wrong, only slower.
    func checkKeysAscend(after previous: inout [UInt8]) -> Bool {
        var last: UnsafeRawBufferPointer?
        for (i, entry) in entries.enumerated() {
            guard case .row(var row) = entry else { continue }
            guard let key = key(of: row) else {
                firstKeyOutOfOrder = i
                return false
            }
            let (ascends, repeats) = last.map { ($0.lexicographicallyPrecedes(key), $0.elementsEqual(key)) }
                // Before the first key of all, `previous` is empty: it precedes any key but an empty one, and repeats none.
                ?? previous.withUnsafeBytes { ($0.lexicographicallyPrecedes(key), !previous.isEmpty && $0.elementsEqual(key)) }
            if repeats {
                row.repeatsKey = true
                entries[i] = .row(row)
            } else if !ascends {
                firstKeyOutOfOrder = i
                return false
            }
            last = key
        }
        if let last { previous = Array(last) }
        return true
    }

    /// Keeps a field of the row being bound as read (before `endRow`): the line it starts on and its bytes.
    func keep(line: Int, raw: UnsafeRawBufferPointer) { fields.append((line, keep(raw))) }

    /// Field `i` of those `row` kept, and the line it starts on.
    func kept(_ row: Row, _ i: Int) -> (line: Int, raw: UnsafeRawBufferPointer) {
        let field = fields[row.kept.lowerBound + i]
        return (field.line, bytes(in: field.raw))
    }

    /// The value bound to parameter `index` (1-based) of `row`.
    func parameter(_ row: Row, _ index: Int) -> SQLValue {
        switch parameters[row.first + index - 1] {
        case .null: return .null
        case .integer(let value): return .integer(value)
        case .real(let value): return .real(value)
        case .text(let range): return .text(LoadRun.decode(bytes(in: range)))
        case .blob(let i): return .blob(blobs[i])
        }
    }

    /// Drops the row being bound (it was refused: its rejects come through `refuse`).
    func dropRow() {
        parameters.removeSubrange(rowStart...)
        fields.removeSubrange(fieldsStart...)
    }

    func refuse(_ rejects: [Reject]) { entries.append(.refused(rejects)) }

    /// Binds row `row`'s parameters to `statement`, from parameter `offset + 1` on (a statement
    /// inserting several rows takes each at its own offset); its text stays in this batch until the step.
    func bind(_ row: Row, to statement: Statement, offset: Int = 0) throws {
        for i in 0..<width {
            switch parameters[row.first + i] {
            case .null: try statement.bind(.null, at: offset + i + 1)
            case .integer(let value): try statement.bind(.integer(value), at: offset + i + 1)
            case .real(let value): try statement.bind(.real(value), at: offset + i + 1)
            case .text(let range): try statement.bindTextUntilStep(bytes: bytes(in: range), at: offset + i + 1)
            case .blob(let i): try statement.bind(.blob(blobs[i]), at: offset + i + 1)
            }
        }
    }

    /// The key `row` was bound with (its first parameter), when bound as text.
    func key(of row: Row) -> UnsafeRawBufferPointer? {
        guard case .text(let range) = parameters[row.first] else { return nil }
        return bytes(in: range)
    }

    /// Bytes kept in the batch; valid until the batch is reset.
    func bytes(in range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage + range.lowerBound, count: range.count)
    }

    private func keep(_ b: UnsafeRawBufferPointer) -> Range<Int> {
        if bytesCount + b.count > bytesCapacity {
            let capacity = max(2 * bytesCapacity, bytesCount + b.count)
            let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1)
            grown.copyMemory(from: storage, byteCount: bytesCount)
            storage.deallocate()
            storage = grown
            bytesCapacity = capacity
        }
        if let base = b.baseAddress { (storage + bytesCount).copyMemory(from: base, byteCount: b.count) }
        bytesCount += b.count
        return bytesCount - b.count..<bytesCount
    }

    // MARK: ParameterSink (1-based parameter indexes, as SQLite's)

    func bind(_ value: SQLValue, at index: Int) throws {
        let parameter: Parameter
        switch value {
        case .null: parameter = .null
        case .integer(let v): parameter = .integer(v)
        case .real(let v): parameter = .real(v)
        case .text(var text): parameter = .text(text.withUTF8 { keep(UnsafeRawBufferPointer($0)) })
        case .blob(let b):
            blobs.append(b)
            parameter = .blob(blobs.count - 1)
        }
        parameters[rowStart + index - 1] = parameter
    }
    func bindText(bytes b: UnsafeRawBufferPointer, at index: Int) throws { parameters[rowStart + index - 1] = .text(keep(b)) }
    func bindTextUntilStep(bytes b: UnsafeRawBufferPointer, at index: Int) throws { try bindText(bytes: b, at: index) }
}
