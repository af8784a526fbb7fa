import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One worksheet of an `.xlsx` workbook as rows for `LoadRun`.
///
/// The sheet is parsed once into a spool (flat memory), then read back row by row. The
/// first row handed out is the header: row `--header-row N`, else the first row that
/// `headerTest` accepts (a kind's required columns), else the first row of several text
/// cells (title, notes and blank rows above it are skipped). Field 0 is the header's
/// first column; gaps between cells are empty fields.
final class SheetRowSource: RowSource {
    let name: String
    let fileSize: Int64
    var onRead: ((Int64) -> Void)?
    /// Called now and then while the sheet is parsed: throws when the load is interrupted.
    var checkInterrupt: (() throws -> Void)?
    private(set) var recordCount = 0
    let sha256: String
    var notes: [String] { [choiceNote, headerNote].compactMap { $0 } }
    private var choiceNote: String?
    private var headerNote: String?
    var places: RejectPlaces { .cells(firstColumn: firstColumn) }

    private let workbook: Workbook
    private let sheet: Workbook.Sheet
    private let headerTest: (([String]) -> Bool)?
    private let headerRow: Int?
    private let maxFieldSize: Int
    private var spool: SheetSpool?
    private var reader: SpoolReader?
    private var queued: [(row: Int, cells: [SpoolCell])] = []
    private var headerDone = false
    private(set) var firstColumn = 0
    private(set) var headerRowNumber = 0
    private var headerWidth = 0

    private var rowNumber = 0
    /// The current row's cell bytes, one after another: owned memory, so `field(_:)` can
    /// hand out slices that stay valid until the next row (as `CSVReader`'s do).
    private var bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
    private var used = 0
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var kinds: [CellKind] = []
    /// Rows read while looking for the header; a header row beyond this is given with --header-row.
    static let headerSearchRows = 100

    init(workbook: Workbook, sheet: Workbook.Sheet, implicitChoice: Bool, headerTest: (([String]) -> Bool)?,
         headerRow: Int?, maxFieldSize: Int) throws {
        self.workbook = workbook
        self.sheet = sheet
        self.name = "\(workbook.fileName)[\(sheet.name)]"
        self.headerTest = headerTest
        self.headerRow = headerRow
        self.maxFieldSize = maxFieldSize
        let attributes = try? FileManager.default.attributesOfItem(atPath: workbook.url.path)
        fileSize = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        sha256 = try FileDigest.sha256(of: workbook.url, name: workbook.fileName)
        if implicitChoice && workbook.sheets.count > 1 {
            let hidden = workbook.sheets.count - 1
            choiceNote = "read sheet \"\(sheet.name)\", the only visible one (\(hidden) hidden: --sheet chooses another)"
        }
    }

    // MARK: RowSource

    func next() throws -> Bool {
        if !headerDone { return try readHeader() }
        while let (row, cells) = try pull() {
            if present(row: row, cells: cells) {
                recordCount += 1
                return true
            }
        }
        return false
    }

    var fieldCount: Int { starts.count }

