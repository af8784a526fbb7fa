/// One TOMs-style measure of the bundled, illustrative measures table.
public struct SampleMeasure: Sendable, Equatable {
    /// The measure's code (`NT1`, `RE14`…).
    public let code: String
    /// The TOMs theme it belongs to (Jobs, Growth, Social, Environment, Innovation).
    public let theme: String
    /// The outcome the measure serves.
    public let outcome: String
    /// What is counted.
    public let description: String
    /// The unit a commitment is made in (FTE, weeks, hours, £…).
    public let unit: String
    /// Illustrative proxy value per unit, in pence. Not a published TOMs value.
    public let proxyPence: Int64
    /// The granularity commitments are made in, in hundredths of a unit (10 = 0.1 FTE, 100 = whole hours).
    let stepHundredths: Int
    /// The GM Social Value Framework priority the measure serves.
    public let gmPriority: String
}

/// The bundled measures table (`measures.csv`).
///
/// No open table of National TOMs proxy values exists (the Social Value Portal licenses them
/// under CC BY-NC-ND), so every proxy value here is illustrative, and the edition is named so it
/// cannot be mistaken for a published one. Only the meanings of NT1, RE1, FM1 and RE14 could be
/// checked against public sources; the other codes follow the National TOMs' naming pattern but
/// are unverified (see SampleData/README.md). Organisations load their own licensed table.
public enum SampleMeasures {
    /// The edition name the bundled table loads under, plainly not a published one.
    public static let edition = "svw-illustrative-2020"
    /// The columns of `measures.csv`, in order.
    public static let header = ["code", "theme", "outcome", "description", "unit", "proxy_value",
                                "edition", "illustrative", "gm_priority"]

    /// The six GM Social Value Framework (2020) priorities, as tags.
    enum Priority {
        static let employment = "Provide the best employment that you can"
        static let cleanAir = "Keep the clean air in Greater Manchester"
        static let skills = "Create the employment and skills opportunities that we need to build back better"
        static let community = "Be part of a strong local community"
        static let greener = "Make your organisation greener"
        static let supplyChain = "Develop a local, GM-based and resilient supply chain"
    }

    private static func measure(_ code: String, _ theme: String, _ outcome: String, _ description: String,
                                _ unit: String, pence: Int64, step: Int, _ priority: String) -> SampleMeasure {
        SampleMeasure(code: code, theme: theme, outcome: outcome, description: description, unit: unit,
                      proxyPence: pence, stepHundredths: step, gmPriority: priority)
    }

    private static let fte = "number of FTE"
    private static let localJobs = "More local people in employment"
    private static let disadvantaged = "More opportunities for disadvantaged people"
    private static let skills = "Improved skills"
    private static let youngPeople = "Improved employability of young people"
    private static let localBusiness = "More opportunities for local MSMEs and VCSEs"
    private static let resilient = "Healthier, safer and more resilient communities"

