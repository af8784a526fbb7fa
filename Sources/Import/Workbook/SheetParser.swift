import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a worksheet part's `sheetData` as XML events and writes each row's cells to a
/// spool, already turned into text: shared and inline strings (rich-text runs joined),
/// numbers, booleans, dates and percentages by the cell's number format, and errors and
/// uncalculated formulas marked so the loader can reject them. A cell's reference
/// (`C17`), not its position, decides its column. Merged ranges are collected.
final class SheetParser: NSObject, XMLParserDelegate, AbortingDelegate {
    struct Merge: Sendable, Equatable { let firstRow: Int, lastRow: Int, firstColumn: Int, lastColumn: Int }

    private let spool: SheetSpool
    private let sharedStrings: SharedStrings
    private let formats: [NumberFormat]
    private let date1904: Bool
    private let maxCellBytes: Int
    private let where_: String

    private(set) var merges: [Merge] = []
    /// Called every 1,024 rows; its error (Ctrl-C) stops the parse.
    var checkInterrupt: (() throws -> Void)?
    private var rowsSeen = 0
    private(set) var abortError: Error?

    private var row = 0
    private var cells: [SpoolCell] = []
    private var column = -1
    private var cellType = ""
    private var cellStyle = 0
    private var cellRef = ""
    private var hasFormula = false
    private var formula = ""
    private var value: String?
    private var inlineText: String?
    private var capture: Capture = .none
    private var phoneticDepth = 0

    private enum Capture { case none, value, formula, inline }

