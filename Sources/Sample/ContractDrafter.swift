/// A contract's supplier, trade and unscaled value: the part of a contract that the first pass
/// needs to learn each year's total before any value is fixed.
struct ContractCore {
    let year: Int
    let indexInYear: Int
    let supplier: Int
    let category: Int
    let rawValuePence: Double
}

/// Everything about a contract except its text and commitments.
struct ContractDraft {
    let index: Int
    let core: ContractCore
    let partner: Int
    let award: CivilDate
    let valuePence: Int64
    let weightingTenths: Int?
    let considered: Bool?
    let portal: Bool?
    let kpis: Bool?
    let start: CivilDate?
    let end: CivilDate?
    let commitmentCount: Int
    /// This contract's share of its year's social value, before the year is scaled to its target.
    let socialValueWeight: Double

    var applicable: Bool { valuePence > ContractDrafter.applicableThresholdPence }
}

/// Keeps a year's mean weighting over applicable contracts at or above a floor, deciding each
/// contract in turn (so it needs no look-ahead): a weighting that would pull the running mean
/// below the floor is raised just enough, in steps of 5 points.
struct WeightingFloor {
    let floorTenths: Int?
    private(set) var sum = 0
    private(set) var count = 0

    init(floorTenths: Int?) { self.floorTenths = floorTenths }

    mutating func settle(_ tenths: Int) -> Int {
        var value = tenths
        if let floorTenths {
            let needed = floorTenths * (count + 1) - sum
            if value < needed { value = min(400, (needed + 49) / 50 * 50) }
        }
        sum += value
        count += 1
        return value
    }
}

/// Draws contracts. Every contract has its own random streams, so a pass can recompute any
/// contract from its index: the generator makes three passes (raw values → yearly value scale;
/// drafts → yearly social value scale; drafts again → files) and stores nothing per contract.
struct ContractDrafter {
    static let applicableThresholdPence: Int64 = 2_500_000      // £25,000: social value applies above it
    static let portalThresholdPence: Int64 = 5_000_000          // £50,000: the Social Value Portal
    private static let medianValuePence = 5_000_000.0

    let plan: SamplePlan
    let suppliers: SupplierFactory
    /// Per year: multiplies raw values so the year's awarded total meets its target.
    var valueScale: [Double]

    init(plan: SamplePlan, suppliers: SupplierFactory) {
        self.plan = plan
        self.suppliers = suppliers
        valueScale = Array(repeating: 1, count: plan.years.count)
    }

    func core(_ index: Int) -> ContractCore {
        let yearNumber = plan.year(ofContract: index)
        let year = plan.years[yearNumber]
        let indexInYear = index - year.firstContract
        var rng = SplitMix64.stream(seed: plan.seed, domain: StreamDomain.contractValue, index: index)
        let popularityDraw = rng.unit(), rankDraw = rng.unit()
        let covering = year.cover(indexInYear)
        let slot: Int
        if covering < year.winners {
            slot = covering                                  // every window supplier wins once…
        } else {                                             // …and popular ones win again
            let skew = popularityDraw < 0.4 ? rankDraw : rankDraw * rankDraw
            slot = year.popularity(min(year.winners - 1, Int(skew * Double(year.winners))))
        }
        let supplier = plan.supplier(year: yearNumber, slot: slot)
        let category = suppliers.category(ofPool: supplier)
        let spread = DeterministicMath.exp(1.55 * rng.normal())
        let major = rng.chance(0.006) ? 10.0 : 1.0           // the odd major scheme
        let national = plan.isGM(supplier: supplier) ? 1.0 : 1.4
        let raw = Self.medianValuePence * Vocabulary.categories[category].valueFactor * national * spread * major
        return ContractCore(year: yearNumber, indexInYear: indexInYear, supplier: supplier, category: category, rawValuePence: raw)
    }

