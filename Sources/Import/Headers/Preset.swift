/// A published file layout svw knows by its headers: which column feeds which field,
/// which columns must not be taken for a field they only look like, and how to say it
/// was recognised. Detected from the header row, or chosen with `--preset NAME`.
///
/// Sources for the column names are cited beside the fixtures (Tests/Fixtures/presets/README.md).
public struct Preset: Sendable {
    public let name: String
    public let title: String
    /// The kind of load it is for.
    public let kind: ImportKind
    /// Normalised headers that must all be present for the layout to be recognised.
    let signature: [String]
    /// Field → the headers that feed it, first present wins.
    let fields: [(String, [String])]
    /// Headers never matched to a field by their look (a notice's own "Postcode" is not the supplier's).
    let ignored: [String]
    /// Notes said when the preset is used.
    let notes: [String]

    /// The Contracts Finder search export (contractsfinder.service.gov.uk, Search → Download CSV):
    /// one row per notice, the awarded suppliers packed into one column.
    public static let contractsFinder = Preset(
        name: "contracts-finder", title: "the Contracts Finder CSV export", kind: .contracts,
        signature: ["noticeidentifier", "organisationname", "awardeddate", "awardedvalue"],
        fields: [("contract_id", ["Notice Identifier"]), ("partner", ["Organisation Name"]), ("title", ["Title"]),
                 ("category", ["Cpv Codes"]), ("award_date", ["Awarded Date"]), ("value", ["Awarded Value"]),
                 ("start_date", ["Contract start date"]), ("end_date", ["Contract end date"])],
        ignored: ["Postcode", "Contact Postcode", "Start Date", "End Date", "Description", "Status", "Region"],
        notes: ["several suppliers of one notice are read from its packed supplier column"])

    /// A contract register published under the Local Government Transparency Code 2015
    /// (paragraphs 36–37), with the column titles of the LGA's contracts register schema.
    public static let transparencyCode = Preset(
        name: "lgtc-register", title: "a Local Government Transparency Code contract register", kind: .contracts,
        signature: ["contractreferencenumber", "suppliername"],
        fields: [("contract_id", ["Contract reference number", "Reference number"]),
                 ("partner", ["Organisation label", "Organisation name", "Organisation"]),
                 ("title", ["Title", "Title of agreement"]),
                 ("category", ["Procurement category", "Service category label", "CPV label"]),
                 ("supplier_name", ["Supplier name"]),
                 ("supplier_company_number", ["Supplier registered company number", "Registration number"]),
                 ("supplier_sme", ["SME", "Is the supplier an SME", "SME supplier"]),
                 ("supplier_vcse", ["VCSE", "Is the supplier a VCSE", "VCSE supplier"]),
                 ("supplier_postcode", ["Supplier postcode"]),
                 // The register gives start dates, not award dates: a contract's year is its start's.
                 ("award_date", ["Award date", "Contract start date", "Start date"]),
                 ("start_date", ["Contract start date", "Start date"]),
                 ("end_date", ["Contract end date", "End date"]),
                 ("value", ["Contract value", "Value", "Sum to be paid over the length of the contract"])],
        ignored: ["Review date", "Irrecoverable VAT", "Value Added Tax that cannot be recovered", "VCSE supplier type"],
        notes: ["award dates read from the contract start date where the register has no award date"])

    public static let all = [contractsFinder, transparencyCode]

    public static func named(_ name: String) -> Preset? { all.first { $0.name == name.lowercased() } }

    /// The preset whose signature the headers carry, if any.
    static func detect(headers: [String], kind: ImportKind) -> Preset? {
        let normalised = Set(headers.map(HeaderMatcher.normalise))
        return all.first { $0.kind == kind && $0.signature.allSatisfy(normalised.contains) }
    }

    /// `--map` values for the headers this file has (the user's own `--map` wins).
    func maps(for headers: [String], userMaps: [String: String]) -> [String: String] {
        var maps = userMaps
        let normalised = headers.map(HeaderMatcher.normalise)
        var used = Set(userMaps.values.map(HeaderMatcher.normalise))
        for (field, candidates) in fields where maps[field] == nil {
            if let header = candidates.lazy.compactMap({ c in
                normalised.firstIndex(of: HeaderMatcher.normalise(c)).map { headers[$0] }
            }).first(where: { !used.contains(HeaderMatcher.normalise($0)) }) {
                maps[field] = header
                used.insert(HeaderMatcher.normalise(header))
            }
        }
        return maps
    }

    /// Column indexes never matched by look.
    func ignoredColumns(in headers: [String]) -> Set<Int> {
        let keys = Set(ignored.map(HeaderMatcher.normalise))
        return Set(headers.indices.filter { keys.contains(HeaderMatcher.normalise(headers[$0])) })
    }
}
