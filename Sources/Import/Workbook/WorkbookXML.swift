import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Small helpers over Foundation's streaming `XMLParser` (SAX: no document tree is built).
enum WorkbookXML {
    /// The element name without its namespace prefix (`x:row` → `row`).
    static func local(_ name: String) -> Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return name[...]
    }

    /// An attribute by local name, whatever prefix the producer gave it (`r:id`).
    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let value = attributes[name] { return value }
        for (key, value) in attributes where local(key) == name { return value }
        return nil
    }

    /// Parses `data` with `delegate`; a malformed part is an error naming it.
    static func parse(_ data: Data, part: String, file: String, delegate: XMLParserDelegate) throws {
        let parser = XMLParser(data: data)
        try run(parser, part: part, file: file, delegate: delegate)
    }

    static func run(_ parser: XMLParser, part: String, file: String, delegate: XMLParserDelegate) throws {
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        if !parser.parse() {
            if let abort = (delegate as? AbortingDelegate)?.abortError { throw abort }
            let line = parser.lineNumber
            throw ImportError.workbook("\(file): the workbook is damaged: \(part) is not well-formed XML (line \(line)); open it in Excel and save it again")
        }
    }
}

/// A delegate that can stop the parse with its own error (a limit reached).
protocol AbortingDelegate: AnyObject {
    var abortError: Error? { get }
}

/// Collects the text of elements named `text` (`t`) under `record` elements (`si`),
/// skipping phonetic runs (`rPh`): shared strings and rich-text runs read as plain text.
final class SharedStringsParser: NSObject, XMLParserDelegate {
    private(set) var strings = SharedStrings()
    private var current = ""
    private var inItem = false, inText = false, phoneticDepth = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch WorkbookXML.local(elementName) {
        case "si": inItem = true; current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = inItem && phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch WorkbookXML.local(elementName) {
        case "si": strings.append(OOXMLText.unescape(current)); inItem = false
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// The workbook's shared strings, packed: every string's UTF-8 bytes in one array and
/// where each ends in another, about 4 bytes over the text per string instead of a
/// String's 16 to 40 — the table is the one part of a workbook held in memory whole.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    var count: Int { ends.count }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
    }

    /// The bytes of string `index`.
    subscript(index: Int) -> ArraySlice<UInt8> {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return bytes[start..<Int(ends[index])]
    }
}

/// OOXML writes characters XML cannot hold as `_xHHHH_` (`_x000D_` for a carriage return).
enum OOXMLText {
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(5)
            if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}

/// `xl/styles.xml`: each cell style (`cellXfs/xf`, by index) and what its number format means.
final class StylesParser: NSObject, XMLParserDelegate {
    private(set) var formats: [NumberFormat] = []
    private var custom: [Int: NumberFormat] = [:]
    private var inCellXfs = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch WorkbookXML.local(elementName) {
        case "numFmt":
            if let id = WorkbookXML.attribute(attributeDict, "numFmtId").flatMap({ Int($0) }),
               let code = WorkbookXML.attribute(attributeDict, "formatCode") {
                custom[id] = NumberFormat.classify(code: code)
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            let id = WorkbookXML.attribute(attributeDict, "numFmtId").flatMap { Int($0) } ?? 0
            formats.append(custom[id] ?? NumberFormat.builtIn(id))
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if WorkbookXML.local(elementName) == "cellXfs" { inCellXfs = false }
    }
}

/// `xl/workbook.xml`: the sheets in order (name, hidden or not, relationship id) and the date system.
final class WorkbookPartParser: NSObject, XMLParserDelegate {
    struct Entry { let name: String; let state: String; let relationship: String }
    private(set) var entries: [Entry] = []
    private(set) var date1904 = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch WorkbookXML.local(elementName) {
        case "workbookPr":
            let value = WorkbookXML.attribute(attributeDict, "date1904")?.lowercased()
            date1904 = value == "1" || value == "true"
        case "sheet":
            entries.append(Entry(name: WorkbookXML.attribute(attributeDict, "name") ?? "",
                                 state: WorkbookXML.attribute(attributeDict, "state") ?? "visible",
                                 relationship: WorkbookXML.attribute(attributeDict, "id") ?? ""))
        default: break
        }
    }
}

/// A `.rels` part: relationship id → (type, target).
final class RelationshipsParser: NSObject, XMLParserDelegate {
    private(set) var targets: [String: (type: String, target: String)] = [:]

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard WorkbookXML.local(elementName) == "Relationship",
              let id = WorkbookXML.attribute(attributeDict, "Id"),
              let target = WorkbookXML.attribute(attributeDict, "Target") else { return }
        targets[id] = (WorkbookXML.attribute(attributeDict, "Type") ?? "", target)
    }
}
