import Testing
@testable import SVWImport

@Suite struct HeaderTests {
    private func column(_ field: String, headers: [String], kind: ImportKind = .contracts, maps: [String: String] = [:]) throws -> String? {
        let required = kind.fields.filter(\.required).map(\.name)
        // Fill in the other required columns so only `field` is under test.
        let padding = required.filter { $0 != field }.map { "zz_" + $0 }
        let mapping = try HeaderMatcher.match(headers: headers + padding, fields: kind.fields,
                                              maps: maps.merging(Dictionary(uniqueKeysWithValues: required.filter { $0 != field }.map { ($0, "zz_" + $0) })) { a, _ in a },
                                              file: "f.csv")
        return mapping.columns[field].map { mapping.headers[$0] }
    }

    @Test(arguments: ["Contract Value (£)", "Awarded value", "value_gbp", "VALUE", "Total Contract Value", "contract-value"])
    func valueAliases(_ header: String) throws {
        #expect(try column("value", headers: [header]) == header)
    }

    @Test func otherAliases() throws {
        #expect(try column("supplier_postcode", headers: ["Supplier Postcode"]) == "Supplier Postcode")
        #expect(try column("sv_weighting", headers: ["SV Weighting %"]) == "SV Weighting %")
        #expect(try column("award_date", headers: ["Award Date"]) == "Award Date")
        #expect(try column("contract_id", headers: ["Contract Ref"]) == "Contract Ref")
        #expect(try column("partner", headers: ["Council"]) == "Council")
        #expect(try column("postcode", headers: ["Post Code"], kind: .suppliers) == "Post Code")
        #expect(try column("units_delivered", headers: ["Delivered to date"], kind: .commitments) == "Delivered to date")
    }

    @Test func ownNameBeatsAnAlias() throws {
        let mapping = try HeaderMatcher.match(headers: ["ID", "supplier_id", "name"], fields: ImportKind.suppliers.fields, maps: [:], file: "s.csv")
        #expect(mapping.columns["supplier_id"] == 1)
        #expect(mapping.ignored == ["ID"])
    }

    @Test func mapNamesAnyHeader() throws {
        #expect(try column("value", headers: ["Total (£)"], maps: ["value": "Total (£)"]) == "Total (£)")
        #expect(try column("value", headers: ["Total (£)"], maps: ["value": "total"]) == "Total (£)")
    }

    @Test func mapErrors() {
        #expect(throws: ImportError.badOption("--map: no field \"cost\" here (fields: supplier_id, name, company_number, postcode, address, postcode_raw, sme, vcse)")) {
            try HeaderMatcher.match(headers: ["supplier_id", "name"], fields: ImportKind.suppliers.fields, maps: ["cost": "X"], file: "s.csv")
        }
        #expect(throws: ImportError.badOption("--map name=\"Trading As\": s.csv has no such column; headers found: \"supplier_id\", \"nm\"")) {
            try HeaderMatcher.match(headers: ["supplier_id", "nm"], fields: ImportKind.suppliers.fields, maps: ["name": "Trading As"], file: "s.csv")
        }
    }

    @Test func missingRequiredColumnNamesItAndListsTheHeaders() {
        let error = ImportError.missingColumns(file: "s.csv", missing: [
            MissingColumn(field: "name", accepted: ["name", "Supplier Name", "Supplier", "Company Name", "Vendor Name", "Vendor"]),
        ], found: ["supplier_id", "Post Code"])
        #expect(throws: error) {
            try HeaderMatcher.match(headers: ["supplier_id", "Post Code"], fields: ImportKind.suppliers.fields, maps: [:], file: "s.csv")
        }
        #expect(error.description == """
            s.csv: missing required column "name" (accepted headers include "name", "Supplier Name", "Supplier", \
            "Company Name", "Vendor Name", "Vendor"; or name yours with --map name="Your Header"); headers found: "supplier_id", "Post Code"
            """)
    }

    @Test func everyMissingColumnIsNamedOnceWithTheClosestHeaders() throws {
        let headers = ["ocid", "award_id", "title", "buyer_name", "award_date", "value_amount", "supplier_name"]
        do {
            _ = try HeaderMatcher.match(headers: headers, fields: ImportKind.contracts.fields, maps: [:], file: "cf.csv")
            Issue.record("expected an error")
        } catch let error as ImportError {
            #expect(error.description == """
                cf.csv: missing required columns "partner", "value":
                  partner: did you mean "buyer_name"? (accepted headers include "partner", "Partner", "Council", "Partner Council", "Authority", "Buyer")
                  value: did you mean "value_amount"? (accepted headers include "value", "Value", "Contract Value", "Contract Value (£)", "Awarded Value", "Award Value")
                name yours with --map FIELD="Your Header"; headers found: "ocid", "award_id", "title", "buyer_name", "award_date", "value_amount", "supplier_name"
                """)
        }
    }

    @Test func twoEquallyGoodColumnsAreAmbiguous() {
        #expect(throws: ImportError.ambiguousColumn(file: "s.csv", field: "name", headers: ["Supplier Name", "supplier name"])) {
            try HeaderMatcher.match(headers: ["supplier_id", "Supplier Name", "supplier name"], fields: ImportKind.suppliers.fields, maps: [:], file: "s.csv")
        }
    }

    /// A header may only ever mean one field of a kind.
    @Test(arguments: ImportKind.allCases)
    func aliasesAreDisjoint(_ kind: ImportKind) {
        var owner: [String: String] = [:]
        for field in kind.fields {
            for key in Set(field.keys) {
                #expect(owner[key] == nil, "\(kind): \"\(key)\" is both \(owner[key] ?? "") and \(field.name)")
                owner[key] = field.name
            }
        }
    }
}
