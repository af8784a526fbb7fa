/// One supplier of the pool, recomputed from its index whenever it is needed.
struct SupplierRecord {
    let id: String
    let name: String
    let category: Int
    let companyNumber: String?
    let postcode: String?
    let sme: Bool?
    let vcse: Bool?
}

/// Builds pool suppliers. A supplier's name, and so its trade, comes from its index alone
/// (through a permutation of the (prefix, word) name space, so names never repeat); the rest
/// comes from its own random stream.
struct SupplierFactory {
    let plan: SamplePlan
    let geography: SampleGeography

    private static let suffixWeights = Vocabulary.categories.map { $0.suffixes.map(\.weight) }

    static let header = ["supplier_id", "name", "company_number", "postcode", "sme", "vcse"]

    func id(ofPool index: Int) -> String {
        "SUP" + Digits.string(plan.supplierIds(index) + 1, width: plan.supplierIdWidth)
    }

    /// The trade of pool supplier `index` (cheap: no random draws).
    func category(ofPool index: Int) -> Int {
        Vocabulary.nameWords[nameSlot(index) / Vocabulary.namePrefixes.count].category
    }

    private func nameSlot(_ index: Int) -> Int {
        plan.supplierNames(index % plan.nameSpace)
    }

    func make(pool index: Int) -> SupplierRecord {
        var rng = SplitMix64.stream(seed: plan.seed, domain: StreamDomain.supplier, index: index)
        let slot = nameSlot(index)
        let prefix = Vocabulary.namePrefixes[slot % Vocabulary.namePrefixes.count]
        let (word, categoryIndex) = Vocabulary.nameWords[slot / Vocabulary.namePrefixes.count]
        let category = Vocabulary.categories[categoryIndex]
        let suffix = category.suffixes[rng.weightedIndex(Self.suffixWeights[categoryIndex])].suffix
        var name = prefix + " " + word
        let cycle = index / plan.nameSpace
        if cycle > 0 {
            let qualifiers = Vocabulary.nameQualifiers
            name += " " + (cycle <= qualifiers.count ? qualifiers[cycle - 1] : Digits.string(cycle - qualifiers.count + 1))
        }
        name += " " + suffix

        let vcse = Vocabulary.vcseSuffixes.contains(suffix)
        let companyNumber: String?
        let numberDraw = rng.below(100)
        if suffix == "Trust" || numberDraw < 8 {
            companyNumber = nil                                   // charities, and registers that left it blank
        } else if suffix == "LLP" {
            companyNumber = "OC" + Digits.string(300_000 + index % 700_000, width: 6)
        } else {
            companyNumber = Digits.string(1_000_000 + (index * 7_919 + 104_729) % 9_000_000, width: 8)
        }

        let isGM = plan.isGM(supplier: index)
        let smeDraw = rng.unit()
        let smeChance: Double
        switch suffix {
        case "PLC": smeChance = 0
        case "Group Ltd", "UK Ltd": smeChance = 0.4
        default: smeChance = vcse ? 0.9 : 0.85
        }
        let sme: Bool? = rng.chance(0.02) ? nil : smeDraw < smeChance * (isGM ? 1 : 0.75)
        let vcseFlag: Bool? = rng.chance(0.02) ? nil : vcse

        let postcode: String?
        if isGM {
            postcode = geography.gmPostcode(rng: &rng)
        } else if index == plan.bfpoIndex {
            postcode = SampleGeography.bfpo
        } else if index == plan.overseasIndex {
            postcode = SampleGeography.overseas
        } else {
            let roll = rng.below(100)
            if roll < 5 {
                postcode = nil                                     // missing: unknown
            } else if roll < 13 {
                postcode = rng.element(of: SampleGeography.malformed)   // malformed: unknown
            } else {
                postcode = geography.outsidePostcode(rng: &rng)
            }
        }
        return SupplierRecord(id: id(ofPool: index), name: name, category: categoryIndex,
                              companyNumber: companyNumber, postcode: postcode, sme: sme, vcse: vcseFlag)
    }

    /// Writes `suppliers.csv` in id order.
    func write(to output: any SampleOutput) throws {
        var csv = try CSVWriter(name: "suppliers.csv", output: output, header: Self.header)
        for idIndex in 0..<plan.supplierCount {
            let supplier = make(pool: plan.supplierIds.inverse(idIndex))
            csv.text(supplier.id)
            csv.text(supplier.name)
            if let number = supplier.companyNumber { csv.text(number) } else { csv.empty() }
            if let postcode = supplier.postcode { csv.text(postcode) } else { csv.empty() }
            csv.flag(supplier.sme)
            csv.flag(supplier.vcse)
            try csv.endRow()
        }
        try csv.finish()
    }
}
