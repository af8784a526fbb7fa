/// The kinds of file `load KIND FILE` knows, and the table each one fills.
public enum ImportKind: String, CaseIterable, Sendable {
    case suppliers, contracts, commitments, measures, postcodes

    public var table: String {
        switch self {
        case .postcodes: return "postcode_districts"
        default: return rawValue
        }
    }

    public var fields: [FieldSpec] {
        switch self {
        case .suppliers: return KindFields.suppliers
        case .contracts: return KindFields.contracts
        case .commitments: return KindFields.commitments
        case .measures: return KindFields.measures
        case .postcodes: return KindFields.postcodes
        }
    }

    /// Singular noun for messages ("1 contract").
    public var noun: (one: String, many: String) {
        switch self {
        case .suppliers: return ("supplier", "suppliers")
        case .contracts: return ("contract", "contracts")
        case .commitments: return ("commitment", "commitments")
        case .measures: return ("measure", "measures")
        case .postcodes: return ("postcode district row", "postcode district rows")
        }
    }
}
