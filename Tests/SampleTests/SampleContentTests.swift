import Foundation
import Testing
@testable import SVWSample

/// What the committed SampleData looks like: formats, references and realism.
@Suite("SampleData content")
struct SampleContentTests {
    let set = SampleFixtures.committed

    @Test("Headers are exactly the documented ones")
    func headers() {
        #expect(set.headers["suppliers.csv"] == ["supplier_id", "name", "company_number", "postcode", "sme", "vcse"])
        #expect(set.headers["contracts.csv"] == ["contract_id", "partner", "title", "category", "supplier_id", "award_date", "start_date",
                                                 "end_date", "value", "sv_weighting", "sv_considered", "portal", "sv_kpis"])
        #expect(set.headers["commitments.csv"] == ["commitment_id", "contract_id", "measure_code", "units_committed", "units_delivered", "reporting_date"])
        #expect(set.headers["measures.csv"] == ["code", "theme", "outcome", "description", "unit", "proxy_value", "edition", "illustrative", "gm_priority"])
        #expect(set.headers["postcode_districts.csv"] == ["outward_code", "authority", "authority_code", "postcodes", "share"])
    }

    @Test("Every row has every column, and ids are unique")
    func shapeAndKeys() throws {
        for name in ["suppliers.csv", "contracts.csv", "commitments.csv", "measures.csv"] {
            let rows = try SimpleCSV.parse(SampleFixtures.committedFile(name))
            #expect(rows.allSatisfy { $0.count == rows[0].count }, "\(name) has a ragged row")
        }
        #expect(Set(set.suppliers.map { $0["supplier_id"]! }).count == set.suppliers.count)
        #expect(Set(set.suppliers.map { $0["name"]!.lowercased() }).count == set.suppliers.count, "supplier names repeat")
        #expect(Set(set.contracts.map { $0["contract_id"]! }).count == 4000)
        #expect(Set(set.commitments.map { $0["commitment_id"]! }).count == set.commitments.count)
    }

    @Test("Contracts reference real suppliers; commitments reference real contracts and measure codes")
    func references() {
        let suppliers = Set(set.suppliers.map { $0["supplier_id"]! })
        let contracts = Set(set.contracts.map { $0["contract_id"]! })
        let codes = Set(set.measures.map { $0["code"]! })
        #expect(set.contracts.allSatisfy { suppliers.contains($0["supplier_id"]!) })
        #expect(set.commitments.allSatisfy { $0["contract_id"]!.isEmpty || contracts.contains($0["contract_id"]!) })
        #expect(set.commitments.allSatisfy { codes.contains($0["measure_code"]!) })
        let ownWorkforce = set.commitments.filter { $0["contract_id"]!.isEmpty }
        #expect(ownWorkforce.count >= 12, "own-workforce commitments have no contract")
    }

    @Test("Four partners, three financial years, realistic categories")
    func partnersYearsCategories() {
        #expect(Set(set.contracts.map { $0["partner"]! }) == ["Stockport", "Trafford", "Rochdale", "Tameside"])
        #expect(Set(set.contracts.compactMap { Value.financialYear($0["award_date"]!) }) == ["2019/20", "2020/21", "2021/22"])
        let categories = Set(set.contracts.map { $0["category"]! })
        #expect(categories.isSuperset(of: ["Construction", "Highways", "Adult Social Care", "ICT", "Facilities Management",
                                          "Consultancy", "Waste Management"]))
        #expect(set.contracts.contains { $0["title"]!.contains(",") } && set.contracts.contains { $0["title"]!.contains("\"") },
                "titles exercise CSV quoting")
    }

    @Test("Values are spreadsheet money, heavy-tailed: some under £25k, a few multi-million")
    func values() throws {
        let values = try set.contracts.map { try #require(Value.pence($0["value"]!), "bad money \($0["value"]!)") }
        #expect(values.filter { $0 <= 2_500_000 }.count > 400)
        #expect(values.filter { $0 >= 100_000_000 }.count >= 20)
        #expect(values.filter { $0 >= 500_000_000 }.count >= 1)
        #expect(values.allSatisfy { $0 > 0 })
    }

    @Test("Dates are real dd/mm/yyyy dates: awards in 2019/20–2021/22, starts after awards, ends after starts")
    func dates() throws {
        for contract in set.contracts {
            let award = try #require(Value.dayKey(contract["award_date"]!), "award \(contract["award_date"]!)")
            #expect(award >= 20190401 && award <= 20220331)
            let start = Value.dayKey(contract["start_date"]!), end = Value.dayKey(contract["end_date"]!)
            #expect(contract["start_date"]!.isEmpty == (start == nil), "start \(contract["start_date"]!)")
            #expect(contract["end_date"]!.isEmpty == (end == nil), "end \(contract["end_date"]!)")
            if let start { #expect(start > award, "\(contract["contract_id"]!) starts before its award") }
            if let start, let end { #expect(end > start) }
        }
        #expect(set.contracts.contains { $0["start_date"]!.isEmpty } && set.contracts.contains { $0["end_date"]!.isEmpty })
        #expect(set.contracts.filter { ($0["end_date"].flatMap(Value.dayKey) ?? 0) >= 20230101 }.count > 1000, "multi-year contracts")
    }

    @Test("Weightings and flags are spreadsheet-style, with some blanks and lapses")
    func weightingsAndFlags() {
        for contract in set.contracts {
            let weighting = contract["sv_weighting"]!
            #expect(weighting.isEmpty || Value.percent(weighting).map { (0...100).contains($0) } == true, "weighting \(weighting)")
            for flag in ["sv_considered", "portal", "sv_kpis"] {
                #expect(["Yes", "No", ""].contains(contract[flag]!), "\(flag) \(contract[flag]!)")
            }
        }
        let overPortal = set.contracts.filter { (Value.pence($0["value"]!) ?? 0) > 5_000_000 }
        let onPortal = overPortal.filter { $0["portal"] == "Yes" }.count
        #expect(onPortal > overPortal.count * 3 / 4 && onPortal < overPortal.count, "most, not all, contracts over £50k use the Portal")
    }

    @Test("Supplier postcodes: GM, fringe and wholly-outside districts, a few malformed or missing, BFPO and overseas")
    func postcodes() {
        let postcodes = set.suppliers.map { $0["postcode"]! }
        let districts = Set(postcodes.compactMap { Value.normalisedPostcode($0)?.split(separator: " ").first.map(String.init) })
        for district in ["SK9", "WA16", "WN8", "WA3", "OL14"] {
            #expect(districts.contains(district), "no supplier in \(district)")
        }
        #expect(postcodes.filter(\.isEmpty).count >= 3, "missing postcodes")
        #expect(postcodes.filter { !$0.isEmpty && Value.normalisedPostcode($0) == nil }.count >= 5, "malformed postcodes")
        #expect(postcodes.contains { $0.hasPrefix("BFPO") })
        #expect(postcodes.contains(SampleGeography.overseas))
        #expect(postcodes.contains { $0 != $0.uppercased() }, "some postcodes typed in lower case")
        let statuses = postcodes.map(set.gmStatus(postcode:))
        #expect(statuses.filter { $0 == "GM" }.count > postcodes.count / 2)
        #expect(set.suppliers.contains { $0["vcse"] == "Yes" } && set.suppliers.contains { $0["sme"] == "No" })
    }

    @Test("Delivery to date is below the commitment on contracts still running")
    func deliveryBehindOnRunningContracts() throws {
        var running: Set<String> = []
        for contract in set.contracts where (contract["end_date"].flatMap(Value.dayKey) ?? 99999999) > 20220331 {
            running.insert(contract["contract_id"]!)
        }
        var checked = 0
        for commitment in set.commitments where running.contains(commitment["contract_id"]!) {
            guard let delivered = Double(commitment["units_delivered"]!) else { continue }
            let committed = try #require(Double(commitment["units_committed"]!))
            #expect(delivered < committed, "\(commitment["commitment_id"]!) delivered \(delivered) of \(committed)")
            #expect(Value.date(commitment["reporting_date"]!) != nil)
            checked += 1
        }
        #expect(checked > 1000)
    }

    @Test("Measures: five themes, every proxy value illustrative, in an edition that cannot pass for a published one")
    func measures() throws {
        #expect(Set(set.measures.map { $0["theme"]! }) == ["Jobs", "Growth", "Social", "Environment", "Innovation"])
        #expect((20...30).contains(set.measures.count))
        for measure in set.measures {
            #expect(measure["illustrative"] == "yes")
            #expect(measure["edition"] == "svw-illustrative-2020")
            #expect(try #require(Value.pence(measure["proxy_value"]!)) > 0)
            #expect(!measure["unit"]!.isEmpty && !measure["description"]!.isEmpty && !measure["outcome"]!.isEmpty)
        }
        #expect(Set(set.measures.map { $0["code"]! }).isSuperset(of: SampleMeasures.verifiedCodes))
        let units = Set(set.measures.map { $0["unit"]! })
        #expect(units.isSuperset(of: ["number of FTE", "£ spent", "hours", "weeks", "tonnes CO2e", "number of people"]))
    }

    @Test("Suppliers' postcodes exercise exact placement: listed ones, split districts both ways, and unlisted ones")
    func exactGeography() throws {
        let set = SampleFixtures.committed
        var listed = 0, unlisted = 0, gmInMostlyOutside = 0, outsideInMostlyGM = 0
        for supplier in set.suppliers {
            guard let postcode = Value.normalisedPostcode(supplier["postcode"]!) else { continue }
            let district = String(postcode.split(separator: " ")[0])
            let byDistrict = (set.gmShare[district] ?? 0) > 0.5
            guard let borough = set.boroughs[postcode] else {
                if set.gmShare[district] != nil { unlisted += 1 }
                continue
            }
            listed += 1
            if !borough.isEmpty && !byDistrict { gmInMostlyOutside += 1 }
            if borough.isEmpty && byDistrict { outsideInMostlyGM += 1 }
        }
        #expect(listed > 800, "\(listed)")
        #expect(unlisted > 5, "\(unlisted)")
        #expect(gmInMostlyOutside > 5, "\(gmInMostlyOutside)")
        #expect(outsideInMostlyGM > 5, "\(outsideInMostlyGM)")
    }

    @Test("The README documents the files, the regeneration command and the illustrative values")
    func readme() throws {
        let readme = try SampleFixtures.committedFile("README.md")
        #expect(readme.contains("svw sample --contracts 4000 --seed 2021 --out SampleData"))
        for name in SampleGenerator.fileNames + ["reference/gm_outward_code_coverage.csv", "reference/gm_authorities.csv", "broken/contracts.csv", "broken/commitments.csv", "broken/unterminated.csv"] {
            #expect(readme.contains("`\(name)`"), "README does not name \(name)")
        }
        #expect(readme.contains("Contains OS data © Crown copyright and database right 2025."))
        #expect(readme.contains("illustrative"))
    }
}
