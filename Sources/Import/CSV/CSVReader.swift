import Foundation

/// A streaming RFC 4180 reader that works on bytes.
///
/// The file is read through FileHandle in large chunks into one buffer; a record's fields
/// are handed out as byte slices of that buffer (no String per field), so memory
/// stays flat whatever the file's size and the hot path allocates nothing. The file
/// is hashed (SHA-256) as it is read, so a load reads it exactly once.
///
/// Handles quoted fields, embedded delimiters, doubled quotes, newlines inside
/// quotes, CRLF, LF and bare CR line ends, a UTF-8 byte-order mark, and blank lines
/// (skipped). Each field knows the physical line it starts on and its 1-based
/// column (field number), for error messages.
///
/// Slices returned by `field(_:)` are valid only until the next call to `next()`.
public final class CSVReader {
    public static let defaultChunkSize = 1 << 20

    public let path: String
    /// How errors name the file (the path as the user typed it).
    public let name: String
    public let delimiter: UInt8
    /// Size of the file when opened (0 for pipes), for progress.
    public let fileSize: Int64
    /// Called after each chunk is read with the bytes read so far.
    public var onRead: ((Int64) -> Void)?
    public private(set) var bytesRead: Int64 = 0

    private let handle: FileHandle
    // The reading state below is marked `@exclusivity(unchecked)`: the parser touches it for
    // every byte and field, and Swift's run-time check of each access to a class's property
    // took a third of a load's reading thread (measured with perf on 2.8M commitments). No
    // access to it overlaps another: a reader is used by one thread, and no method passes a
    // property `inout` to code that could reach the reader again.
    @exclusivity(unchecked) private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private let readSize: Int
    @exclusivity(unchecked) private var start = 0          // first byte not yet consumed
    @exclusivity(unchecked) private var end = 0            // one past the last valid byte
    @exclusivity(unchecked) private var eof = false
    @exclusivity(unchecked) private var line = 1           // physical line number at `start`
    @exclusivity(unchecked) private var atFileStart = true
    private var hasher = SHA256()
    private var digest: String?
    /// The hash to report instead of the bytes read (those of a file converted to UTF-8 from the one named).
    var reportedSHA256: String?

    private struct Field {
        var offset: Int
        var length: Int
        var line: Int
        var escaped: Bool          // holds doubled quotes: served from `scratch`, unescaped
    }
    @exclusivity(unchecked) private var fields: [Field] = []
    @exclusivity(unchecked) private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 4096
    @exclusivity(unchecked) private var recordStart = 0
    @exclusivity(unchecked) private var recordEnd = 0

    /// Physical line on which the current record starts.
    @exclusivity(unchecked) public private(set) var recordLine = 0
    /// Physical line on which the current record ends.
    @exclusivity(unchecked) public private(set) var recordLastLine = 0
    /// The longest record read before giving up, so memory stays bounded whatever the
    /// input (a file with no line ends at all): `--max-field-size`, or the header limit.
    public var maxRecordBytes = CSVReader.defaultMaxFieldSize
    /// 32 MiB: a thousand times the largest cell Excel holds (32,767 characters), and small
    /// enough that a row that never ends fails in under 100 MB.
    public static let defaultMaxFieldSize = 32 << 20
    /// The longest header line: real ones are a few KiB; a longer one is not a header.
    public static let maxHeaderBytes = 1 << 20

