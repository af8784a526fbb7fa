import Foundation

/// The deterministic sample data generator behind `svw sample` and the bundled SampleData.
///
/// The same contract count and seed give byte-identical files on any machine: the only
/// randomness is the generator's own SplitMix64, numbers are formatted by hand, and no libm
/// function is used. Files are written in one streaming pass after two cheap counting passes,
/// so memory stays flat for millions of rows.
///
/// For financial year 2020/21 the set reproduces the published figures: committed social value
/// 28% of the value awarded (≈ £60m of ≈ £214m at 4,000 contracts), 77% of distinct winning
/// suppliers in GM, £1m delivered through the service's own workforce, and a mean weighting of at
/// least 20% on contracts over £25,000. Amounts scale with the contract count; percentages hold
/// at every size.
public enum SampleGenerator {
    /// Contracts in a set when none is asked for: the size the published figures describe.
    public static let defaultContracts = SamplePlan.referenceContracts
    /// The seed when none is given; the same seed always gives the same bytes.
    public static let defaultSeed: UInt64 = 2021
    /// The largest set the generator writes.
    public static let maximumContracts = 20_000_000

    /// Every file the generator writes, in the order a workspace should load them.
    public static let fileNames = ["postcode_districts.csv", PostcodeIndexFile.name, "measures.csv", "suppliers.csv",
                                   "contracts.csv", "commitments.csv"]

    /// The columns of `contracts.csv`, in order.
    public static let contractHeader = ["contract_id", "partner", "title", "category", "supplier_id", "award_date",
                                        "start_date", "end_date", "value", "sv_weighting", "sv_considered", "portal", "sv_kpis"]

    /// How many rows of each kind a run wrote.
    public struct Summary: Equatable, Sendable {
        /// Suppliers written to `suppliers.csv`.
        public let suppliers: Int
        /// Contracts written to `contracts.csv`.
        public let contracts: Int
        /// Commitments written to `commitments.csv`.
        public let commitments: Int
    }

    /// Writes the set into `directory` (created if needed). Files appear only once all are complete.
    @discardableResult
    public static func write(contracts: Int, seed: UInt64, postcodeIndex: PostcodeIndexFile,
                             toDirectory directory: URL) throws -> Summary {
        let output = try DirectorySampleOutput(directory: directory)
        do {
            let summary = try generate(contracts: contracts, seed: seed, postcodeIndex: postcodeIndex, into: output)
            try output.commit()
            return summary
        } catch {
            output.discard()
            throw error
        }
    }

    /// Writes the whole set of `fileNames` for `contracts` contracts from `seed` to `output`, deterministically.
    @discardableResult
    public static func generate(contracts: Int, seed: UInt64, postcodeIndex: PostcodeIndexFile,
                                into output: any SampleOutput) throws -> Summary {
        guard (1...maximumContracts).contains(contracts) else { throw SampleError.invalidContractCount(contracts) }
        let plan = SamplePlan(contracts: contracts, seed: seed)
        let geography = SampleGeography(tableText: PostcodeDistrictsFile.text, index: postcodeIndex,
                                  partners: Vocabulary.partners.map(\.name))
        let suppliers = SupplierFactory(plan: plan, geography: geography)
        var drafter = ContractDrafter(plan: plan, suppliers: suppliers)
        let years = plan.years

        // Pass 1: each year's raw value total fixes the scale that meets its awarded target.
        var rawTotals = Array(repeating: 0.0, count: years.count)
        for index in 0..<contracts {
            let core = drafter.core(index)
            rawTotals[core.year] += core.rawValuePence
        }
        drafter.valueScale = zip(years, rawTotals).map { year, raw in raw > 0 ? year.awardedTargetPence / raw : 1 }

        // Pass 2: the awarded totals and social value weights fix each year's social value scale.
        var floors = years.map { WeightingFloor(floorTenths: $0.profile.meanWeightingFloorTenths) }
        var awarded = Array(repeating: Int64(0), count: years.count)
        var socialValueWeights = Array(repeating: 0.0, count: years.count)
        for index in 0..<contracts {
            let draft = drafter.draft(index, floors: &floors)
            awarded[draft.core.year] += draft.valuePence
            socialValueWeights[draft.core.year] += draft.socialValueWeight
        }
        let socialValueScale = years.indices.map { number in
            socialValueWeights[number] > 0
                ? years[number].profile.committedRate * Double(awarded[number]) / socialValueWeights[number] : 0
        }

        // Pass 3: the files.
        try output.begin(PostcodeDistrictsFile.name)
        try output.append(Array(PostcodeDistrictsFile.text.utf8), to: PostcodeDistrictsFile.name)
        try output.end(PostcodeDistrictsFile.name)
        try output.begin(PostcodeIndexFile.name)
        try output.append(Array(postcodeIndex.text.utf8), to: PostcodeIndexFile.name)
        try output.end(PostcodeIndexFile.name)
        try SampleMeasures.write(to: output)
        try suppliers.write(to: output)

        var contractsCSV = try CSVWriter(name: "contracts.csv", output: output, header: contractHeader)
        var commitments = try CommitmentWriter(plan: plan, output: output)
        floors = years.map { WeightingFloor(floorTenths: $0.profile.meanWeightingFloorTenths) }
        for (number, year) in years.enumerated() {
            for index in year.firstContract..<(year.firstContract + year.contracts) {
                let draft = drafter.draft(index, floors: &floors)
                let id = "CT" + Digits.string(index + 1, width: plan.contractIdWidth)
                contractsCSV.text(id)
                contractsCSV.text(Vocabulary.partners[draft.partner].name)
                contractsCSV.text(drafter.title(for: draft))
                contractsCSV.text(Vocabulary.categories[draft.core.category].name)
                contractsCSV.text(suppliers.id(ofPool: draft.core.supplier))
                contractsCSV.date(draft.award)
                contractsCSV.date(draft.start)
                contractsCSV.date(draft.end)
                contractsCSV.money(pence: draft.valuePence)
                contractsCSV.percent(tenths: draft.weightingTenths)
                contractsCSV.flag(draft.considered)
                contractsCSV.flag(draft.portal)
                contractsCSV.flag(draft.kpis)
                try contractsCSV.endRow()
                try commitments.write(contract: draft, id: id,
                                      targetPence: draft.socialValueWeight * socialValueScale[number])
            }
            try commitments.writeOwnWorkforce(year: number)
        }
        try contractsCSV.finish()
        let commitmentRows = commitments.rows
        try commitments.finish()
        return Summary(suppliers: plan.supplierCount, contracts: contracts, commitments: commitmentRows)
    }
}
