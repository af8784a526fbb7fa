/// Buffered CSV output for one file: fields are appended as bytes and flushed in large
/// chunks, so memory stays flat however many rows are written.
struct CSVWriter {
    private let name: String
    private let output: any SampleOutput
    private var buffer: [UInt8] = []
    private var atRowStart = true
    private static let flushSize = 1 << 18
    private static let yes = Array("Yes".utf8)
    private static let no = Array("No".utf8)
    private(set) var rows = 0

    init(name: String, output: any SampleOutput, header: [String]) throws {
        self.name = name
        self.output = output
        buffer.reserveCapacity(Self.flushSize + 4096)
        try output.begin(name)
        for column in header { text(column) }
        try endRow()
        rows = 0
    }

    private mutating func separate() {
        if atRowStart { atRowStart = false } else { buffer.append(UInt8(ascii: ",")) }
    }

    /// A text field, quoted (RFC 4180) when it holds a comma, quote or line break.
    mutating func text(_ value: String) {
        separate()
        let utf8 = value.utf8
        let start = buffer.count
        buffer.append(contentsOf: utf8)
        var needsQuotes = false
        for index in start..<buffer.count {
            let byte = buffer[index]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 { needsQuotes = true; break }
        }
        guard needsQuotes else { return }
        buffer.removeSubrange(start...)
        buffer.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    mutating func empty() { separate() }

    /// `£1,250,000.00`: quoted, as its thousands separators are commas.
    mutating func money(pence: Int64) {
        separate()
        let grouped = pence.magnitude >= 100_000
        if grouped { buffer.append(UInt8(ascii: "\"")) }
        Digits.appendMoney(pence: pence, to: &buffer)
        if grouped { buffer.append(UInt8(ascii: "\"")) }
    }

    mutating func date(_ date: CivilDate?) {
        separate()
        date?.appendUK(to: &buffer)
    }

    /// `20%`, `7.5%` from tenths of a percent; empty when unknown.
    mutating func percent(tenths: Int?) {
        separate()
        guard let tenths else { return }
        Digits.appendDecimal(tenths, scale: 10, to: &buffer)
        buffer.append(UInt8(ascii: "%"))
    }

    /// `Yes` / `No`; empty when unknown.
    mutating func flag(_ value: Bool?) {
        separate()
        guard let value else { return }
        buffer.append(contentsOf: value ? Self.yes : Self.no)
    }

    /// A plain decimal from hundredths (`2.5`, `1200`); empty when unknown.
    mutating func hundredths(_ value: Int?) {
        separate()
        guard let value else { return }
        Digits.appendDecimal(value, scale: 100, to: &buffer)
    }

    mutating func endRow() throws {
        buffer.append(UInt8(ascii: "\n"))
        atRowStart = true
        rows += 1
        if buffer.count >= Self.flushSize {
            try output.append(buffer, to: name)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    mutating func finish() throws {
        if !buffer.isEmpty { try output.append(buffer, to: name) }
        buffer.removeAll()
        try output.end(name)
    }
}
