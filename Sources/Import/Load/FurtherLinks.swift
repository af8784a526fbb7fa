import SVWDatabase
import SVWText

/// The further suppliers a contracts load links to contracts it met on earlier rows (framework
/// and lot awards, flattened to a row per supplier): each (contract, supplier) once, never the
/// contract's own lead supplier, and only a supplier that exists. What a refused link is
/// called, and on which field, is the caller's: the loads on one thread and on two keep the
/// row they explain differently.
final class FurtherLinks {
    enum Outcome {
        case linked
        /// The contract has this supplier already, from the line given.
        case duplicate(earlierLine: Int32)
        case unknownSupplier
        /// The link was refused by the table (a supplier SQLite found unknown, or another constraint).
        case refused(SQLiteError)
    }

    private let insert: Statement
    /// The same, given the rowid of the contract's first row: a seek by rowid, where a fresh
    /// table's key index may be pending (`FreshTable`).
    private let insertByRowid: Statement
    private let knownSuppliers: KnownKeys?
    /// The line each (contract, supplier) pair was linked on, by a hash of the pair.
    private var pairs: [UInt64: Int32] = [:]
    /// The contracts given a further supplier, by the hash of their id.
    private var shared: Set<UInt64> = []
    /// Rows that added a supplier to a contract met before (a packed cell of several counts once).
    var linkedRows = 0

    init(db: Database, knownSuppliers: KnownKeys?) throws {
        insert = try db.prepare("""
            INSERT INTO further_suppliers(contract_id, supplier_id) SELECT ?1, ?2 WHERE ?2 IS NOT (SELECT supplier_id FROM contracts WHERE contract_id = ?1) ON CONFLICT DO NOTHING
            """)
        insertByRowid = try db.prepare("""
            INSERT INTO further_suppliers(contract_id, supplier_id) SELECT ?1, ?2 WHERE ?2 IS NOT (SELECT supplier_id FROM contracts WHERE rowid = ?3) ON CONFLICT DO NOTHING
            """)
        self.knownSuppliers = knownSuppliers
    }

    /// Links `supplier` (whose id hashes to `hash`) to `contract` (`key`), whose first row was
    /// `first`, for the row on `line`.
    func link(contract: String, key: UInt64, supplier: String, hash: UInt64, first: ContractLoader.FirstRow,
              line: Int32) throws -> Outcome {
        let pair = key ^ (hash &* 0x9E37_79B9_7F4A_7C15)
        if hash == first.lead { return .duplicate(earlierLine: first.line) }
        if let earlier = pairs[pair] { return .duplicate(earlierLine: earlier) }
        if let knownSuppliers, !knownSuppliers.contains(supplier) { return .unknownSupplier }
        let statement = first.rowid == nil ? insert : insertByRowid
        try statement.bind([contract, supplier])
        if let rowid = first.rowid { try statement.bind(.integer(rowid), at: 3) }
        do {
            try statement.step()
            statement.reset()
        } catch let error as SQLiteError where error.isConstraint {
            return .refused(error)
        }
        pairs[pair] = line
        shared.insert(key)
        return .linked
    }

    /// The report's note on the contracts given several suppliers; nil when none was.
    var note: String? {
        guard !shared.isEmpty else { return nil }
        let rows = linkedRows == 0 ? "" : "\(Plural.counted(linkedRows, "further row")) "
        return "several suppliers: \(rows)added a supplier to \(Plural.counted(shared.count, "contract")) "
            + "(framework or lot awards; each contract's value is counted once)"
    }
}
