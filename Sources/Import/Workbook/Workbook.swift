import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// An `.xlsx` workbook: a ZIP archive of XML parts (ECMA-376). Opens the archive,
/// reads the sheet list, date system, styles and shared strings, and streams any part
/// to a temporary file for `XMLParser` to read in chunks — no part is held whole in memory.
final class Workbook {
    /// One sheet as the workbook lists it.
    struct Sheet: Sendable, Equatable {
        /// 1-based position in the workbook's tab order (hidden sheets included).
        let position: Int
        let name: String
        let hidden: Bool
        /// The worksheet's part in the archive; nil for a chart sheet (no cells).
        let part: String?
    }

    let url: URL
    /// The file as the user named it.
    let fileName: String
    let sheets: [Sheet]
    let date1904: Bool
    private let archive: Archive
    private let sharedStringsPart: String?
    private let stylesPart: String?
    /// The largest part svw unpacks (a ZIP bomb stops here, not in memory or on disk).
    static let maxPartSize: UInt64 = 4 << 30

    init(url: URL, fileName: String) throws {
        self.url = url
        self.fileName = fileName
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw ImportError.workbook("\(fileName): the workbook is damaged: its ZIP archive cannot be read; open it in Excel and save it again")
        }
        let rootRels = RelationshipsParser()
        if archive["_rels/.rels"] != nil { try Workbook.parse(archive, "_rels/.rels", fileName, rootRels) }
        let main = rootRels.targets.values.first { $0.type.hasSuffix("/officeDocument") }
            .map { Workbook.resolve($0.target, from: "") } ?? "xl/workbook.xml"
        guard archive[main] != nil else {
            throw ImportError.workbook("\(fileName): the workbook is damaged: it has no \(main); open it in Excel and save it again")
        }
        let book = WorkbookPartParser()
        try Workbook.parse(archive, main, fileName, book)
        let folder = main.lastIndex(of: "/").map { String(main[...$0]) } ?? ""
        let relsPath = folder + "_rels/" + (main.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
        let rels = RelationshipsParser()
        if archive[relsPath] != nil { try Workbook.parse(archive, relsPath, fileName, rels) }
        date1904 = book.date1904
        sheets = book.entries.enumerated().map { index, entry in
            let target = rels.targets[entry.relationship]
            let isWorksheet = target.map { $0.type.hasSuffix("/worksheet") } ?? false
            return Sheet(position: index + 1, name: entry.name, hidden: entry.state != "visible",
                         part: isWorksheet ? target.map { Workbook.resolve($0.target, from: folder) } : nil)
        }
        let archive = self.archive
        func part(_ suffix: String, _ fallback: String) -> String? {
            let path = rels.targets.values.first { $0.type.hasSuffix(suffix) }.map { Workbook.resolve($0.target, from: folder) } ?? fallback
            return archive[path] != nil ? path : nil
        }
        sharedStringsPart = part("/sharedStrings", folder + "sharedStrings.xml")
        stylesPart = part("/styles", folder + "styles.xml")
    }

    /// A relationship target as an archive path: relative to `folder`, or absolute from the root.
    static func resolve(_ target: String, from folder: String) -> String {
        var components: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for part in target.split(separator: "/") {
            if part == ".." { _ = components.popLast() } else if part != "." { components.append(part) }
        }
        return components.joined(separator: "/")
    }

    /// Each cell style's number-format meaning, by style index.
    func styles() throws -> [NumberFormat] {
        guard let stylesPart else { return [] }
        let parser = StylesParser()
        try Workbook.parse(archive, stylesPart, fileName, parser)
        return parser.formats
    }

    func sharedStrings() throws -> SharedStrings {
        guard let sharedStringsPart else { return SharedStrings() }
        let parser = SharedStringsParser()
        try streamParse(sharedStringsPart, parser, progress: nil)
        return parser.strings
    }

    /// Parses a part by unpacking it to a temporary file and letting `XMLParser` read that in chunks.
    func streamParse(_ part: String, _ delegate: XMLParserDelegate, progress: ((Int64) -> Void)?) throws {
        guard let entry = archive[part] else {
            throw ImportError.workbook("\(fileName): the workbook is damaged: it has no \(part); open it in Excel and save it again")
        }
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("svw-part-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: temp) }
        _ = FileManager.default.createFile(atPath: temp.path, contents: nil)
        let out = try FileHandle(forWritingTo: temp)
        do {
            var written: UInt64 = 0
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                written += UInt64(chunk.count)
                if written > Workbook.maxPartSize { throw WorkbookLimit.partTooLarge }
                try out.write(contentsOf: chunk)
            }
            try out.close()
        } catch WorkbookLimit.partTooLarge {
            try? out.close()
            throw ImportError.workbook("\(fileName): \(part) unpacks to more than \(Workbook.maxPartSize >> 30) GiB; svw stops there")
        } catch {
            try? out.close()
            throw ImportError.workbook("\(fileName): the workbook is damaged: \(part) cannot be unpacked; open it in Excel and save it again")
        }
        progress?(Int64(entry.compressedSize))
        guard let stream = InputStream(url: temp) else {
            throw ImportError.workbook("\(fileName): cannot read the unpacked \(part)")
        }
        try WorkbookXML.run(XMLParser(stream: stream), part: part, file: fileName, delegate: delegate)
    }

    private static func parse(_ archive: Archive, _ part: String, _ file: String, _ delegate: XMLParserDelegate) throws {
        guard let entry = archive[part] else { return }
        guard entry.uncompressedSize < 64 << 20 else {
            throw ImportError.workbook("\(file): \(part) is larger than a workbook's \(part) can be; is the file damaged?")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > 64 << 20 { throw WorkbookLimit.partTooLarge }
            }
        } catch {
            throw ImportError.workbook("\(file): the workbook is damaged: \(part) cannot be unpacked; open it in Excel and save it again")
        }
        try WorkbookXML.parse(data, part: part, file: file, delegate: delegate)
    }

    /// The sheet `selector` names (a name, or a 1-based position), or the only one there
    /// is to choose; otherwise an error listing the sheets.
    func sheet(_ selector: String?) throws -> Sheet {
        let listed = sheets.map { "\"\($0.name)\"" + ($0.hidden ? " (hidden)" : "") }.joined(separator: ", ")
        let chosen: Sheet
        if let selector {
            if let match = sheets.first(where: { $0.name == selector })
                ?? sheets.first(where: { $0.name.lowercased() == selector.lowercased() }) {
                chosen = match
            } else if let n = Int(selector), n >= 1, n <= sheets.count {
                chosen = sheets[n - 1]
            } else {
                throw ImportError.workbook("\(fileName) has no sheet \"\(selector)\"; its sheets: \(listed)")
            }
        } else {
            let visible = sheets.filter { !$0.hidden }
            guard !sheets.isEmpty else { throw ImportError.workbook("\(fileName): the workbook has no sheets") }
            if sheets.count == 1 { chosen = sheets[0] }
            else if visible.count == 1, visible[0].part != nil { chosen = visible[0] }   // the rest are hidden
            else {
                throw ImportError.workbook("\(fileName) has \(sheets.count) sheets: \(listed); choose one with --sheet NAME or --sheet N")
            }
        }
        guard chosen.part != nil else {
            throw ImportError.workbook("\(fileName)[\(chosen.name)] is a chart sheet, not a sheet of cells; its sheets: \(listed)")
        }
        return chosen
    }
}

enum WorkbookLimit: Error { case partTooLarge }
