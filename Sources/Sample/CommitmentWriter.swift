/// Writes `commitments.csv`: each contract's TOMs commitments, and the service's own-workforce
/// rows (no contract) after each year's contracts.
///
/// A commitment's value is `round(units × proxy pence)`, exactly as the workspace computes it.
/// Units are whole steps of the measure (0.1 FTE, whole hours…), so each commitment misses its
/// share of the target by a little; the miss is carried into the year's next commitment, which
/// keeps every year's total within one step of its target.
struct CommitmentWriter {
    static let header = ["commitment_id", "contract_id", "measure_code", "units_committed", "units_delivered", "reporting_date"]

    /// Measures the service's own staff deliver, with their share of its social value.
    private static let ownWorkforceMeasures: [(code: String, weight: Double)] =
        [("NT1", 60), ("NT10", 12), ("NT29", 10), ("NT8", 8), ("NT15", 10)]

    private let plan: SamplePlan
    private var csv: CSVWriter
    private var nextId = 1
    private var committedCarry: [Double]
    private var ownWorkforceCarry: [Double]
    private let categoryMeasures: [[Int]]
    private let categoryWeights: [[Int]]

    init(plan: SamplePlan, output: any SampleOutput) throws {
        self.plan = plan
        csv = try CSVWriter(name: "commitments.csv", output: output, header: Self.header)
        committedCarry = Array(repeating: 0, count: plan.years.count)
        ownWorkforceCarry = Array(repeating: 0, count: plan.years.count)
        categoryMeasures = Vocabulary.categories.map { $0.measures.map { SampleMeasures.index(of: $0.code) } }
        categoryWeights = Vocabulary.categories.map { $0.measures.map(\.weight) }
    }

    var rows: Int { csv.rows }

    /// Units (in hundredths) worth about `pence`, in whole steps of the measure, and their exact value.
    private static func units(worth pence: Double, of measure: SampleMeasure) -> (hundredths: Int, pence: Int64) {
        let steps = (pence / Double(measure.proxyPence) * 100 / Double(measure.stepHundredths)).rounded()
        let hundredths = max(0, Int(steps)) * measure.stepHundredths
        return (hundredths, value(hundredths: hundredths, of: measure))
    }

    /// `round(units × proxy_pence)`, bit for bit as SQLite computes it from the CSV text.
    static func value(hundredths: Int, of measure: SampleMeasure) -> Int64 {
        DeterministicMath.sqliteRound(Double(hundredths) / 100 * Double(measure.proxyPence))
    }

    private mutating func nextCommitmentId() -> String {
        defer { nextId += 1 }
        return "CM" + Digits.string(nextId, width: plan.commitmentIdWidth)
    }

    mutating func write(contract draft: ContractDraft, id contractId: String, targetPence: Double) throws {
        guard draft.commitmentCount > 0 else { return }
        var rng = SplitMix64.stream(seed: plan.seed, domain: StreamDomain.commitments, index: draft.index)
        let options = categoryMeasures[draft.core.category]
        let weights = categoryWeights[draft.core.category]
        var chosen: [Int] = []
        var attempts = 0
        while chosen.count < min(draft.commitmentCount, options.count), attempts < 40 {
            let measure = options[rng.weightedIndex(weights)]
            if !chosen.contains(measure) { chosen.append(measure) }
            attempts += 1
        }
        let shares = chosen.map { _ in 0.3 + rng.unit() }
        let totalShare = shares.reduce(0, +)

        // Delivery to date, as at the end of the sample: reported at the last quarter end so far.
        let start = draft.start ?? draft.award + 30
        let end = draft.end ?? start.addingMonths(36) + -1
        let completed = end <= YearProfile.asAt
        let reportDate = min(YearProfile.asAt, end).quarterEndOnOrBefore
        let reported = reportDate > start
        let elapsed = min(1, Double(reportDate - start) / Double(max(1, end - start)))

        let year = draft.core.year
        for (measureIndex, share) in zip(chosen, shares) {
            let measure = SampleMeasures.all[measureIndex]
            let performance = rng.unit()
            let notYetReported = rng.chance(0.04)
            let wanted = targetPence * share / totalShare + committedCarry[year]
            let committed = Self.units(worth: wanted, of: measure)
            committedCarry[year] = wanted - Double(committed.pence)
            guard committed.hundredths > 0 else { continue }

            var delivered: Int?
            if reported && (completed || !notYetReported) {
                let step = measure.stepHundredths
                let factor = completed ? 0.78 + 0.30 * performance : elapsed * (0.5 + 0.5 * performance)
                var hundredths = Int(Double(committed.hundredths) * factor / Double(step)) * step
                if !completed { hundredths = min(hundredths, committed.hundredths - step) }  // still running: behind
                delivered = max(0, hundredths)
            }
            csv.text(nextCommitmentId())
            csv.text(contractId)
            csv.text(measure.code)
            csv.hundredths(committed.hundredths)
            csv.hundredths(delivered)
            csv.date(delivered == nil ? nil : reportDate)
            try csv.endRow()
        }
    }

    /// The service's own workforce: quarterly reports within the year, delivered value summing to
    /// the year's target.
    mutating func writeOwnWorkforce(year number: Int) throws {
        let year = plan.years[number]
        var rng = SplitMix64.stream(seed: plan.seed, domain: StreamDomain.ownWorkforce, index: number)
        let measures = Self.ownWorkforceMeasures
        let weights = (0..<year.ownWorkforceRows).map { row in
            measures[row % measures.count].weight * (0.8 + 0.4 * rng.unit())
        }
        let totalWeight = weights.reduce(0, +)
        let startYear = year.profile.startYear
        let quarterEnds = [CivilDate(startYear, 6, 30), CivilDate(startYear, 9, 30),
                           CivilDate(startYear, 12, 31), CivilDate(startYear + 1, 3, 31)]
        for (row, weight) in weights.enumerated() {
            let measure = SampleMeasures.all[SampleMeasures.index(of: measures[row % measures.count].code)]
            let margin = rng.unit()
            let wanted = year.ownWorkforceTargetPence * weight / totalWeight + ownWorkforceCarry[number]
            let delivered = Self.units(worth: wanted, of: measure)
            ownWorkforceCarry[number] = wanted - Double(delivered.pence)
            guard delivered.hundredths > 0 else { continue }
            let step = measure.stepHundredths
            let committed = (Int(Double(delivered.hundredths) * (1 + 0.15 * margin)) + step - 1) / step * step

            csv.text(nextCommitmentId())
            csv.empty()
            csv.text(measure.code)
            csv.hundredths(committed)
            csv.hundredths(delivered.hundredths)
            csv.date(quarterEnds[(row / measures.count) % quarterEnds.count])
            try csv.endRow()
        }
    }

    mutating func finish() throws { try csv.finish() }
}