    private var recordLimit: Int { recordCount == 0 ? min(CSVReader.maxHeaderBytes, maxRecordBytes) : maxRecordBytes }
    /// Set when the current record's quoting is broken; its fields are then unreliable.
    @exclusivity(unchecked) public private(set) var malformation: CSVMalformation?
    /// Records returned so far (blank lines excluded).
    @exclusivity(unchecked) public private(set) var recordCount = 0

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    public init(path: String, name: String? = nil, delimiter: UInt8 = UInt8(ascii: ","),
                chunkSize: Int = CSVReader.defaultChunkSize) throws {
        self.path = path
        let name = name ?? path
        self.name = name
        self.delimiter = delimiter
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CSVError.cannotOpen(path: name, reason: "No such file or directory")
        }
        if isDirectory.boolValue { throw CSVError.cannotOpen(path: name, reason: "it is a folder, not a file") }
        guard manager.isReadableFile(atPath: path) else { throw CSVError.cannotOpen(path: name, reason: "Permission denied") }
        do { handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) } catch {
            throw CSVError.cannotOpen(path: name, reason: error.localizedDescription)
        }
        // A pipe or other special file reports no size: progress then shows bytes read only.
        let attributes = try? manager.attributesOfItem(atPath: path)
        let isRegular = (attributes?[.type] as? FileAttributeType) == .typeRegular
        self.fileSize = isRegular ? Int64((attributes?[.size] as? NSNumber)?.int64Value ?? 0) : 0
        self.capacity = max(chunkSize, 1)
        self.readSize = max(chunkSize, 1)
        self.buffer = .allocate(capacity: capacity)
        self.scratch = .allocate(capacity: scratchCapacity)
        fields.reserveCapacity(64)
    }

    deinit {
        try? handle.close()
        buffer.deallocate()
        scratch.deallocate()
    }

    // MARK: Reading records

    /// Advances to the next record; false at the end of the file.
    public func next() throws -> Bool {
        if atFileStart {
            while end - start < 3 && !eof { try refill() }
            if end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF {
                start += 3
            }
            atFileStart = false
        }
        while true {
            switch try parseRecord() {
            case .needMore: try refill()
            case .endOfFile: return false
            case .record(let blank):
                if blank { continue }
                if recordEnd - recordStart > recordLimit {
                    throw CSVError.recordTooLong(path: name, line: recordLine, limit: recordLimit, header: recordCount == 0)
                }
                recordCount += 1
                unescapeFields()
                return true
            }
        }
    }

    public var fieldCount: Int { fields.count }

    /// The bytes of field `i` of the current record, quotes removed and doubled quotes undone.
    @inline(__always)
    public func field(_ i: Int) -> UnsafeRawBufferPointer {
        let f = fields[i]
        let base = f.escaped ? scratch : buffer
        return UnsafeRawBufferPointer(start: base + f.offset, count: f.length)
    }

    public func string(_ i: Int) -> String {
        String(decoding: field(i), as: UTF8.self)
    }

    /// Physical line on which field `i` starts (later than `recordLine` after a multi-line field).
    public func fieldLine(_ i: Int) -> Int { fields[i].line }

    /// The record as it stands in the file, without its line end.
    public var recordText: String {
        String(decoding: UnsafeRawBufferPointer(start: buffer + recordStart, count: recordEnd - recordStart), as: UTF8.self)
    }

    /// SHA-256 of the whole file, hex. Only meaningful once `next()` has returned false.
    public var sha256: String {
        if let reportedSHA256 { return reportedSHA256 }
        if let digest { return digest }
        var copy = hasher
        let hex = copy.finalizeHex()
        if eof { digest = hex }
        return hex
    }

    // MARK: Parsing

    private enum Outcome { case record(blank: Bool), needMore, endOfFile }

    /// Parses one record starting at `start`. When the buffer runs out before the
    /// record ends it returns `.needMore` having changed nothing but scratch state,
    /// so the caller can refill and parse the same record again from its start.
    private func parseRecord() throws -> Outcome {
        fields.removeAll(keepingCapacity: true)
        malformation = nil
        var p = start
        var ln = line
        if p == end { return eof ? .endOfFile : .needMore }
        let buf = buffer
        let delim = delimiter
        var lastQuoted = false
        var contentEnd = p
        var lastLine = ln

        fieldLoop: while true {
            let fieldStart = p
            let fieldLine = ln
            let column = fields.count + 1
            var terminator: UInt8 = 0   // 0 = end of data
            if p < end && buf[p] == CSVReader.quote {
                p += 1
                var escaped = false
                while true {
                    while p < end {
                        let c = buf[p]
                        if c == CSVReader.quote { break }
                        if c == CSVReader.lf { ln += 1 }
                        p += 1
                    }
                    if p == end {
                        if eof { throw CSVError.unterminatedQuote(path: name, line: fieldLine, column: column) }
                        return .needMore
                    }
                    if p + 1 == end && !eof { return .needMore }
                    if p + 1 < end && buf[p + 1] == CSVReader.quote {
                        escaped = true
                        p += 2
                        continue
                    }
                    break
                }
                fields.append(Field(offset: fieldStart + 1, length: p - fieldStart - 1, line: fieldLine, escaped: escaped))
                lastQuoted = true
                p += 1
                if p < end {
                    let c = buf[p]
                    if c != delim && c != CSVReader.lf && c != CSVReader.cr {
                        return try resync(from: p, line: ln, recordLine: line,
                                          malformation: CSVMalformation(line: ln, column: column,
                                              reason: "unexpected \(describeCharacter(at: p)) after the closing quote of a quoted field"))
                    }
                    terminator = c
                } else if !eof {
                    return .needMore
                }
            } else {
                while p < end {
                    let c = buf[p]
                    if c == delim || c == CSVReader.lf || c == CSVReader.cr || c == CSVReader.quote { break }
                    p += 1
                }
                if p == end && !eof { return .needMore }
                if p < end && buf[p] == CSVReader.quote {
                    return try resync(from: p, line: ln, recordLine: line,
                                      malformation: CSVMalformation(line: ln, column: column,
                                          reason: "stray quote (\") inside an unquoted field (quote the whole field and double the quote)"))
                }
                fields.append(Field(offset: fieldStart, length: p - fieldStart, line: fieldLine, escaped: false))
                lastQuoted = false
                if p < end { terminator = buf[p] }
            }

            switch terminator {
            case delim:
                p += 1
                continue fieldLoop
            case CSVReader.cr:
                contentEnd = p
                lastLine = ln
                if p + 1 == end && !eof { return .needMore }
                p += 1
                if p < end && buf[p] == CSVReader.lf { p += 1 }
                ln += 1
            case CSVReader.lf:
                contentEnd = p
                lastLine = ln
                p += 1
                ln += 1
            default:
                contentEnd = p   // end of file without a final line end
                lastLine = ln
            }
            break fieldLoop
        }
        recordStart = start
        recordEnd = contentEnd
        recordLine = line
        recordLastLine = lastLine
        start = p
        line = ln
        let blank = fields.count == 1 && fields[0].length == 0 && !lastQuoted
        return .record(blank: blank)
    }

    /// Records a malformed row and skips to the end of its physical line.
    private func resync(from position: Int, line ln: Int, recordLine first: Int, malformation m: CSVMalformation) throws -> Outcome {
        var p = position
        while p < end && buffer[p] != CSVReader.lf { p += 1 }
        if p == end && !eof { return .needMore }
        recordStart = start
        recordEnd = (p > start && buffer[p - 1] == CSVReader.cr) ? p - 1 : p
        recordLine = first
        recordLastLine = ln
        malformation = m
        start = p < end ? p + 1 : p
        line = ln + (p < end ? 1 : 0)
        return .record(blank: false)
    }

    /// Copies fields holding doubled quotes into `scratch`, undoing the doubling.
    private func unescapeFields() {
        guard fields.contains(where: \.escaped) else { return }
        var used = 0
        for i in fields.indices where fields[i].escaped {
            let f = fields[i]
            ensureScratch(used + f.length)
            var out = used
            var p = f.offset
            let last = f.offset + f.length
            while p < last {
                let c = buffer[p]
                scratch[out] = c
                out += 1
                p += (c == CSVReader.quote && p + 1 < last && buffer[p + 1] == CSVReader.quote) ? 2 : 1
            }
            fields[i].offset = used
            fields[i].length = out - used
            used = out
        }
    }

    private func ensureScratch(_ needed: Int) {
        guard needed > scratchCapacity else { return }
        var newCapacity = scratchCapacity
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: scratch, count: scratchCapacity)
        scratch.deallocate()
        scratch = grown
        scratchCapacity = newCapacity
    }

    /// Whether `b` holds a zero byte: a word-at-a-time test (a word has a zero byte when
    /// `(w - 0x01…01) & ~w & 0x80…80` is not zero), then the bytes left over.
    static func containsNUL(_ b: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= b.count {
            let w = b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if (w &- ones) & ~w & highs != 0 { return true }
            i += 8
        }
        while i < b.count {
            if b[i] == 0 { return true }
            i += 1
        }
        return false
    }

    // MARK: Input

    /// Moves the unread tail to the front, grows the buffer if one record fills it, and reads more.
    private func refill() throws {
        if eof { return }
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { buffer.update(from: buffer + start, count: remaining) }
            end = remaining
            start = 0
        }
        if end == capacity {
            if end - start > recordLimit {
                throw CSVError.recordTooLong(path: name, line: line, limit: recordLimit, header: recordCount == 0)
            }
            // Never more than one byte past the limit: that byte proves the record too long.
            let newCapacity = max(capacity + 1, min(capacity * 2, recordLimit + 1))
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity = newCapacity
        }
        // Straight into the buffer, at most one chunk at a time: through FileHandle each chunk
        // came as a new Data, allocated and then copied again.
        var n: Int
        repeat { n = read(handle.fileDescriptor, buffer + end, min(capacity - end, readSize)) } while n < 0 && errno == EINTR
        if n < 0 { throw CSVError.readFailed(path: name, reason: String(cString: strerror(errno))) }
        if n == 0 {
            eof = true
            return
        }
        hasher.update(UnsafeRawBufferPointer(start: buffer + end, count: n))
        end += n
        bytesRead += Int64(n)
        onRead?(bytesRead)
    }

    /// The character at `p` as a person reads it: `'£'` (UTF-8, else Windows-1252), or a
    /// control character's name.
    private func describeCharacter(at p: Int) -> String {
        let c = buffer[p]
        if c == 0 { return "NUL (\\0)" }
        if c == UInt8(ascii: "\t") { return "a tab" }
        if c < 0x20 || c == 0x7F { return "control character U+" + String(format: "%04X", Int(c)) }
        if c < 0x80 { return "'\(Character(Unicode.Scalar(c)))'" }
        let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
        if p + length <= end, let text = String(validating: UnsafeBufferPointer(start: buffer + p, count: length), as: UTF8.self) {
            return "'\(text)'"
        }
        return "'\(TextEncoding.windows1252(UnsafeRawBufferPointer(start: buffer + p, count: 1)))'"
    }

    /// The first field holding a NUL byte: the record is scanned eight bytes at a time,
    /// the fields only when it holds one.
    func nulField() -> Int? {
        guard CSVReader.containsNUL(UnsafeRawBufferPointer(start: buffer + recordStart, count: recordEnd - recordStart)) else { return nil }
        for i in 0..<fields.count where field(i).contains(0) { return i }
        return nil
    }
}
