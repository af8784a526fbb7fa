/// One award of an OCDS release, reduced to what svw keeps, with where it was read. Staged
/// while the file streams by, so only the latest release of each award is written.
struct OCDSAward {
    struct Supplier {
        var id: String?
        var name: String?
        var companyNumber: String?
        var postcode: String?
        var address: String?
        var scale: String?
        var vcse: String?
    }

    var ocid: String?
    var awardID: String?
    var title: String?
    var partner: String?
    var category: String?
    var awardDate: String?
    var startDate: String?
    var endDate: String?
    var amount: String?
    var currency: String?
    var status: String?
    var suppliers: [Supplier] = []
    /// The release's date (ISO), which decides which release of an award is the latest.
    var releaseDate: String = ""
    var isUpdate = false
    var line = 0
    var column = 0

    /// Same award in different releases: the process (ocid) and the award's id.
    var key: String { (ocid ?? "") + "\u{1F}" + (awardID ?? "line \(line)") }

    // Staged as one text: fields apart by US, suppliers by RS, a missing value as CAN. Far
    // cheaper than JSON coding, and no text from a file holds those control characters.
    private static let unit = "\u{1F}", record = "\u{1E}", none = "\u{18}"

    private static func put(_ values: [String?]) -> String { values.map { $0 ?? none }.joined(separator: unit) }
    private static func get(_ bytes: ArraySlice<UInt8>) -> [String?] {
        bytes.split(separator: 0x1F, omittingEmptySubsequences: false).map { field in
            field.count == 1 && field.first == 0x18 ? nil : String(decoding: field, as: UTF8.self)
        }
    }

    var staged: String {
        let head = Self.put([ocid, awardID, title, partner, category, awardDate, startDate, endDate, amount, currency, status,
                             releaseDate, isUpdate ? "1" : "0", String(line), String(column)])
        let rest = suppliers.map { Self.put([$0.id, $0.name, $0.companyNumber, $0.postcode, $0.address, $0.scale, $0.vcse]) }
        return ([head] + rest).joined(separator: Self.record)
    }

    init() {}

    init(staged text: String) {
        let parts = Array(text.utf8).split(separator: 0x1E, omittingEmptySubsequences: false)
        let f = Self.get(parts[0])
        ocid = f[0]; awardID = f[1]; title = f[2]; partner = f[3]; category = f[4]; awardDate = f[5]
        startDate = f[6]; endDate = f[7]; amount = f[8]; currency = f[9]; status = f[10]
        releaseDate = f[11] ?? ""; isUpdate = f[12] == "1"; line = Int(f[13] ?? "") ?? 0; column = Int(f[14] ?? "") ?? 0
        suppliers = parts.dropFirst().map { part in
            let g = Self.get(part)
            return Supplier(id: g[0], name: g[1], companyNumber: g[2], postcode: g[3], address: g[4], scale: g[5], vcse: g[6])
        }
    }
}

/// Reads the awards of one OCDS release (a compiled release of a record reads the same).
enum OCDSRelease {
    static func awards(of release: JSONValue, line: Int, column: Int) -> [OCDSAward] {
        let parties = release["parties"]?.array ?? []
        var partyByID: [String: JSONValue] = [:]
        for party in parties { if let id = party["id"]?.text { partyByID[id] = party } }
        let buyer = release["buyer", "name"]?.text
            ?? parties.first { party in party["roles"]?.array.contains { $0.text == "buyer" } == true }?["name"]?.text
        let tags = release["tag"]?.array.compactMap(\.text) ?? []
        let tenderClass = classification(release["tender", "classification"]) ?? firstItemClass(release["tender", "items"])
        let contracts = release["contracts"]?.array ?? []

        return (release["awards"]?.array ?? []).map { award in
            var a = OCDSAward()
            a.ocid = release["ocid"]?.text
            a.awardID = award["id"]?.text
            a.title = release["tender", "title"]?.text ?? release["title"]?.text ?? award["title"]?.text
            a.partner = buyer
            a.category = firstItemClass(award["items"]) ?? tenderClass
            a.awardDate = (award["date"]?.text ?? release["date"]?.text).map { String($0.prefix(10)) }
            let contract = contracts.first { $0["awardID"]?.text == a.awardID }
            let period = award["contractPeriod"] ?? contract?["period"]
            a.startDate = period?["startDate"]?.text.map { String($0.prefix(10)) }
            a.endDate = period?["endDate"]?.text.map { String($0.prefix(10)) }
            a.amount = award["value", "amount"]?.text
            a.currency = award["value", "currency"]?.text
            a.status = award["status"]?.text
            a.suppliers = (award["suppliers"]?.array ?? []).map { ref in
                supplier(ref, party: ref["id"]?.text.flatMap { partyByID[$0] })
            }
            a.releaseDate = release["date"]?.text ?? ""
            a.isUpdate = tags.contains("awardUpdate")
            a.line = line
            a.column = column
            return a
        }
    }

    /// A supplier from its reference in the award and its entry in `parties`.
    static func supplier(_ ref: JSONValue, party: JSONValue?) -> OCDSAward.Supplier {
        var s = OCDSAward.Supplier()
        s.id = ref["id"]?.text ?? party?["id"]?.text
        s.name = party?["name"]?.text ?? ref["name"]?.text
        let identifiers = [party?["identifier"]].compactMap { $0 } + (party?["additionalIdentifiers"]?.array ?? [])
        if let coh = identifiers.first(where: { $0["scheme"]?.text?.uppercased() == "GB-COH" }) {
            s.companyNumber = coh["id"]?.text.flatMap(SupplierIdentity.companyNumber)
        }
        if let address = party?["address"] {
            s.postcode = address["postalCode"]?.text
            let parts = ["streetAddress", "locality", "region", "postalCode", "countryName"].compactMap { address[$0]?.text }
            s.address = parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
        s.scale = party?["details", "scale"]?.text
        s.vcse = party?["details", "vcse"]?.text
        return s
    }

    /// `45233000: Construction work for highways` from a classification object.
    static func classification(_ value: JSONValue?) -> String? {
        guard let value, let id = value["id"]?.text else { return value?["description"]?.text }
        if let description = value["description"]?.text { return id + ": " + description }
        return id
    }

    static func firstItemClass(_ items: JSONValue?) -> String? {
        items?.array.lazy.compactMap { classification($0["classification"]) }.first
    }
}
