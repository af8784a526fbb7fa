import SVWDatabase
import SVWText

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
    /// Rows that matched a supplier but gave it a different postcode (the supplier keeps its own).
    private(set) var postcodeConflicts = 0
    private var firstConflict: (name: String, kept: String, ignored: String)?

    init(db: Database) throws {
        byCompany = try db.prepare("""
            SELECT supplier_id, coalesce(postcode, postcode_raw), name FROM suppliers
             WHERE company_number = ?1 ORDER BY supplier_id LIMIT 1
            """)
        byName = try db.prepare("""
            SELECT supplier_id, coalesce(postcode, postcode_raw), name FROM suppliers
             WHERE name_key = ?1 ORDER BY supplier_id LIMIT 1
            """)
        exists = try db.prepare("SELECT 1 FROM suppliers WHERE supplier_id = ?1")
        insert = try db.prepare("""
            INSERT INTO suppliers(supplier_id, name, name_key, company_number, postcode, postcode_raw, district,
                                  postcode_status, sme, vcse, postcode_source, name_missing)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT(supplier_id) DO NOTHING
            """)
    }

    struct Details {
        /// Nil for a supplier given by id alone (published data has `"name": null`).
        var name: String?
        var companyNumber: String?
        var postcodeRaw: String?
        var address: String?
        var sme: Bool?
        var vcse: Bool?
    }

    /// The supplier id for a row naming its supplier inline, creating the supplier if need be.
    func resolve(_ details: Details) throws -> String {
        guard let name = details.name else { preconditionFailure("a supplier without a name is resolved by its id") }
        if let number = details.companyNumber, let found = try lookup(byCompany, number) {
            if !created.contains(found.id) { matchedByCompany.insert(found.id) }
            checkPostcode(details, against: found)
            return found.id
        }
        let key = SupplierIdentity.nameKey(name)
        if let found = try lookup(byName, key) {
            if !created.contains(found.id) { matchedByName.insert(found.id) }
            checkPostcode(details, against: found)
            return found.id
        }
        let id = SupplierIdentity.derivedID(nameKey: key)
        try create(id: id, details)
        return id
    }

    /// The existing supplier with this Companies House number, if any (for a supplier given
    /// without a name, which cannot be matched by name).
    func supplier(withCompanyNumber number: String) throws -> String? {
        guard let found = try lookup(byCompany, number) else { return nil }
        if !created.contains(found.id) { matchedByCompany.insert(found.id) }
        return found.id
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
        let place = SupplierPlace.locate(postcodeField: d.postcodeRaw, address: d.address)
        let name = d.name ?? id
        try insert.bind([id, name, SupplierIdentity.nameKey(name), d.companyNumber, place.postcode.postcode, place.raw,
                         place.postcode.district, place.postcode.status, d.sme, d.vcse, place.source, d.name == nil ? 1 : 0])
        try insert.step()
        insert.reset()
        created.insert(id)
        places.count(place)
        if d.name == nil { nameless += 1 }
    }

    /// Where the created suppliers' postcodes came from.
    private(set) var places = PlaceTally()
    /// Created suppliers given by id alone.
    private(set) var nameless = 0

    private struct Found {
        let id: String
        /// Normalised postcode, else as written; nil when the supplier has none.
        let postcode: String?
        let name: String
    }

    private func lookup(_ statement: Statement, _ value: String) throws -> Found? {
        try statement.bind([value])
        defer { statement.reset() }
        guard try statement.step(), let id = statement.value(0).string else { return nil }
        return Found(id: id, postcode: statement.value(1).string, name: statement.value(2).string ?? id)
    }

    /// A row that names a known supplier with another postcode does not move the supplier:
    /// the first postcode stays, and the summary says how many rows disagreed.
    private func checkPostcode(_ details: Details, against found: Found) {
        guard let raw = details.postcodeRaw ?? details.address.flatMap({ PostcodeInText.last(in: $0)?.postcode }) else { return }
        let given = Postcode.classify(raw).postcode ?? raw
        guard let kept = found.postcode, kept != given else { return }
        postcodeConflicts += 1
        if firstConflict == nil { firstConflict = (found.name, kept, given) }
    }

    var summary: String? {
        // A supplier matched by company number on one row and by name on another counts once, as by company number.
        let byName = matchedByName.subtracting(matchedByCompany).count
        let matched = matchedByCompany.count + byName
        guard matched + created.count + postcodeConflicts > 0 else { return nil }
        var parts: [String] = []
        if matched > 0 {
            var how: [String] = []
            if !matchedByCompany.isEmpty { how.append("\(NumberText.grouped(matchedByCompany.count)) by company number") }
            if byName > 0 { how.append("\(NumberText.grouped(byName)) by name") }
            let noun = Plural.noun(matched, "an existing supplier", "existing suppliers")
            parts.append("matched \(NumberText.grouped(matched)) to \(noun) (\(how.joined(separator: ", ")))")
        }
        if !created.isEmpty { parts.append("created \(Plural.counted(created.count, "new supplier"))") }
        if let first = firstConflict {
            let rows = Plural.counted(postcodeConflicts, "row gives", "rows give")
            parts.append("\(rows) a matched supplier a different postcode; each supplier keeps its first "
                         + "(\(first.name): \(first.kept) kept, \(first.ignored) not used)")
        }
        if nameless > 0 {
            parts.append("\(NumberText.grouped(nameless)) given by id with no name, kept under the id (name_missing = 1)")
        }
        return "inline suppliers: " + parts.joined(separator: "; ")
    }
}
