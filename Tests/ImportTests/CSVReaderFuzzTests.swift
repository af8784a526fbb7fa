import Foundation
import Testing
import FuzzSupport
import SVWImport

/// Properties of the CSV reader over generated input: it never crashes or hangs on any
/// bytes, what it reads does not depend on where its buffer happens to be refilled, and a
/// table written as RFC 4180 CSV reads back exactly. A failure names the seed to replay.
@Suite(.serialized) struct CSVReaderFuzzTests {
    /// Everything one read of a file produced, comparable across reads.
    struct Reading: Equatable {
        var records: [[[UInt8]]] = []
        var lines: [Int] = []
        var malformations: [CSVMalformation?] = []
        var error: String?
        var sha256 = ""
    }

    static func read(_ url: URL, chunkSize: Int, delimiter: UInt8 = UInt8(ascii: ",")) throws -> Reading {
        let reader = try CSVReader(path: url.path, delimiter: delimiter, chunkSize: chunkSize)
        var reading = Reading()
        let limit = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0) + 2
        do {
            while try reader.next() {
                reading.records.append((0..<reader.fieldCount).map { Array(reader.field($0)) })
                reading.lines.append(reader.recordLine)
                reading.malformations.append(reader.malformation)
                // Every record consumes at least one byte: more records than bytes is a loop.
                guard reading.records.count <= limit else { throw PropertyFailure("more records than bytes: no progress") }
            }
            reading.sha256 = reader.sha256
        } catch let error as CSVError {
            reading.error = error.description
        }
        return reading
    }

    static func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("svw-fuzz-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        return url
    }

    /// Bytes a CSV reader finds hard: quotes, delimiters, line ends, a BOM, NUL, UTF-8 and invalid UTF-8.
    static let awkward: [[UInt8]] = [
        [0x22], [0x22, 0x22], [0x2C], [0x09], [0x3B], [0x0A], [0x0D], [0x0D, 0x0A], [0x20], [0x00],
        [0xEF, 0xBB, 0xBF], [0xC2, 0xA3], [0xC2], [0xFF], Array("a".utf8), Array("Bolton".utf8), Array("12.5".utf8),
    ]

    static func randomBytes(_ random: inout FuzzRandom, maxPieces: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<random.int(0...maxPieces) {
            bytes += random.chance(0.15) ? [UInt8.random(in: 0...255, using: &random)] : random.pick(awkward)
        }
        return bytes
    }

    @Test(.timeLimit(.minutes(2)))
    func anyBytesReadTheSameWhateverTheBufferSize() {
        let failures = Fuzz.check(short: 300) { random in
            let bytes = Self.randomBytes(&random, maxPieces: 200)
            let url = try Self.temporaryFile(bytes)
            defer { try? FileManager.default.removeItem(at: url) }
            let delimiter = random.pick([UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")])
            let whole = try Self.read(url, chunkSize: CSVReader.defaultChunkSize, delimiter: delimiter)
            for chunk in [1, 2, 3, random.int(4...64)] {
                let pieces = try Self.read(url, chunkSize: chunk, delimiter: delimiter)
                guard pieces == whole else {
                    throw PropertyFailure("chunk size \(chunk) reads differently from one buffer: \(bytes)")
                }
            }
            if whole.error == nil && whole.sha256 != SHA256.hex(of: bytes) {
                throw PropertyFailure("the file's hash is wrong")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// A field as a spreadsheet might hold it: plain words, numbers, £, quotes, delimiters, line ends.
    static let fieldPieces = ["a", "Z", "0", "42", " ", "£", "é", "—", "\"", "\"\"", ",", "\t", ";", "\n", "\r\n", "\r",
                              "Greater Manchester", "O'Brien", "x\"y", "", "🙂"]

    /// `table` as RFC 4180 CSV: a field is quoted when it holds a quote, the delimiter or a
    /// line end, or is the only field of its record and empty (else the line would be blank).
    static func write(_ table: [[String]], delimiter: String, lineEnd: String, finalLineEnd: Bool) -> [UInt8] {
        let lines = table.map { record in
            record.map { field -> String in
                let needsQuotes = field.contains("\"") || field.contains(delimiter) || field.contains("\n")
                    || field.contains("\r") || (record.count == 1 && field.isEmpty)
                return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: delimiter)
        }
        return Array((lines.joined(separator: lineEnd) + (finalLineEnd ? lineEnd : "")).utf8)
    }

    @Test(.timeLimit(.minutes(2)))
    func writingThenReadingValidCSVIsTheIdentity() {
        let failures = Fuzz.check(short: 300) { random in
            let columns = random.int(1...6)
            var table: [[String]] = []
            for _ in 0..<random.int(1...30) {
                let width = random.chance(0.8) ? columns : random.int(1...8)
                table.append((0..<width).map { _ in random.string(from: Self.fieldPieces, maxLength: 6) })
            }
            let delimiter = random.pick([",", "\t", ";"])
            let bytes = Self.write(table, delimiter: delimiter, lineEnd: random.pick(["\n", "\r\n"]),
                                   finalLineEnd: random.chance(0.7))
            let url = try Self.temporaryFile(bytes)
            defer { try? FileManager.default.removeItem(at: url) }
            let reading = try Self.read(url, chunkSize: random.pick([1, 5, 64, CSVReader.defaultChunkSize]),
                                        delimiter: UInt8(ascii: Unicode.Scalar(delimiter)!))
            let read = reading.records.map { $0.map { String(decoding: $0, as: UTF8.self) } }
            guard reading.error == nil, reading.malformations.allSatisfy({ $0 == nil }), read == table else {
                throw PropertyFailure("wrote \(table), read \(read) (\(reading.error ?? "") \(reading.malformations.compactMap { $0 }))")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