    init(spool: SheetSpool, sharedStrings: SharedStrings, formats: [NumberFormat], date1904: Bool, maxCellBytes: Int, name: String) {
        self.spool = spool
        self.sharedStrings = sharedStrings
        self.formats = formats
        self.date1904 = date1904
        self.maxCellBytes = maxCellBytes
        self.where_ = name
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes a: [String: String] = [:]) {
        switch WorkbookXML.local(elementName) {
        case "row":
            row = WorkbookXML.attribute(a, "r").flatMap { Int($0) } ?? row + 1
            cells.removeAll(keepingCapacity: true)
            column = -1
        case "c":
            cellRef = WorkbookXML.attribute(a, "r") ?? ""
            if let ref = CellReference(cellRef) { column = ref.column } else { column += 1 }
            cellType = WorkbookXML.attribute(a, "t") ?? "n"
            cellStyle = WorkbookXML.attribute(a, "s").flatMap { Int($0) } ?? 0
            hasFormula = false
            formula = ""
            value = nil
            inlineText = nil
        case "v": capture = .value; value = ""
        case "f": capture = .formula; hasFormula = true
        case "is": inlineText = ""
        case "rPh": phoneticDepth += 1
        case "t" where inlineText != nil && phoneticDepth == 0: capture = .inline
        case "mergeCell":
            if let ref = WorkbookXML.attribute(a, "ref"), let merge = SheetParser.merge(ref), merges.count < 100_000 {
                merges.append(merge)
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch capture {
        case .none: return
        case .value: value?.append(string)
        case .formula: if formula.utf8.count < 200 { formula += string }
        case .inline: inlineText?.append(string)
        }
        if (value?.utf8.count ?? 0) > maxCellBytes || (inlineText?.utf8.count ?? 0) > maxCellBytes {
            stop(parser, ImportError.workbook("\(where_)!\(cellRef): the cell holds more than \(ByteLimit.describe(maxCellBytes)), the largest field svw reads (--max-field-size raises it)"))
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch WorkbookXML.local(elementName) {
        case "v", "f": capture = .none
        case "t": if capture == .inline { capture = .none }
        case "rPh": phoneticDepth -= 1
        case "c": endCell()
        case "row":
            rowsSeen += 1
            do {
                if rowsSeen % 1024 == 0 { try checkInterrupt?() }
                if !cells.isEmpty { try spool.write(row: row, cells: cells) }
            } catch {
                stop(parser, error)
            }
        default: break
        }
    }

    private func stop(_ parser: XMLParser, _ error: Error) {
        if abortError == nil { abortError = error }
        parser.abortParsing()
    }

    private func endCell() {
        guard column >= 0 && column < 16_384 else { return }
        var kind = CellKind.text
        var text: String
        switch cellType {
        case "s":
            guard let v = value, let index = Int(v) ?? Int(v.trimmingCharacters(in: .whitespaces)), index >= 0, index < sharedStrings.count else {
                add(.error, "shared string \(value ?? "") is missing from the workbook")
                return
            }
            let shared = sharedStrings[index]
            if !shared.isEmpty { add(.text, bytes: Array(shared)) }
            return
        case "inlineStr": text = OOXMLText.unescape(inlineText ?? "")
        case "str":
            guard let v = value else { return uncalculatedOrEmpty() }
            text = OOXMLText.unescape(v)
        case "b":
            guard let v = value else { return uncalculatedOrEmpty() }
            kind = .boolean
            text = v.trimmingCharacters(in: .whitespaces) == "1" ? "TRUE" : "FALSE"
        case "e":
            kind = .error
            text = value ?? "#VALUE!"
        case "d":
            guard let v = value else { return uncalculatedOrEmpty() }
            kind = .date
            text = v.hasSuffix("T00:00:00") || v.hasSuffix("T00:00:00Z") ? String(v.prefix(10)) : v.replacingOccurrences(of: "T", with: " ")
        default:
            guard let raw = value, !raw.isEmpty else { return uncalculatedOrEmpty() }
            // Trimming only when needed: Foundation's trimming is slow on every cell.
            let v = Double(raw) != nil ? raw : raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if v.isEmpty { return uncalculatedOrEmpty() }
            guard let number = Double(v), number.isFinite else {
                add(.error, "\"\(v)\" is not a number, though the cell says it holds one")
                return
            }
            let format = cellStyle < formats.count ? formats[cellStyle] : .general
            switch format {
            case .general:
                kind = .number
                text = ExcelSerial.plain(number)
            case .percent:
                text = ExcelSerial.percentText(number)
            case .time:
                kind = .date
                text = ExcelSerial.timeText(number)
            case .date, .dateTime:
                switch ExcelSerial.dateText(number, date1904: date1904, withTime: format == .dateTime) {
                case .success(let date): kind = .date; text = date
                case .failure(let reason): kind = .error; text = reason.reason
                }
            }
        }
        if text.isEmpty && kind == .text { return }
        add(kind, text)
    }

    private func uncalculatedOrEmpty() {
        if hasFormula { add(.uncalculated, formula) }
    }

    private func add(_ kind: CellKind, _ text: String) { add(kind, bytes: Array(text.utf8)) }

    private func add(_ kind: CellKind, bytes: [UInt8]) {
        let cell = SpoolCell(column: column, kind: kind, text: bytes)
        if let last = cells.last, last.column >= column {
            // Out of order or repeated references: keep the file's last word for the column.
            cells.removeAll { $0.column == column }
            cells.append(cell)
            cells.sort { $0.column < $1.column }
        } else {
            cells.append(cell)
        }
    }

    static func merge(_ ref: String) -> Merge? {
        let parts = ref.split(separator: ":")
        guard parts.count == 2, let a = CellReference(String(parts[0])), let b = CellReference(String(parts[1])) else { return nil }
        return Merge(firstRow: min(a.row, b.row), lastRow: max(a.row, b.row),
                     firstColumn: min(a.column, b.column), lastColumn: max(a.column, b.column))
    }
}

/// `C17` → column 2 (0-based), row 17; and back.
struct CellReference: Equatable {
    let column: Int
    let row: Int

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - 64); letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - 96); letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - 48); digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0 else { return nil }
        self.column = column - 1
        self.row = row
    }

    /// 0 → A, 25 → Z, 26 → AA.
    static func letters(_ column: Int) -> String {
        var n = column + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    var text: String { CellReference.letters(column) + String(row) }
}

/// Byte sizes as people say them.
enum ByteLimit {
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 30 && bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
