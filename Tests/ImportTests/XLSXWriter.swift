import Foundation
import ZIPFoundation

/// A small `.xlsx` writer for tests: it emits the minimal valid parts (content types,
/// relationships, workbook, styles, shared strings, worksheets) so each test builds the
/// exact workbook it needs — cell by cell, XML as Excel writes it.
struct XLSXBook {
    struct Sheet {
        var name: String
        var hidden = false
        /// `<row>` elements, as built by `XLSX.row`.
        var rows: [String]
        /// Merged ranges (`A1:A2`).
        var merges: [String] = []
    }

    var sheets: [Sheet]
    /// Shared string items: the inside of each `<si>` (`<t>text</t>`, or rich-text runs).
    var sharedStrings: [String] = []
    /// Custom number formats (id ≥ 164, format code).
    var numberFormats: [(id: Int, code: String)] = []
    /// Cell styles: the number format id of each, by style index (style 0 first).
    var styles: [Int] = [0]
    var date1904 = false

    init(sheets: [Sheet]) { self.sheets = sheets }

    /// One visible sheet named "Sheet1".
    init(rows: [String]) { sheets = [Sheet(name: "Sheet1", rows: rows)] }

    func write(to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ xml: String) throws {
            let data = Data(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml).utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 1_600_000_000), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
        var types = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        types += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for i in sheets.indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        try add("[Content_Types].xml", types + "</Types>")
        try add("_rels/.rels", "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
        var book = "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>"
        var rels = "<Relationships xmlns=\"\(pkg)\">"
        for (i, sheet) in sheets.enumerated() {
            book += "<sheet name=\"\(XLSX.escape(sheet.name))\" sheetId=\"\(i + 1)\"\(sheet.hidden ? " state=\"hidden\"" : "") r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        rels += "<Relationship Id=\"rIdS\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        rels += "<Relationship Id=\"rIdT\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
        try add("xl/workbook.xml", book + "</sheets></workbook>")
        try add("xl/_rels/workbook.xml.rels", rels + "</Relationships>")
        try add("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\" count=\"\(sharedStrings.count)\" uniqueCount=\"\(sharedStrings.count)\">"
                + sharedStrings.map { "<si>\($0)</si>" }.joined() + "</sst>")
        var styleXML = "<styleSheet xmlns=\"\(main)\"><numFmts count=\"\(numberFormats.count)\">"
        styleXML += numberFormats.map { "<numFmt numFmtId=\"\($0.id)\" formatCode=\"\(XLSX.escape($0.code))\"/>" }.joined()
        styleXML += "</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs><cellXfs count=\"\(styles.count)\">"
        styleXML += styles.map { "<xf numFmtId=\"\($0)\" xfId=\"0\"\($0 == 0 ? "" : " applyNumberFormat=\"1\"")/>" }.joined()
        try add("xl/styles.xml", styleXML + "</cellXfs></styleSheet>")
        for (i, sheet) in sheets.enumerated() {
            var xml = "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheetData>" + sheet.rows.joined() + "</sheetData>"
            if !sheet.merges.isEmpty {
                xml += "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
            }
            try add("xl/worksheets/sheet\(i + 1).xml", xml + "</worksheet>")
        }
    }
}

/// Cells and rows as SpreadsheetML writes them.
enum XLSX {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func row(_ number: Int, _ cells: String...) -> String { "<row r=\"\(number)\">" + cells.joined() + "</row>" }

    /// A shared string by index.
    static func shared(_ ref: String, _ index: Int) -> String { "<c r=\"\(ref)\" t=\"s\"><v>\(index)</v></c>" }
    static func inline(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>" }
    static func number(_ ref: String, _ value: String, style: Int = 0) -> String {
        "<c r=\"\(ref)\"\(style == 0 ? "" : " s=\"\(style)\"")><v>\(value)</v></c>"
    }
    static func boolean(_ ref: String, _ value: Bool) -> String { "<c r=\"\(ref)\" t=\"b\"><v>\(value ? 1 : 0)</v></c>" }
    static func error(_ ref: String, _ code: String) -> String { "<c r=\"\(ref)\" t=\"e\"><v>\(escape(code))</v></c>" }
    /// A formula, with its cached result (as a number, or a string with `t="str"`) or none.
    static func formula(_ ref: String, _ formula: String, cached: String?, string: Bool = false) -> String {
        "<c r=\"\(ref)\"\(string ? " t=\"str\"" : "")><f>\(escape(formula))</f>" + (cached.map { "<v>\(escape($0))</v>" } ?? "") + "</c>"
    }
    /// A row of inline-string cells from column A.
    static func textRow(_ number: Int, _ values: [String]) -> String {
        "<row r=\"\(number)\">" + values.enumerated().map { inline(ref($0.offset, number), $0.element) }.joined() + "</row>"
    }

    static func ref(_ column: Int, _ row: Int) -> String {
        var n = column + 1
        var letters = ""
        while n > 0 { letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters; n = (n - 1) / 26 }
        return letters + String(row)
    }
}
