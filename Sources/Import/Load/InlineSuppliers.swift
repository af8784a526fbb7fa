import SVWDatabase

/// Suppliers named inline in a contracts file (name, postcode, flags, company number
/// instead of a supplier id), as most published contract registers carry them. Each is
/// matched to an existing supplier by company number, then by normalised name, or
/// created with an id derived from its name.
final class InlineSuppliers {
    private let byCompany: Statement
    private let byName: Statement
    private let exists: Statement
    private let insert: Statement
    private(set) var matchedByCompany: Set<String> = []
    private(set) var matchedByName: Set<String> = []
    private(set) var created: Set<String> = []

    init(db: Database) throws {
        byCompany = try db.prepare("SELECT supplier_id FROM suppliers WHERE company_number = ?1 ORDER BY supplier_id LIMIT 1")
        byName = try db.prepare("SELECT supplier_id FROM suppliers WHERE name_key = ?1 ORDER BY supplier_id LIMIT 1")
        exists = try db.prepare("SELECT 1 FROM suppliers WHERE supplier_id = ?1")
        insert = try db.prepare("""
            INSERT INTO suppliers(supplier_id, name, name_key, company_number, postcode, postcode_raw, district,
                                  postcode_status, sme, vcse)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(supplier_id) DO NOTHING
            """)
    }

    struct Details {
        var name: String
        var companyNumber: String?
        var postcodeRaw: String?
        var sme: Bool?
        var vcse: Bool?
    }

    /// The supplier id for a row naming its supplier inline, creating the supplier if need be.
    func resolve(_ details: Details) throws -> String {
        if let number = details.companyNumber, let id = try lookup(byCompany, number) {
            if !created.contains(id) { matchedByCompany.insert(id) }
            return id
        }
        let key = SupplierIdentity.nameKey(details.name)
        if let id = try lookup(byName, key) {
            if !created.contains(id) { matchedByName.insert(id) }
            return id
        }
        let id = SupplierIdentity.derivedID(nameKey: key)
        try create(id: id, details)
        return id
    }

    /// For rows with a supplier id as well as inline details: creates the supplier under
    /// that id when the table does not have it yet.
    func ensure(id: String, _ details: Details) throws {
        try exists.bind([id])
        let found = try exists.step()
        exists.reset()
        if !found { try create(id: id, details) }
    }

    private func create(id: String, _ d: Details) throws {
        let place = d.postcodeRaw.map(Postcode.classify) ?? .missing
        try insert.bind([id, d.name, SupplierIdentity.nameKey(d.name), d.companyNumber, place.postcode, d.postcodeRaw,
                         place.district, place.status, d.sme, d.vcse])
        try insert.step()
        insert.reset()
        created.insert(id)
    }

    private func lookup(_ statement: Statement, _ value: String) throws -> String? {
        try statement.bind([value])
        defer { statement.reset() }
        return try statement.step() ? statement.value(0).string : nil
    }

    var summary: String? {
        let matched = matchedByCompany.count + matchedByName.subtracting(matchedByCompany).count
        guard matched + created.count > 0 else { return nil }
        var parts: [String] = []
        if matched > 0 {
            var how: [String] = []
            if !matchedByCompany.isEmpty { how.append("\(matchedByCompany.count) by company number") }
            if !matchedByName.isEmpty { how.append("\(matchedByName.count) by name") }
            parts.append("matched \(matched) to existing suppliers (\(how.joined(separator: ", ")))")
        }
        if !created.isEmpty { parts.append("created \(created.count) new supplier\(created.count == 1 ? "" : "s")") }
        return "inline suppliers: " + parts.joined(separator: "; ")
    }
}
