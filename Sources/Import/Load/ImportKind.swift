/// The kinds of file `load KIND FILE` knows, and the table each one fills.
public enum ImportKind: String, CaseIterable, Sendable {
    case suppliers, contracts, commitments, measures, postcodes
    /// Full postcodes with their district and GM borough (`postcode_index`).
    case postcodeIndex = "postcode-index"

    public var table: String {
        switch self {
        case .postcodes: return "postcode_districts"
        case .postcodeIndex: return "postcode_index"
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
        case .postcodeIndex: return KindFields.postcodeIndex
        }
    }

    /// Whether the loader's coercion of every field guarantees each CHECK constraint of the
    /// table it fills (and of the suppliers a contracts file adds), so SQLite need not
    /// evaluate them again per row (see `Importer`). The other kinds' files are small.
    var coercionCoversChecks: Bool {
        switch self {
        case .suppliers, .contracts, .commitments: return true
        case .measures, .postcodes, .postcodeIndex: return false
        }
    }

    /// The tables whose keys this kind's rows name by foreign key (a contract's supplier, a
    /// commitment's contract).
    var parentTables: Set<String> {
        switch self {
        case .contracts: return ["suppliers"]
        case .commitments: return ["contracts"]
        case .suppliers, .measures, .postcodes, .postcodeIndex: return []
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
        case .postcodeIndex: return ("postcode", "postcodes")
        }
    }
}