    func field(_ i: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[starts[i]..<starts[i] + lengths[i]])
    }

    func fieldLine(_ i: Int) -> Int { rowNumber }
    var recordLine: Int { rowNumber }
    var recordLastLine: Int { rowNumber }
    var recordText: String { (0..<fieldCount).map { String(decoding: field($0), as: UTF8.self) }.joined(separator: "\t") }
    var malformation: CSVMalformation? { nil }

    var rowHasCellProblems: Bool { kinds.contains { $0 == .error || $0 == .uncalculated } }

    func cellProblem(_ i: Int) -> String? {
        switch kinds[i] {
        case .error:
            let text = String(decoding: field(i), as: UTF8.self)
            return text.hasPrefix("#") ? "the cell holds the error \(text), not a value" : text
        case .uncalculated:
            let formula = String(decoding: field(i), as: UTF8.self)
            return "formula =\(formula) has no calculated value saved with it (open the workbook in a spreadsheet program and save it again)"
        default: return nil
        }
    }

    func isNumber(_ i: Int) -> Bool { kinds[i] == .number }

    // MARK: Reading

    /// Parses the sheet into the spool: once, on the first read.
    private func pull() throws -> (row: Int, cells: [SpoolCell])? {
        if reader == nil {
            let spool = try SheetSpool()
            let parser = SheetParser(spool: spool, sharedStrings: try workbook.sharedStrings(), formats: try workbook.styles(),
                                     date1904: workbook.date1904, maxCellBytes: maxFieldSize, name: name)
            parser.checkInterrupt = checkInterrupt
            try workbook.streamParse(sheet.part ?? "", parser, progress: onRead)
            try spool.finish()
            merges = parser.merges
            self.spool = spool
            reader = try SpoolReader(spool)
            onRead?(fileSize)
        }
        if rewound {
            rewound = false
            onRead?(fileSize)
        }
        if !queued.isEmpty { return queued.removeFirst() }
        return try reader?.next()
    }

    private var merges: [SheetParser.Merge] = []

    /// Starts again from the header, reading back the rows already parsed: `load table`'s
    /// second pass costs no second parse.
    func rewind() throws {
        guard let spool else { return }
        reader = try SpoolReader(spool)
        queued = []
        headerDone = false
        headerNote = nil
        recordCount = 0
        rewound = true
    }

    /// Set by `rewind()`: progress is reported once as the rows are read back.
    private var rewound = false

    /// Finds the header row and makes it the current row.
    private func readHeader() throws -> Bool {
        headerDone = true
        var seen: [(row: Int, cells: [SpoolCell])] = []
        var chosen: Int?
        while let next = try pull() {
            seen.append(next)
            let index = seen.count - 1
            if let headerRow {
                if next.row == headerRow { chosen = index; break }
                if next.row > headerRow { break }
                continue
            }
            if let headerTest, headerTest(SheetRowSource.texts(next.cells)) { chosen = index; break }
            if headerTest == nil && SheetRowSource.looksLikeHeader(next.cells) { chosen = index; break }
            if seen.count >= SheetRowSource.headerSearchRows { break }
        }
        if let headerRow, chosen == nil {
            throw ImportError.workbook("\(name): row \(headerRow) (--header-row) is empty or beyond the sheet's last row")
        }
        guard !seen.isEmpty else { throw ImportError.emptyFile(file: name) }
        // No row fits: the one with the most text cells is likeliest the header, and the
        // missing-column error then lists what it holds.
        let index = chosen ?? seen.indices.max { a, b in
            let (x, y) = (seen[a].cells.filter { $0.kind == .text }.count, seen[b].cells.filter { $0.kind == .text }.count)
            return x < y || (x == y && a > b)
        } ?? 0
        let header = seen[index]
        queued = Array(seen[(index + 1)...]) + queued
        var cells = header.cells
        applyMerges(to: &cells, row: header.row, earlier: seen[..<index])
        firstColumn = cells.first { !$0.text.isEmpty }?.column ?? 0
        headerRowNumber = header.row
        _ = present(row: header.row, cells: cells)
        headerWidth = fieldCount
        recordCount = 1
        let skipped = header.row - (seen.first?.row ?? header.row)
        headerNote = "\(name): header in row \(header.row)"
            + (skipped > 0 ? " (rows above it skipped: titles or notes; --header-row N chooses another)" : "")
        return true
    }

    /// A merged cell spanning the header row reads as its top-left value, even when that is in a row above.
    private func applyMerges(to cells: inout [SpoolCell], row: Int, earlier: ArraySlice<(row: Int, cells: [SpoolCell])>) {
        for merge in merges where merge.firstRow < row && merge.lastRow >= row {
            guard !cells.contains(where: { $0.column == merge.firstColumn && !$0.text.isEmpty }),
                  let source = earlier.first(where: { $0.row == merge.firstRow })?.cells.first(where: { $0.column == merge.firstColumn })
            else { continue }
            cells.removeAll { $0.column == merge.firstColumn }
            cells.append(SpoolCell(column: merge.firstColumn, kind: source.kind, text: source.text))
            cells.sort { $0.column < $1.column }
        }
    }

    /// Makes `cells` the current row; false when it holds nothing in the header's columns.
    private func present(row: Int, cells: [SpoolCell]) -> Bool {
        used = 0
        starts.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
        var any = false
        for cell in cells where cell.column >= firstColumn {
            let index = cell.column - firstColumn
            while starts.count < index { starts.append(used); lengths.append(0); kinds.append(.text) }
            starts.append(used)
            lengths.append(cell.text.count)
            kinds.append(cell.kind)
            append(cell.text)
            if !cell.text.isEmpty || cell.kind == .uncalculated { any = true }
        }
        while starts.count < headerWidth { starts.append(used); lengths.append(0); kinds.append(.text) }
        rowNumber = row
        return any
    }

    /// For `sheets`: rows holding anything, the columns they span, and the header row
    /// `load table` would use.
    func survey() throws -> (rows: Int, columns: Int, headerRow: Int?) {
        var rows = 0, first = Int.max, last = -1
        var header: Int?, fallback: Int?
        while let (row, cells) = try pull() {
            let filled = cells.filter { !$0.text.isEmpty }
            guard let low = filled.first?.column, let high = filled.last?.column else { continue }
            rows += 1
            first = min(first, low)
            last = max(last, high)
            if fallback == nil { fallback = row }
            if header == nil && rows <= SheetRowSource.headerSearchRows && SheetRowSource.looksLikeHeader(cells) { header = row }
        }
        return (rows, last >= first ? last - first + 1 : 0, header ?? fallback)
    }

    private func append(_ text: [UInt8]) {
        if used + text.count > bytes.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count * 2, used + text.count), alignment: 1)
            grown.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[..<used]))
            bytes.deallocate()
            bytes = grown
        }
        UnsafeMutableRawBufferPointer(rebasing: bytes[used..<used + text.count]).copyBytes(from: text)
        used += text.count
    }

    deinit { bytes.deallocate() }

    static func texts(_ cells: [SpoolCell]) -> [String] {
        guard let first = cells.first?.column else { return [] }
        var out: [String] = []
        for cell in cells {
            while out.count < cell.column - first { out.append("") }
            out.append(String(decoding: cell.text, as: UTF8.self).trimmingCharacters(in: .whitespaces))
        }
        return out
    }

    /// `load table`'s rule: the first row of two or more cells that are all text.
    static func looksLikeHeader(_ cells: [SpoolCell]) -> Bool {
        let filled = cells.filter { !$0.text.isEmpty }
        return filled.count >= 2 && filled.allSatisfy { $0.kind == .text }
    }
}

/// SHA-256 of a whole file, read in chunks.
enum FileDigest {
    static func sha256(of url: URL, name: String) throws -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ImportError.csv(.cannotOpen(path: name, reason: "Permission denied"))
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalizeHex()
    }
}
