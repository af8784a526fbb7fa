import Foundation

/// What a sheet cell holds once read: how `SheetRowSource` presents it and checks it.
enum CellKind: UInt8, Sendable {
    case text = 0
    /// A plain number, written as the shortest decimal that reads back the same.
    case number = 1
    /// A date or time from a number with a date format, as ISO text.
    case date = 2
    case boolean = 3
    /// `#N/A`, `#REF!`…: never a value.
    case error = 4
    /// A formula the workbook holds no calculated value for.
    case uncalculated = 5
}

/// One cell as the spool holds it.
struct SpoolCell {
    var column: Int
    var kind: CellKind
    var text: [UInt8]
}

/// Sheet rows written to a temporary file as the XML is parsed, and read back one row at a
/// time: the push-style XML parser and the pull-style loader meet here, in flat memory.
///
/// A row is: row number, cell count (UInt32 each), then per cell its column (UInt32),
/// kind (UInt8), length (UInt32) and bytes.
final class SheetSpool {
    let url: URL
    private let handle: FileHandle
    private var pending: [UInt8] = []

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("svw-sheet-\(UUID().uuidString).rows")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        pending.reserveCapacity(1 << 20)
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }

    func write(row: Int, cells: [SpoolCell]) throws {
        append(UInt32(row))
        append(UInt32(cells.count))
        for cell in cells {
            append(UInt32(cell.column))
            pending.append(cell.kind.rawValue)
            append(UInt32(cell.text.count))
            pending.append(contentsOf: cell.text)
        }
        if pending.count >= 1 << 20 { try flush() }
    }

    func finish() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }

    private func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { pending.append(contentsOf: $0) }
    }
}

/// Reads a finished spool back row by row.
final class SpoolReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var eof = false

    init(_ spool: SheetSpool) throws {
        handle = try FileHandle(forReadingFrom: spool.url)
    }

    deinit { try? handle.close() }

    /// The next row (number and cells in column order), or nil at the end.
    func next() throws -> (row: Int, cells: [SpoolCell])? {
        guard try ensure(8) else { return nil }
        let row = Int(u32()), count = Int(u32())
        var cells: [SpoolCell] = []
        cells.reserveCapacity(count)
        for _ in 0..<count {
            guard try ensure(9) else { return nil }
            let column = Int(u32())
            let kind = CellKind(rawValue: buffer[position]) ?? .text
            position += 1
            let length = Int(u32())
            guard try ensure(length) else { return nil }
            cells.append(SpoolCell(column: column, kind: kind, text: Array(buffer[position..<position + length])))
            position += length
        }
        return (row, cells)
    }

    private func u32() -> UInt32 {
        var value: UInt32 = 0
        for i in 0..<4 { value |= UInt32(buffer[position + i]) << (8 * i) }
        position += 4
        return value
    }

    private func ensure(_ n: Int) throws -> Bool {
        while buffer.count - position < n {
            if eof { return false }
            if position > 0 { buffer.removeFirst(position); position = 0 }
            let chunk = try handle.read(upToCount: max(1 << 20, n)) ?? Data()
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
        return true
    }
}
