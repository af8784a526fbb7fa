import Foundation

/// Why a JSON file could not be read: where, and what was wrong.
public struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let reason: String

    public var description: String { "\(file):\(line):\(column): malformed JSON: \(reason)" }
}

/// A streaming JSON reader over a file: bytes are read in chunks (so memory stays flat
/// however large the file), hashed with SHA-256 as they go, and tokens carry their line
/// and column. Callers pull one token at a time and build values only as large as they
/// need (one release, not the whole package). Several top-level values in a row (JSON
/// Lines) are read one after another.
final class JSONReader {
    enum Token: Equatable {
        case beginObject, endObject, beginArray, endArray, comma, colon
        case string(String)
        case number(String)
        case bool(Bool)
        case null
        case end
    }

    let name: String
    private let handle: FileHandle
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEOF = false
    private var hasher = SHA256()
    private(set) var bytesRead: Int64 = 0
    var onRead: ((Int64) -> Void)?
    /// Where the next byte is.
    private(set) var line = 1
    private(set) var column = 1
    /// Where the last token returned began.
    private(set) var tokenLine = 1
    private(set) var tokenColumn = 1
    private var peeked: Token?
    private var peekedAt = (line: 1, column: 1)

    init(url: URL, name: String, chunkSize: Int = 1 << 16) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw ImportError.badOption("cannot open \(name)") }
        self.handle = handle
        self.name = name
        self.chunkSize = chunkSize
    }

    deinit { try? handle.close() }

    /// The file's SHA-256, once it has been read to the end.
    var sha256: String {
        var h = hasher
        return h.finalizeHex()
    }

    func fail(_ reason: String, line: Int? = nil, column: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(file: name, line: line ?? tokenLine, column: column ?? tokenColumn, reason: reason)
    }

    // MARK: Bytes

    private func fill() throws -> Bool {
        if position < buffer.count { return true }
        if atEOF { return false }
        let data = try handle.read(upToCount: chunkSize) ?? Data()
        if data.isEmpty { atEOF = true; return false }
        buffer = [UInt8](data)
        position = 0
        buffer.withUnsafeBytes { hasher.update($0) }
        bytesRead += Int64(buffer.count)
        onRead?(bytesRead)
        return true
    }

    private func peekByte() throws -> UInt8? { try fill() ? buffer[position] : nil }

    private func nextByte() throws -> UInt8? {
        guard try fill() else { return nil }
        let b = buffer[position]
        position += 1
        if b == 10 { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        return b
    }

    /// Reads to the end of the file (so the hash covers all of it).
    func drain() throws {
        while try fill() { position = buffer.count }
    }

    // MARK: Tokens

    func peek() throws -> Token {
        if let peeked { return peeked }
        let token = try scan()
        peeked = token
        peekedAt = (tokenLine, tokenColumn)
        return token
    }

    func next() throws -> Token {
        if let token = peeked {
            peeked = nil
            tokenLine = peekedAt.line
            tokenColumn = peekedAt.column
            return token
        }
        return try scan()
    }

    private func skipSpaceAndSeparators() throws {
        while let b = try peekByte() {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D: _ = try nextByte()
            case 0xEF where line == 1 && column == 1:                        // a UTF-8 byte order mark
                _ = try nextByte(); _ = try nextByte(); _ = try nextByte()
            default: return
            }
        }
    }

    private func scan() throws -> Token {
        try skipSpaceAndSeparators()
        tokenLine = line
        tokenColumn = column
        guard let b = try nextByte() else { return .end }
        switch b {
        case UInt8(ascii: "{"): return .beginObject
        case UInt8(ascii: "}"): return .endObject
        case UInt8(ascii: "["): return .beginArray
        case UInt8(ascii: "]"): return .endArray
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: ":"): return .colon
        case UInt8(ascii: "\""): return .string(try scanString())
        case UInt8(ascii: "t"): try expectWord("rue"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("alse"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("ull"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try scanNumber(first: b))
        default:
            throw fail("unexpected character \(Self.describe(b))")
        }
    }

    private static func describe(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? "'\(Character(UnicodeScalar(b)))'" : String(format: "0x%02X", b)
    }

    private func expectWord(_ rest: String) throws {
        for expected in rest.utf8 {
            guard let b = try nextByte(), b == expected else { throw fail("expected true, false or null") }
        }
    }

    private func scanNumber(first: UInt8) throws -> String {
        var bytes = [first]
        while let b = try peekByte(), (b >= 48 && b <= 57) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e")
                || b == UInt8(ascii: "E") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
            bytes.append(b)
            _ = try nextByte()
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard Double(text) != nil else { throw fail("not a number: \(text)") }
        return text
    }

    private func scanString() throws -> String {
        var bytes: [UInt8] = []
        while true {
            guard let b = try nextByte() else { throw fail("a string is not closed before the end of the file") }
            switch b {
            case UInt8(ascii: "\""):
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let e = try nextByte() else { throw fail("a string is not closed before the end of the file") }
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(e)
                case UInt8(ascii: "b"): bytes.append(8)
                case UInt8(ascii: "f"): bytes.append(12)
                case UInt8(ascii: "n"): bytes.append(10)
                case UInt8(ascii: "r"): bytes.append(13)
                case UInt8(ascii: "t"): bytes.append(9)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard try nextByte() == UInt8(ascii: "\\"), try nextByte() == UInt8(ascii: "u") else {
                            throw fail("a \\u surrogate is not followed by its pair", line: line, column: column)
                        }
                        let low = try hex4()
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    bytes.append(contentsOf: Array(String(Character(UnicodeScalar(scalar) ?? "\u{FFFD}")).utf8))
                default:
                    throw fail("unknown escape \\\(Character(UnicodeScalar(e)))", line: line, column: column - 1)
                }
            case 0..<0x20:
                throw fail("a control character inside a string (a string must not span lines)", line: line, column: column - 1)
            default:
                bytes.append(b)
            }
        }
    }

    private func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let b = try nextByte(), let digit = Self.hexDigit(b) else { throw fail("bad \\u escape", line: line, column: column) }
            value = value * 16 + digit
        }
        return value
    }

    private static func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case 48...57: return UInt32(b - 48)
        case 65...70: return UInt32(b - 55)
        case 97...102: return UInt32(b - 87)
        default: return nil
        }
    }

    // MARK: Values

    /// Reads one whole value from the next token (an object or array with all it holds).
    func readValue() throws -> JSONValue {
        let token = try next()
        return try value(startingWith: token)
    }

    func value(startingWith token: Token) throws -> JSONValue {
        switch token {
        case .beginObject:
            var members: [(String, JSONValue)] = []
            if try peek() == .endObject { _ = try next(); return .object([]) }
            while true {
                let key = try memberName()
                members.append((key, try readValue()))
                if try endOfContainer(.endObject) { return .object(members) }
            }
        case .beginArray:
            var items: [JSONValue] = []
            if try peek() == .endArray { _ = try next(); return .array([]) }
            while true {
                items.append(try readValue())
                if try endOfContainer(.endArray) { return .array(items) }
            }
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .end: throw fail("the file ends where a value should be")
        case .endObject, .endArray: throw fail("unexpected closing bracket")
        case .comma, .colon: throw fail("expected a value")
        }
    }

    /// `"name":` of an object member.
    func memberName() throws -> String {
        guard case .string(let key) = try next() else { throw fail("expected a member name in quotes") }
        guard try next() == .colon else { throw fail("expected ':' after the member name \"\(key)\"") }
        return key
    }

    /// After a member or element: true at the closing bracket, false after a comma.
    func endOfContainer(_ closing: Token) throws -> Bool {
        let t = try next()
        if t == closing { return true }
        if t == .comma { return false }
        if t == .end { throw fail("the file ends inside \(closing == .endObject ? "an object" : "an array")") }
        throw fail("expected ',' or '\(closing == .endObject ? "}" : "]")'")
    }
}
