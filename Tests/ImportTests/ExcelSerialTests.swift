import Foundation
import Testing
@testable import SVWImport

/// Spreadsheet numbers as svw reads them, checked against independent computations over
/// many seeded random values.
@Suite struct ExcelSerialTests {
    /// Every serial date agrees with Foundation's Gregorian calendar counting from
    /// 30 Dec 1899 (serials from 61) or 1 Jan 1904.
    @Test func serialDatesAgreeWithFoundationsCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let base1900 = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30))!
        let base1904 = calendar.date(from: DateComponents(year: 1904, month: 1, day: 1))!
        var random = SeededBytes(seed: 1900)
        for _ in 0..<3000 {
            let serial = 61 + random.below(2_958_465 - 61)
            for (system1904, base) in [(false, base1900), (true, base1904)] {
                let date = calendar.date(byAdding: .day, value: serial, to: base)!
                let c = calendar.dateComponents([.year, .month, .day], from: date)
                let expected = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
                #expect(try ExcelSerial.dateText(Double(serial), date1904: system1904, withTime: false).get() == expected, "serial \(serial)")
            }
        }
    }

    /// A number cell holding pence/100 as the nearest double reads back as exactly those
    /// pence, however the double prints: float noise never drifts a total.
    @Test func moneyCellsRoundTripToTheExactPenny() throws {
        var random = SeededBytes(seed: 42)
        for _ in 0..<20000 {
            let pence = Int64(random.below(2_000_000_000_000)) - 1_000_000_000_000
            let cell = ExcelSerial.plain(Double(pence) / 100)
            #expect(!cell.contains("e"))
            #expect(try Bytes.with(cell) { try MoneyParser.penceRoundingFloatNoise($0) } == pence, "\(cell)")
            // What Excel writes (17 significant digits) reads back the same.
            let excel = String(format: "%.17g", Double(pence) / 100)
            if !excel.contains("e") {
                #expect(try Bytes.with(excel) { try MoneyParser.penceRoundingFloatNoise($0) } == pence, "\(excel)")
            }
        }
        #expect(throws: CoercionError.self) { try Bytes.with("1250.125") { try MoneyParser.penceRoundingFloatNoise($0) } }
    }

    @Test func plainNumbersNeverUseExponentsAndReadBackExactly() {
        var random = SeededBytes(seed: 7)
        for _ in 0..<5000 {
            let value = Double(bitPattern: random.next64())
            guard value.isFinite else { continue }
            let text = ExcelSerial.plain(value)
            #expect(!text.contains("e") && !text.contains("E"), "\(value)")
            #expect(Double(text) == value, "\(value) → \(text)")
        }
        #expect(ExcelSerial.percentText(0.2) == "20%")
        #expect(ExcelSerial.percentText(0.125) == "12.5%")
        #expect(ExcelSerial.percentText(1) == "100%")
        #expect(ExcelSerial.percentText(-0.005) == "-0.5%")
    }
}
