import Foundation
import Testing
import SVWDatabase
@testable import SVWRendering

/// csv and tsv output parsed back must give exactly the values the query returned.
@Suite struct DelimitedRoundTripTests {
    @Test func csvParsesBackToTheQueryResult() throws {
        let result = try Fixtures.awkward()
        let text = Renderer.render(result, mode: .csv)
        let records = try CSVReader.parse(text)
        #expect(records.first == result.columns.map { Optional($0) })
        #expect(records.count == result.rows.count + 1)
        for (row, record) in zip(result.rows, records.dropFirst()) {
            #expect(record == row.map(Self.expectedText))
        }
    }

    @Test func csvKeepsNullAndEmptyStringApart() throws {
        let result = ResultSet(columns: ["a", "b"], rows: [[.null, .text("")]])
        #expect(Renderer.render(result, mode: .csv) == "a,b\n,\"\"\n")
        #expect(try CSVReader.parse(Renderer.render(result, mode: .csv))[1] == [nil, ""])
    }

    @Test func csvIntegersAndRealsReadBackAsTheSameNumbers() throws {
        let result = try Fixtures.awkward()
        let records = try CSVReader.parse(Renderer.render(result, mode: .csv)).dropFirst()
        for (row, record) in zip(result.rows, records) {
            switch row[0] {
            case .integer(let n): #expect(Int64(record[0] ?? "") == n)
            default: #expect(record[0] == nil)
            }
            if case .real(let d) = row[2] { #expect(Double(record[2] ?? "") == d) }
        }
    }

    @Test func csvMoneyIsPoundsWithTwoDecimalsExactToThePenny() throws {
        let records = try CSVReader.parse(Renderer.render(Fixtures.board(), mode: .csv))
        #expect(records[0] == ["partner", "awarded", "share", "contracts"])
        #expect(records[1] == ["Stockport", "1234567.89", "28.0", "412"])
        #expect(records[2] == ["Trafford", "-5.00", "5.0", "9"])
        #expect(records[3] == ["Rochdale", nil, nil, "0"])
        let pence = records.dropFirst().compactMap { $0[1] }.map { Self.pence(fromPounds: $0) }
        #expect(pence == [123_456_789, -500])
    }

    @Test func tsvParsesBackToTheQueryResult() throws {
        let result = try Fixtures.awkward()
        let text = Renderer.render(result, mode: .tsv)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == result.rows.count + 1, "an embedded newline must not start a record")
        let records = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map { TSVReader.unescape(String($0)) } }
        #expect(records[0] == result.columns)
        for (row, record) in zip(result.rows, records.dropFirst()) {
            #expect(record == row.map { Self.expectedText($0) ?? "" })
        }
    }

    @Test func headersOffLeavesOnlyRecords() {
        var options = RenderOptions()
        options.showHeaders = false
        #expect(Renderer.render(Fixtures.board(), mode: .csv, options: options).hasPrefix("Stockport,"))
    }

    /// What a machine-readable field should hold for a plain column: NULL is no field.
    static func expectedText(_ value: SQLValue) -> String? {
        value.isNull ? nil : value.string
    }

    static func pence(fromPounds text: String) -> Int64 {
        let negative = text.hasPrefix("-")
        let parts = text.drop(while: { $0 == "-" }).split(separator: ".")
        let value = Int64(parts[0])! * 100 + Int64(parts[1])!
        return negative ? -value : value
    }
}

/// An RFC 4180 reader written for the tests: quoted fields, doubled quotes, and a
/// field that was never quoted and is empty reads as nil (NULL).
enum CSVReader {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String?]] {
        var records: [[String?]] = []
        var record: [String?] = []
        var field = ""
        var quoted = false
        var inQuotes = false
        var chars = Array(text)
        if chars.last != "\n" { chars.append("\n") }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 }
                    else { inQuotes = false }
                } else { field.append(c) }
            } else if c == "\"" {
                guard field.isEmpty else { throw Malformed() }
                inQuotes = true; quoted = true
            } else if c == "," || c == "\n" {
                record.append(field.isEmpty && !quoted ? nil : field)
                field = ""; quoted = false
                if c == "\n" { records.append(record); record = [] }
            } else {
                field.append(c)
            }
            i += 1
        }
        guard !inQuotes else { throw Malformed() }
        return records
    }
}

enum TSVReader {
    static func unescape(_ field: String) -> String {
        var out = ""
        var escaping = false
        for c in field {
            if escaping {
                switch c {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(c)
                }
                escaping = false
            } else if c == "\\" { escaping = true } else { out.append(c) }
        }
        return out
    }
}
