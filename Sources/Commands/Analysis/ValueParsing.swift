import Foundation

/// Turns option values as analysts type them into exact values: money to pence, dates to
/// ISO, financial years to `2020/21`. Each failure says what was expected.
enum ValueParsing {
    struct Failure: Error, Equatable {
        let message: String
    }

    /// `25000`, `25,000`, `£25,000.50`, `25k`, `£1.5m` → pence, exactly (no binary floating point).
    static func pence(_ text: String) throws -> Int64 {
        var s = text.trimmingCharacters(in: .whitespaces).lowercased()
        s = s.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
        if s.hasPrefix("£") { s.removeFirst() }
        var multiplier: Int64 = 1
        if s.hasSuffix("k") { multiplier = 1_000; s.removeLast() }
        else if s.hasSuffix("m") { multiplier = 1_000_000; s.removeLast() }
        else if s.hasSuffix("bn") { multiplier = 1_000_000_000; s.removeLast(2) }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let wholeText = parts.first, !wholeText.isEmpty || parts.count == 2,
              wholeText.allSatisfy(\.isASCII), wholeText.allSatisfy(\.isNumber) else {
            throw Failure(message: "not an amount of money: \"\(text)\" (e.g. 25000, £25,000.50, 25k, 1.5m)")
        }
        let fractionText = parts.count == 2 ? String(parts[1]) : ""
        guard !(wholeText.isEmpty && fractionText.isEmpty), fractionText.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw Failure(message: "not an amount of money: \"\(text)\" (e.g. 25000, £25,000.50, 25k, 1.5m)")
        }
        // pence per unit of the last digit: the amount is whole.fraction × multiplier pounds
        let scaleDigits = fractionText.count
        var denominator: Int64 = 1
        for _ in 0..<scaleDigits { denominator *= 10 }
        guard let whole = Int64(wholeText.isEmpty ? "0" : String(wholeText)), let fraction = Int64(fractionText.isEmpty ? "0" : fractionText),
              whole < 1_000_000_000_000 else {
            throw Failure(message: "amount out of range: \"\(text)\"")
        }
        let numerator = (whole * denominator + fraction) * multiplier * 100
        guard numerator % denominator == 0 else {
            throw Failure(message: "amount finer than a penny: \"\(text)\"")
        }
        return numerator / denominator
    }

    /// `2021-03-31`, `31/03/2021`, `31/3/2021` → `2021-03-31`; the date must exist.
    static func isoDate(_ text: String) throws -> String {
        let s = text.trimmingCharacters(in: .whitespaces)
        let failure = Failure(message: "not a date: \"\(text)\" (use 2021-03-31 or 31/03/2021)")
        var year = 0, month = 0, day = 0
        if s.contains("-") {
            let parts = s.split(separator: "-").map(String.init)
            guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { throw failure }
            (year, month, day) = (y, m, d)
        } else if s.contains("/") {
            let parts = s.split(separator: "/").map(String.init)
            guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { throw failure }
            (year, month, day) = (y, m, d)
        } else { throw failure }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
            throw Failure(message: "no such date: \"\(text)\"")
        }
        return zeros(year, 4) + "-" + zeros(month, 2) + "-" + zeros(day, 2)
    }

    static func zeros(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2020/21`, `2020-21`, `2020/2021` → `2020/21` (1 April 2020 to 31 March 2021).
    static func financialYear(_ text: String) throws -> String {
        let s = text.trimmingCharacters(in: .whitespaces)
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
        guard parts.count == 2, parts[0].count == 4, let start = Int(parts[0]),
              parts[1].count == 2 || parts[1].count == 4, let end = Int(parts[1]) else {
            throw Failure(message: "not a financial year: \"\(text)\" (write it 2020/21)")
        }
        let expected = parts[1].count == 2 ? (start + 1) % 100 : start + 1
        guard end == expected else {
            throw Failure(message: "not a financial year: \"\(text)\" (a financial year runs April to March, e.g. \(start)/\(zeros((start + 1) % 100, 2)))")
        }
        return "\(start)/\(zeros((start + 1) % 100, 2))"
    }

    /// `0,5,10,15` → ascending distinct percentages within 0–100.
    static func bins(_ text: String) throws -> [Double] {
        let values = try text.split(separator: ",").map { part -> Double in
            let t = part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
            guard let v = Double(t), v.isFinite else { throw Failure(message: "--bins takes numbers separated by commas, not \"\(part)\"") }
            return v
        }
        guard !values.isEmpty else { throw Failure(message: "--bins needs at least one edge, e.g. 0,5,10,15,20,25,30") }
        guard values.allSatisfy({ (0...100).contains($0) }) else { throw Failure(message: "--bins edges are percentages from 0 to 100") }
        guard zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw Failure(message: "--bins edges must rise: \"\(text)\"")
        }
        return values
    }

    /// A percentage 0–100 (`20`, `20%`).
    static func percent(_ text: String, option: String) throws -> Double {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
        guard let v = Double(t), v.isFinite, (0...100).contains(v) else {
            throw Failure(message: "--\(option) takes a percentage from 0 to 100, not \"\(text)\"")
        }
        return v
    }
}
