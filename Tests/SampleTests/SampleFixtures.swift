import Foundation
@testable import SVWSample

/// Independent readers for the sample files. They deliberately share nothing with the
/// generator: figures are recomputed from the CSV text the way an analyst would.
enum SampleFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sampleData = repositoryRoot.appendingPathComponent("SampleData")

    static func committedFile(_ name: String) throws -> String {
        try String(contentsOf: sampleData.appendingPathComponent(name), encoding: .utf8)
    }

    /// The committed SampleData set, read once.
    static let committed: SampleSet = {
        do {
            var files: [String: String] = [:]
            for name in SampleGenerator.fileNames { files[name] = try committedFile(name) }
            return try SampleSet(files: files)
        } catch {
            fatalError("cannot read SampleData: \(error)")
        }
    }()

    /// The bundled full-postcode table the generator draws from.
    static let postcodeIndex: PostcodeIndexFile = {
        do { return try PostcodeIndexFile(text: committedFile(PostcodeIndexFile.name)) } catch {
            fatalError("cannot read SampleData/\(PostcodeIndexFile.name): \(error)")
        }
    }()

    static func generated(contracts: Int, seed: UInt64) throws -> MemorySampleOutput {
        let output = MemorySampleOutput()
        try SampleGenerator.generate(contracts: contracts, seed: seed, postcodeIndex: postcodeIndex, into: output)
        return output
    }
}

/// RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes.
enum SimpleCSV {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let char = chars.popFirst() {
            if quoted {
                if char == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append(char); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(char)
                }
            } else if char == "\"" && field.isEmpty {
                quoted = true
            } else if char == "," {
                row.append(field); field = ""
            } else if char == "\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.unicodeScalars.append(char)
            }
        }
        if quoted { throw Malformed() }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Rows as dictionaries keyed by the header.
    static func records(_ text: String) throws -> (header: [String], rows: [[String: String]]) {
        let rows = try parse(text)
        let header = rows.first ?? []
        return (header, rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
    }
}

/// Spreadsheet-style values, parsed independently of the generator.
enum Value {
    /// `£1,250,000.00` → 125000000 pence.
    static func pence(_ text: String) -> Int64? {
        guard text.hasPrefix("£") else { return nil }
        let digits = text.dropFirst().replacingOccurrences(of: ",", with: "")
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let pounds = Int64(parts[0]), let pennies = Int64(parts[1]) else { return nil }
        return pounds * 100 + pennies
    }

    /// `31/03/2021` → (2021, 3, 31), checked against the calendar.
    static func date(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10, (1...12).contains(parts[1]) else { return nil }
        let leap = parts[2] % 4 == 0 && (parts[2] % 100 != 0 || parts[2] % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[parts[1] - 1]).contains(parts[0]) else { return nil }
        return (parts[2], parts[1], parts[0])
    }

    /// A sortable day key, yyyymmdd.
    static func dayKey(_ text: String) -> Int? {
        date(text).map { $0.year * 10_000 + $0.month * 100 + $0.day }
    }

    /// The UK financial year of a date: `2020/21`.
    static func financialYear(_ text: String) -> String? {
        guard let (year, month, _) = date(text) else { return nil }
        let start = month >= 4 ? year : year - 1
        return String(start) + "/" + String(format: "%02d", (start + 1) % 100)
    }

    /// `20%` → 20.0.
    static func percent(_ text: String) -> Double? {
        guard text.hasSuffix("%") else { return nil }
        return Double(text.dropLast())
    }

    /// A normalised UK postcode (`SK4 1AA`), or nil when missing or malformed.
    static func normalisedPostcode(_ raw: String) -> String? {
        let compact = raw.uppercased().replacingOccurrences(of: " ", with: "")
        guard (5...7).contains(compact.count) else { return nil }
        let chars = Array(compact)
        let inward = chars.suffix(3), outward = Array(chars.dropLast(3))
        let inwardLetters = Set("ABDEFGHJLNPQRSTUWXYZ")
        guard inward.first!.isNumber, inward.dropFirst().allSatisfy({ inwardLetters.contains($0) }) else { return nil }
        // Outward: A9, A99, AA9, AA99, A9A, AA9A.
        let pattern = outward.map { $0.isLetter ? "A" : $0.isNumber ? "9" : "?" }.joined()
        guard ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(pattern) else { return nil }
        return String(outward) + " " + String(inward)
    }
}

