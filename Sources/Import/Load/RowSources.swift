import Foundation

/// Opens the right `RowSource` for a file: refuses what is not a table, reads `.xlsx`
/// workbooks sheet by sheet, converts UTF-16 text to UTF-8, and reads the rest as CSV.
enum RowSources {
    /// - Parameter headerTest: for a sheet, whether a row is the header (rows above it are titles and notes).
    static func open(file: URL, name: String, options: ImportOptions,
                     headerTest: (([String]) -> Bool)?) throws -> (source: RowSource, notes: [String]) {
        let finding = FileManager.default.fileExists(atPath: file.path) ? FileSniffer.sniff(file) : .text
        if finding != .workbook {
            for (option, given) in [("sheet", options.sheet != nil), ("header-row", options.headerRow != nil)] where given {
                throw ImportError.badOption("--\(option) applies to .xlsx workbooks; \(name) is not one")
            }
        }
        switch finding {
        case .refused(let what, let advice):
            throw ImportError.notATable(file: name, what: what, advice: advice)
        case .workbook:
            let workbook = try Workbook(url: file, fileName: name)
            let sheet = try workbook.sheet(options.sheet)
            let source = try SheetRowSource(workbook: workbook, sheet: sheet, implicitChoice: options.sheet == nil,
                                            headerTest: headerTest, headerRow: options.headerRow, maxFieldSize: options.maxFieldSize)
            return (source, [])
        case .utf16(let bigEndian):
            let (temp, sha256) = try UTF16Text.transcode(file, name: name, bigEndian: bigEndian)
            defer { try? FileManager.default.removeItem(at: temp) }   // the reader keeps it open
            let delimiter = options.delimiter ?? DelimiterSniffer.sniff(path: temp.path) ?? UInt8(ascii: "\t")
            let reader = try csv(path: temp.path, name: name, delimiter: delimiter, options: options)
            reader.reportedSHA256 = sha256
            return (reader, ["read as UTF-16 \(bigEndian ? "BE" : "LE") text (Excel's \"Unicode Text\") and converted to UTF-8"])
        case .text:
            let choice = options.delimiterChoice(for: file.path)
            var notes: [String] = []
            if choice.detected {
                let described = choice.delimiter == UInt8(ascii: "\t") ? "tab" : "semicolon"
                notes.append("read as \(described)-separated, as its header line is (--delimiter chooses otherwise)")
            }
            return (try csv(path: file.path, name: name, delimiter: choice.delimiter, options: options), notes)
        }
    }

    private static func csv(path: String, name: String, delimiter: UInt8, options: ImportOptions) throws -> CSVReader {
        do {
            let reader = try CSVReader(path: path, name: name, delimiter: delimiter, chunkSize: options.chunkSize)
            reader.maxRecordBytes = options.maxFieldSize
            return reader
        } catch let error as CSVError {
            throw ImportError.csv(error)
        }
    }
}

/// UTF-16 text (with its byte-order mark) to UTF-8, streamed through a temporary file;
/// the SHA-256 is the original file's, so provenance names the file the analyst has.
enum UTF16Text {
    static func transcode(_ url: URL, name: String, bigEndian: Bool) throws -> (URL, String) {
        guard let input = try? FileHandle(forReadingFrom: url) else {
            throw ImportError.csv(.cannotOpen(path: name, reason: "Permission denied"))
        }
        defer { try? input.close() }
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("svw-utf8-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: temp.path, contents: nil)
        let output = try FileHandle(forWritingTo: temp)
        defer { try? output.close() }
        var hasher = SHA256()
        var carry: [UInt8] = []
        var first = true
        var pendingHigh: UInt16?
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hasher.update($0) }
            var bytes = carry + [UInt8](chunk)
            if first { bytes.removeFirst(2); first = false }
            let usable = bytes.count & ~1
            carry = Array(bytes[usable...])
            var i = 0
            while i < usable {
                let unit = bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
                i += 2
                var scalar: Unicode.Scalar?
                if let high = pendingHigh {
                    pendingHigh = nil
                    if unit >= 0xDC00 && unit < 0xE000 {
                        scalar = Unicode.Scalar(0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00))
                    } else {
                        out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    }
                }
                if scalar == nil {
                    if unit >= 0xD800 && unit < 0xDC00 { pendingHigh = unit; continue }
                    scalar = Unicode.Scalar(UInt32(unit)) ?? "\u{FFFD}"
                }
                UTF8.encode(scalar!) { out.append($0) }
            }
            try output.write(contentsOf: out)
            out.removeAll(keepingCapacity: true)
        }
        return (temp, hasher.finalizeHex())
    }
}