    func draft(_ index: Int, floors: inout [WeightingFloor]) -> ContractDraft {
        let core = core(index)
        let year = plan.years[core.year]
        let profile = year.profile
        var rng = SplitMix64.stream(seed: plan.seed, domain: StreamDomain.contract, index: index)

        let partner = rng.weightedIndex(Vocabulary.partnerWeights)
        let days = year.profile.lastDay - year.profile.firstDay + 1
        let offset = Int((Double(core.indexInYear) + rng.unit()) * Double(days) / Double(year.contracts))
        let award = (profile.firstDay + min(offset, days - 1)).onWorkingDay

        let valuePence = Self.roundValue(core.rawValuePence * valueScale[core.year], roll: rng.below(100))
        let applicable = valuePence > Self.applicableThresholdPence

        // Weighting: all draws are made whatever the branch, so later draws do not move.
        let presence = rng.unit(), pick = rng.unit(), shift = rng.unit(), half = rng.unit()
        var weighting: Int?
        if !applicable {
            weighting = presence < 0.55 ? nil : presence < 0.85 ? 0 : (pick < 0.5 ? 50 : 100)
        } else if presence < 0.03 {
            weighting = nil
        } else {
            var tenths = Self.bandWeighting(valuePence: valuePence, draw: pick)
            if shift < profile.weightingShift.probability { tenths += profile.weightingShift.tenths }
            if half < 0.03 { tenths -= 25 }
            weighting = floors[core.year].settle(min(400, max(50, tenths)))
        }

        let consideredDraw = rng.unit(), portalDraw = rng.unit(), kpiDraw = rng.unit()
        let blankConsidered = rng.unit(), blankPortal = rng.unit(), blankKPIs = rng.unit()
        var considered = applicable ? consideredDraw < profile.consideredRate : consideredDraw < 0.2
        let portalChance = valuePence > Self.portalThresholdPence ? profile.portalRate : applicable ? 0.15 : 0.02
        let portal = portalDraw < portalChance
        if portal { considered = true }
        let kpis = kpiDraw < (portal ? profile.kpiRate : considered ? 0.25 : 0.03)

        let startGap = rng.between(14, 90), firstOfMonth = rng.chance(0.4)
        let durations = Vocabulary.categories[core.category].durationsMonths
        let months = durations[rng.below(durations.count)]
        let blankStart = rng.chance(0.03), blankEnd = rng.chance(0.03)
        var start = award + startGap
        if firstOfMonth {
            let (y, m, _) = start.components
            start = CivilDate(y, m, 1).addingMonths(1)
        }
        let end = start.addingMonths(months) + -1

        let manyCommitments = rng.between(4, 9), fewCommitments = rng.between(1, 3)
        let commitmentDraw = rng.unit(), ratioDraw = rng.unit()
        let count: Int
        if portal {
            count = manyCommitments
        } else if considered && applicable {
            count = commitmentDraw < 0.5 ? fewCommitments : 0
        } else if considered {
            count = commitmentDraw < 0.2 ? 1 : 0
        } else {
            count = 0
        }
        let ratio = Double(max(weighting ?? 100, 50)) / 1000 * (0.5 + ratioDraw) * (portal ? 1 : 0.6)

        return ContractDraft(
            index: index, core: core, partner: partner, award: award, valuePence: valuePence,
            weightingTenths: weighting,
            considered: blankConsidered < (applicable ? 0.01 : 0.10) && !portal ? nil : considered,
            portal: blankPortal < 0.01 ? nil : portal,
            kpis: blankKPIs < 0.02 ? nil : kpis,
            start: blankStart ? nil : start, end: blankEnd ? nil : end,
            commitmentCount: count, socialValueWeight: count > 0 ? Double(valuePence) * ratio : 0)
    }

    /// Registers mostly hold round figures: many values to the £1,000 or £100, the rest to the penny.
    private static func roundValue(_ pence: Double, roll: Int) -> Int64 {
        var value = Int64(pence.rounded())
        if value >= 1_000_000 {
            if roll < 45 { value = (value + 50_000) / 100_000 * 100_000 } else if roll < 70 { value = (value + 5_000) / 10_000 * 10_000 }
        } else if roll < 50 {
            value = (value + 500) / 1_000 * 1_000
        }
        return max(value, 50_000)
    }

    /// Social value weightings by contract size: bigger contracts carry more, mostly 5–30%.
    private static func bandWeighting(valuePence: Int64, draw: Double) -> Int {
        let options: [(tenths: Int, weight: Int)]
        if valuePence <= 10_000_000 {
            options = [(50, 5), (100, 20), (150, 20), (200, 30), (250, 15), (300, 10)]
        } else if valuePence <= 100_000_000 {
            options = [(100, 10), (150, 15), (200, 35), (250, 20), (300, 20)]
        } else {
            options = [(150, 10), (200, 30), (250, 20), (300, 30), (400, 10)]
        }
        let total = options.reduce(0) { $0 + $1.weight }
        var ticket = Int(draw * Double(total))
        for option in options {
            if ticket < option.weight { return option.tenths }
            ticket -= option.weight
        }
        return options[options.count - 1].tenths
    }

    /// The contract's title, from its own text stream (so titles never move the other draws).
    func title(for draft: ContractDraft) -> String {
        var rng = SplitMix64.stream(seed: plan.seed, domain: StreamDomain.contractText, index: draft.index)
        let templates = TitleTemplate.all[draft.core.category]
        let template = templates[rng.below(templates.count)]
        let partner = Vocabulary.partners[draft.partner]
        var title = ""
        for part in template.parts {
            switch part {
            case .text(let text): title += text
            case .place: title += partner.places[rng.below(partner.places.count)]
            case .partner: title += partner.name
            case .lot: title += Digits.string(rng.between(1, 6))
            case .year: title += plan.years[draft.core.year].profile.label
            }
        }
        return title
    }
}

/// A title pattern split once into text and placeholders, so a million titles need no searching.
struct TitleTemplate {
    enum Part {
        case text(String), place, partner, lot, year
    }

    let parts: [Part]

    init(_ pattern: String) {
        var parts: [Part] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            switch rest[rest.index(after: open)..<close] {
            case "place": parts.append(.place)
            case "partner": parts.append(.partner)
            case "lot": parts.append(.lot)
            case "year": parts.append(.year)
            default: preconditionFailure("unknown placeholder in \(pattern)")
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    /// Per category, in `Vocabulary.categories` order.
    static let all: [[TitleTemplate]] = Vocabulary.categories.map { $0.titles.map(TitleTemplate.init) }
}