/// One sample set, parsed, with the published figures recomputed per financial year using the
/// project's definitions (see the helpers' brief, "Domain decisions").
struct SampleSet {
    struct Figures {
        var awardedPence: Int64 = 0
        var committedPence: Int64 = 0
        var deliveredPence: Int64 = 0
        var suppliers = 0
        var gmSuppliers = 0
        var unknownSuppliers = 0
        var ownWorkforcePence: Int64 = 0
        var weightings: [Double] = []

        var committedPercent: Double { 100 * Double(committedPence) / Double(awardedPence) }
        var gmPercent: Double { 100 * Double(gmSuppliers) / Double(suppliers) }
        var meanWeighting: Double { weightings.reduce(0, +) / Double(weightings.count) }
    }

    let suppliers: [[String: String]]
    let contracts: [[String: String]]
    let commitments: [[String: String]]
    let measures: [[String: String]]
    let headers: [String: [String]]
    /// Outward code → sum of its GM shares.
    let gmShare: [String: Double]
    /// Full postcode → its GM borough ("" outside GM), from gm_postcodes.csv; postcodes with no
    /// district code are left out (they place nothing exactly).
    let boroughs: [String: String]

    init(files: [String: String]) throws {
        var headers: [String: [String]] = [:]
        func load(_ name: String) throws -> [[String: String]] {
            let (header, rows) = try SimpleCSV.records(files[name] ?? "")
            headers[name] = header
            return rows
        }
        suppliers = try load("suppliers.csv")
        contracts = try load("contracts.csv")
        commitments = try load("commitments.csv")
        measures = try load("measures.csv")
        var share: [String: Double] = [:]
        for row in try load("postcode_districts.csv") {
            share[row["outward_code"]!, default: 0] += Double(row["share"]!)!
        }
        gmShare = share
        var boroughs: [String: String] = [:]
        for line in (files["gm_postcodes.csv"] ?? "").split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if !fields[1].isEmpty { boroughs[String(fields[0])] = String(fields[2]) }
        }
        self.boroughs = boroughs
        self.headers = headers
    }

    init(output: MemorySampleOutput) throws {
        var files: [String: String] = [:]
        for name in SampleGenerator.fileNames { files[name] = output.text(name) }
        try self.init(files: files)
    }

    /// GM, outside or unknown: a listed full postcode decides, else the district majority rule.
    func gmStatus(postcode raw: String) -> String {
        if raw.uppercased().hasPrefix("BFPO") { return "outside" }
        guard let postcode = Value.normalisedPostcode(raw) else { return "unknown" }
        if let borough = boroughs[postcode] { return borough.isEmpty ? "outside" : "GM" }
        let district = String(postcode.split(separator: " ")[0])
        return (gmShare[district] ?? 0) > 0.5 ? "GM" : "outside"
    }

    func figures() -> [String: Figures] {
        var proxy: [String: Int64] = [:]
        for measure in measures { proxy[measure["code"]!] = Value.pence(measure["proxy_value"]!) }
        var supplierStatus: [String: String] = [:]
        for supplier in suppliers { supplierStatus[supplier["supplier_id"]!] = gmStatus(postcode: supplier["postcode"]!) }

        var result: [String: Figures] = [:]
        var contractYear: [String: String] = [:]
        var winners: [String: Set<String>] = [:]
        for contract in contracts {
            let year = Value.financialYear(contract["award_date"]!)!
            let value = Value.pence(contract["value"]!)!
            contractYear[contract["contract_id"]!] = year
            winners[year, default: []].insert(contract["supplier_id"]!)
            result[year, default: Figures()].awardedPence += value
            if value > 2_500_000, let weighting = Value.percent(contract["sv_weighting"]!) {
                result[year]!.weightings.append(weighting)
            }
        }
        for (year, ids) in winners {
            result[year]!.suppliers = ids.count
            result[year]!.gmSuppliers = ids.filter { supplierStatus[$0] == "GM" }.count
            result[year]!.unknownSuppliers = ids.filter { supplierStatus[$0] == "unknown" }.count
        }
        func value(_ units: String, _ code: String) -> Int64 {
            guard let units = Double(units) else { return 0 }
            return Int64((units * Double(proxy[code]!)).rounded(.toNearestOrAwayFromZero))
        }
        for commitment in commitments {
            let code = commitment["measure_code"]!
            if let contractId = commitment["contract_id"], !contractId.isEmpty {
                let year = contractYear[contractId]!
                result[year]!.committedPence += value(commitment["units_committed"]!, code)
                result[year]!.deliveredPence += value(commitment["units_delivered"]!, code)
            } else if let year = Value.financialYear(commitment["reporting_date"]!) {
                result[year, default: Figures()].ownWorkforcePence += value(commitment["units_delivered"]!, code)
            }
        }
        return result
    }
}