    /// Every bundled measure, in file order.
    public static let all: [SampleMeasure] = [
        // Jobs: promote local skills and employment.
        measure("NT1", "Jobs", localJobs, "Local people employed on the contract, counted in FTE for every year of employment",
                fte, pence: 2_400_000, step: 10, Priority.employment),
        measure("RE1", "Jobs", localJobs, "Real Estate plug-in equivalent of NT1: local people employed on the contract (FTE per year of employment)",
                fte, pence: 2_400_000, step: 10, Priority.employment),
        measure("FM1", "Jobs", localJobs, "Facilities Management plug-in equivalent of NT1: local people employed on the contract (FTE per year of employment)",
                fte, pence: 2_400_000, step: 10, Priority.employment),
        measure("NT3", "Jobs", disadvantaged, "Long-term unemployed people hired on the contract (FTE, first year of employment only)",
                fte, pence: 1_650_000, step: 10, Priority.skills),
        measure("NT4", "Jobs", disadvantaged, "Young people not in education, employment or training (NEET) hired on the contract (FTE, first year only)",
                fte, pence: 1_400_000, step: 10, Priority.skills),
        measure("NT6", "Jobs", disadvantaged, "Disabled people hired on the contract (FTE, first year only)",
                fte, pence: 1_550_000, step: 10, Priority.employment),
        measure("NT8", "Jobs", skills, "Staff hours spent supporting careers guidance in local schools and colleges",
                "hours", pence: 1_800, step: 100, Priority.skills),
        measure("NT10", "Jobs", skills, "Apprenticeships on the contract (Level 2, 3 or 4+), in weeks",
                "weeks", pence: 24_000, step: 100, Priority.skills),
        measure("NT12", "Jobs", youngPeople, "Meaningful work placements or pre-employment courses for local people, in weeks",
                "weeks", pence: 19_000, step: 100, Priority.skills),
        measure("RE14", "Jobs", youngPeople, "Careers fairs supported (Real Estate plug-in), in staff hours",
                "hours", pence: 2_500, step: 100, Priority.skills),
        // Growth: supporting growth of responsible regional business.
        measure("NT14", "Growth", localBusiness, "Amount spent with VCSEs in the supply chain through the contract",
                "£ spent", pence: 28, step: 100, Priority.supplyChain),
        measure("NT15", "Growth", localBusiness, "Expert business advice given to local VCSEs and MSMEs, in staff hours",
                "hours", pence: 9_500, step: 100, Priority.supplyChain),
        measure("NT17", "Growth", localBusiness, "Meet-the-buyer events held to help local MSMEs and VCSEs bid for work",
                "number of events", pence: 150_000, step: 100, Priority.supplyChain),
        measure("NT18", "Growth", localBusiness, "Amount spent in the local supply chain through the contract",
                "£ spent", pence: 24, step: 100, Priority.supplyChain),
        measure("NT19", "Growth", localBusiness, "Amount spent with local micro, small and medium enterprises through the contract",
                "£ spent", pence: 26, step: 100, Priority.supplyChain),
        // Social: healthier, safer and more resilient communities.
        measure("NT21", "Social", "Improved staff wellbeing", "Employees on the contract given mental health and wellbeing support",
                "number of people", pence: 11_000, step: 100, Priority.employment),
        measure("NT24", "Social", "Crime is reduced", "Initiatives to reduce crime in the local area (£ invested, including staff time)",
                "£ invested", pence: 100, step: 100, Priority.community),
        measure("NT26", "Social", resilient, "Initiatives to support older, disabled and vulnerable people (£ invested)",
                "£ invested", pence: 100, step: 100, Priority.community),
        measure("NT28", "Social", resilient, "Donations and in-kind contributions to local community projects",
                "£ invested", pence: 100, step: 100, Priority.community),
        measure("NT29", "Social", resilient, "Staff volunteering hours for local community projects",
                "hours", pence: 1_650, step: 100, Priority.community),
        // Environment: decarbonising and safeguarding our world.
        measure("NT31", "Environment", "Carbon emissions are reduced", "Savings in CO2e emissions on the contract from decarbonisation measures",
                "tonnes CO2e", pence: 8_500, step: 10, Priority.greener),
        measure("NT32", "Environment", "Air pollution is reduced", "Car miles saved through green transport schemes on the contract",
                "miles", pence: 15, step: 100, Priority.cleanAir),
        measure("NT33", "Environment", "Air pollution is reduced", "Zero- or low-emission vehicles used on the contract",
                "number of vehicles", pence: 45_000, step: 100, Priority.cleanAir),
        measure("NT34", "Environment", "Safeguarding the natural environment", "Waste diverted from landfill through reuse and recycling",
                "tonnes", pence: 9_500, step: 10, Priority.greener),
        // Innovation: promoting social innovation.
        measure("NT40", "Innovation", "Social innovation to create local skills and employment", "Innovative measures to promote local skills and employment (£ invested)",
                "£ invested", pence: 100, step: 100, Priority.skills),
        measure("NT41", "Innovation", "Social innovation to support responsible business", "Innovative measures to support local supply chains and responsible business (£ invested)",
                "£ invested", pence: 100, step: 100, Priority.supplyChain),
        measure("NT42", "Innovation", "Social innovation to safeguard the environment", "Innovative measures to safeguard the environment and respond to the climate emergency (£ invested)",
                "£ invested", pence: 100, step: 100, Priority.greener),
    ]

    /// Measure codes whose meaning could be checked in public sources; the rest are unverified.
    public static let verifiedCodes = ["NT1", "RE1", "FM1", "RE14"]

    static func index(of code: String) -> Int {
        guard let index = all.firstIndex(where: { $0.code == code }) else {
            preconditionFailure("no sample measure \(code)")
        }
        return index
    }

    static func write(to output: any SampleOutput) throws {
        var csv = try CSVWriter(name: "measures.csv", output: output, header: header)
        for measure in all {
            csv.text(measure.code)
            csv.text(measure.theme)
            csv.text(measure.outcome)
            csv.text(measure.description)
            csv.text(measure.unit)
            csv.money(pence: measure.proxyPence)
            csv.text(edition)
            csv.text("yes")
            csv.text(measure.gmPriority)
            try csv.endRow()
        }
        try csv.finish()
    }
}
