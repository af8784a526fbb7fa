import Foundation
import Testing
@testable import SVWImport
import TestSupport

/// Reads every record of `bytes`, with each field's line, at several chunk sizes so
/// that records and quotes straddle buffer boundaries; all sizes must agree.
private struct Parsed: Equatable {
    var rows: [[String]] = []
    var lines: [[Int]] = []
    var recordLines: [Int] = []
    var malformations: [CSVMalformation?] = []
}

private func parse(_ bytes: [UInt8], name: String = "t.csv", delimiter: UInt8 = UInt8(ascii: ","),
                   chunks: [Int] = [1, 2, 3, 5, 7, 64, 1 << 20]) throws -> Parsed {
    let dir = try ScratchFolder()
    let url = try dir.write(name, bytes: bytes)
    var results: [Parsed] = []
    for chunk in chunks {
        let reader = try CSVReader(path: url.path, delimiter: delimiter, chunkSize: chunk)
        var parsed = Parsed()
        while try reader.next() {
            parsed.rows.append((0..<reader.fieldCount).map(reader.string))
            parsed.lines.append((0..<reader.fieldCount).map(reader.fieldLine))
            parsed.recordLines.append(reader.recordLine)
            parsed.malformations.append(reader.malformation)
        }
        #expect(reader.sha256 == SHA256.hex(of: bytes), "chunk \(chunk)")
        results.append(parsed)
    }
    for (chunk, r) in zip(chunks, results) { #expect(r == results[0], "chunk size \(chunk) disagrees") }
    return results[0]
}

private func parse(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) throws -> Parsed {
    try parse(Array(text.utf8), delimiter: delimiter)
}

@Suite struct CSVReaderTests {
    @Test func plainRowsWithLF() throws {
        let p = try parse("a,b,c\n1,2,3\n")
        #expect(p.rows == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(p.recordLines == [1, 2])
    }

    @Test func crlfAndNoFinalNewline() throws {
        let p = try parse("a,b\r\n1,2\r\n3,4")
        #expect(p.rows == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(p.recordLines == [1, 2, 3])
    }

    @Test func bareCarriageReturnEndsALine() throws {
        #expect(try parse("a,b\r1,2\r").rows == [["a", "b"], ["1", "2"]])
    }

    @Test func quotedFieldsWithDelimitersAndDoubledQuotes() throws {
        let p = try parse("name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\n\"\",\"\"\"\"\n")
        #expect(p.rows == [["name", "note"], ["Smith, J", "said \"hi\""], ["", "\""]])
    }

    @Test func newlinesInsideQuotesAdvanceTheLineCount() throws {
        let p = try parse("id,text,n\n1,\"two\nlines\r\nthree\",x\n2,y,z\n")
        #expect(p.rows[1] == ["1", "two\nlines\r\nthree", "x"])
        #expect(p.lines[1] == [2, 2, 4])
        #expect(p.recordLines == [1, 2, 5])
        #expect(p.lines[2] == [5, 5, 5])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let p = try parse([0xEF, 0xBB, 0xBF] + Array("id,name\n1,x\n".utf8))
        #expect(p.rows == [["id", "name"], ["1", "x"]])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let p = try parse("a,b\n\n1,2\n\r\n\n3,4\n\n\n")
        #expect(p.rows == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(p.recordLines == [1, 3, 6])
    }

    @Test func emptyFieldsAndTrailingDelimiter() throws {
        let p = try parse("a,b,c\n,,\n1,,\n\"\",x,")
        #expect(p.rows == [["a", "b", "c"], ["", "", ""], ["1", "", ""], ["", "x", ""]])
    }

    @Test func aQuotedEmptyLineIsARecordNotABlankLine() throws {
        #expect(try parse("a\n\"\"\n").rows == [["a"], [""]])
    }

    @Test func tabSeparated() throws {
        let p = try parse("a\tb\n\"x\ty\"\t2\n", delimiter: UInt8(ascii: "\t"))
        #expect(p.rows == [["a", "b"], ["x\ty", "2"]])
    }

    @Test func utf8PassesThroughAsBytes() throws {
        #expect(try parse("v\n£1,250\n\"£1,250\"\n").rows == [["v"], ["£1", "250"], ["£1,250"]])
    }

    @Test func emptyFileHasNoRecords() throws {
        #expect(try parse("").rows.isEmpty)
        #expect(try parse([0xEF, 0xBB, 0xBF]).rows.isEmpty)
    }

    @Test func recordLongerThanTheBufferGrowsIt() throws {
        let long = String(repeating: "x", count: 10_000)
        let p = try parse(Array("a,b\n\"\(long)\",\(long)\n".utf8), chunks: [16, 1000])
        #expect(p.rows[1] == [long, long])
    }

    @Test func strayQuoteInAnUnquotedFieldIsMalformedAndTheNextRowStillReads() throws {
        let p = try parse("a,b\n1,12\" pipe\n2,ok\n")
        #expect(p.rows.count == 3)
        #expect(p.malformations[1] == CSVMalformation(line: 2, column: 2,
            reason: "stray quote (\") inside an unquoted field (quote the whole field and double the quote)"))
        #expect(p.rows[2] == ["2", "ok"])
        #expect(p.malformations[2] == nil)
        #expect(p.recordLines == [1, 2, 3])
    }

    @Test func textAfterAClosingQuoteIsMalformed() throws {
        let p = try parse("a,b\n\"multi\nline\"x,1\n3,4\n")
        #expect(p.malformations[1] == CSVMalformation(line: 3, column: 1,
            reason: "unexpected 'x' after the closing quote of a quoted field"))
        #expect(p.rows[2] == ["3", "4"])
        #expect(p.recordLines[2] == 4)
    }

    @Test func unterminatedQuoteFailsWithItsLineAndColumn() throws {
        let dir = try ScratchFolder()
        let url = try dir.write("bad.csv", "a,b\n1,2\n3,\"never closed\n4,5\n")
        let reader = try CSVReader(path: url.path, chunkSize: 4)
        #expect(try reader.next())
        #expect(try reader.next())
        #expect(throws: CSVError.unterminatedQuote(path: url.path, line: 3, column: 2)) { try reader.next() }
    }

    @Test func recordTextIsTheRowAsWritten() throws {
        let dir = try ScratchFolder()
        let url = try dir.write("r.csv", "a,b\r\n\"x,\"\"y\"\"\",2\r\n")
        let reader = try CSVReader(path: url.path)
        _ = try reader.next()
        _ = try reader.next()
        #expect(reader.recordText == "\"x,\"\"y\"\"\",2")
        #expect(reader.string(0) == "x,\"y\"")
    }

    @Test func missingFileAndFolderAreClearErrors() throws {
        #expect(throws: CSVError.cannotOpen(path: "/nonexistent/x.csv", reason: "No such file or directory")) {
            try CSVReader(path: "/nonexistent/x.csv")
        }
        let dir = try ScratchFolder()
        #expect(throws: CSVError.cannotOpen(path: dir.url.path, reason: "it is a folder, not a file")) {
            try CSVReader(path: dir.url.path)
        }
    }
}
