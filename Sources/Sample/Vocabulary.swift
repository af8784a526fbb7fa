/// The words the sample is made of: partners, categories, titles and supplier names.
/// All of it is data for the generator only; nothing else in svw may rely on it.
enum Vocabulary {
    struct Partner {
        let name: String
        let weight: Int
        let places: [String]
    }

    /// The four STAR Procurement partners (Tameside joined in September 2018, before the sample starts).
    static let partners = [
        Partner(name: "Stockport", weight: 30,
                places: ["Bramhall", "Cheadle", "Marple", "Reddish", "Edgeley", "Hazel Grove", "Romiley", "Heaton Moor", "Stockport"]),
        Partner(name: "Trafford", weight: 25,
                places: ["Altrincham", "Sale", "Stretford", "Urmston", "Partington", "Old Trafford", "Timperley", "Hale"]),
        Partner(name: "Rochdale", weight: 22,
                places: ["Heywood", "Middleton", "Littleborough", "Milnrow", "Wardle", "Castleton", "Rochdale"]),
        Partner(name: "Tameside", weight: 23,
                places: ["Ashton-under-Lyne", "Hyde", "Denton", "Stalybridge", "Droylsden", "Mossley", "Dukinfield", "Audenshaw"]),
    ]
    static let partnerWeights = partners.map(\.weight)

    struct Category {
        let name: String
        /// Words for supplier names in this trade; a supplier's word decides its category.
        let nameWords: [String]
        let suffixes: [(suffix: String, weight: Int)]
        /// Typical size relative to the median contract.
        let valueFactor: Double
        let durationsMonths: [Int]
        /// `{place}`, `{partner}`, `{lot}` and `{year}` are filled in per contract.
        let titles: [String]
        /// Measures bidders in this trade commit to, with relative weights.
        let measures: [(code: String, weight: Int)]
    }

    private static let tradeSuffixes: [(suffix: String, weight: Int)] =
        [("Ltd", 70), ("Limited", 14), ("Group Ltd", 8), ("UK Ltd", 5), ("PLC", 3)]
    private static let careSuffixes: [(suffix: String, weight: Int)] =
        [("Ltd", 48), ("Limited", 10), ("CIC", 20), ("Trust", 10), ("Group Ltd", 12)]
    private static let techSuffixes: [(suffix: String, weight: Int)] =
        [("Ltd", 70), ("Limited", 15), ("UK Ltd", 10), ("PLC", 5)]
    private static let adviceSuffixes: [(suffix: String, weight: Int)] =
        [("Ltd", 50), ("LLP", 30), ("Limited", 12), ("CIC", 5), ("PLC", 3)]

    /// Legal forms of voluntary, community and social enterprises.
    static let vcseSuffixes: Set<String> = ["CIC", "Trust"]

    static let categories: [Category] = [
        Category(name: "Construction",
                 nameWords: ["Construction", "Building Services", "Civil Engineering", "Contractors", "Roofing", "Joinery", "Groundworks", "Builders"],
                 suffixes: tradeSuffixes, valueFactor: 2.0, durationsMonths: [6, 9, 12, 18, 24],
                 titles: ["Refurbishment of {place} Library", "New build primary school, {place}", "Roof replacement at {place} Town Hall",
                          "Extension and remodelling of {place} Leisure Centre", "Minor building works framework, lot {lot}",
                          "Demolition and site clearance, {place} town centre", "Repairs to the \"Old Courts\" building, {place}"],
                 measures: [("RE1", 5), ("NT3", 2), ("NT4", 2), ("NT10", 4), ("RE14", 2), ("NT18", 4), ("NT19", 3), ("NT31", 2), ("NT34", 3), ("NT28", 1), ("NT12", 2)]),
        Category(name: "Highways",
                 nameWords: ["Highways", "Surfacing", "Civils", "Street Lighting", "Drainage"],
                 suffixes: tradeSuffixes, valueFactor: 1.8, durationsMonths: [24, 36, 48],
                 titles: ["Carriageway resurfacing programme {year}, {place}", "Street lighting maintenance and LED replacement",
                          "Gully cleansing and drainage works, {place}", "Bridge strengthening works, {place}", "Winter gritting services",
                          "Footway reconstruction, {place}"],
                 measures: [("NT1", 5), ("NT10", 3), ("NT3", 2), ("NT18", 4), ("NT19", 2), ("NT31", 3), ("NT32", 2), ("NT34", 2), ("NT33", 1)]),
        Category(name: "Adult Social Care",
                 nameWords: ["Home Care", "Care Services", "Supported Living", "Care Partnership", "Homecare", "Healthcare"],
                 suffixes: careSuffixes, valueFactor: 1.7, durationsMonths: [36, 48, 60],
                 titles: ["Home care services, {place} locality", "Supported living services for adults with learning disabilities, {place}",
                          "Extra care housing support, {place}", "Reablement service", "Day opportunities for older people, {place}",
                          "Carers' support service"],
                 measures: [("NT1", 5), ("NT6", 2), ("NT4", 2), ("NT21", 3), ("NT26", 3), ("NT29", 2), ("NT14", 2), ("NT12", 2)]),
        Category(name: "Children's Services",
                 nameWords: ["Fostering", "Family Services", "Youth Services", "Children's Services"],
                 suffixes: careSuffixes, valueFactor: 1.3, durationsMonths: [24, 36, 48],
                 titles: ["Independent fostering placements framework, lot {lot}", "Short breaks for disabled children, {place}",
                          "Family support and early help service", "Supported accommodation for care leavers, {place}",
                          "Youth service provision, {place}"],
                 measures: [("NT1", 4), ("NT4", 3), ("NT8", 3), ("NT12", 2), ("NT26", 2), ("NT29", 2), ("NT14", 2)]),
        Category(name: "ICT",
                 nameWords: ["IT Solutions", "Digital", "Technology", "Networks", "Software", "Systems"],
                 suffixes: techSuffixes, valueFactor: 0.9, durationsMonths: [12, 24, 36, 48],
                 titles: ["Supply, installation and support of network switches", "Microsoft licensing reseller",
                          "Case management system for {partner} Council", "Multi-functional print devices and managed print service",
                          "Cyber security monitoring service", "Laptops and end-user devices, lot {lot}"],
                 measures: [("NT1", 3), ("NT10", 3), ("NT8", 2), ("NT15", 2), ("NT19", 2), ("NT40", 2), ("NT42", 1), ("NT31", 1)]),
        Category(name: "Facilities Management",
                 nameWords: ["Facilities", "Cleaning Services", "Maintenance", "Security", "Grounds Maintenance"],
                 suffixes: tradeSuffixes, valueFactor: 1.1, durationsMonths: [24, 36, 48, 60],
                 titles: ["Cleaning of council buildings, {place}", "Security and key-holding services", "Grounds maintenance, {place} parks",
                          "Lift maintenance and repair", "Fire alarm, emergency lighting and sprinkler maintenance",
                          "Mechanical and electrical maintenance, {place} civic buildings"],
                 measures: [("FM1", 5), ("NT3", 2), ("NT6", 2), ("NT10", 2), ("NT18", 3), ("NT31", 2), ("NT34", 2), ("NT21", 1), ("NT24", 1)]),
        Category(name: "Consultancy",
                 nameWords: ["Consulting", "Associates", "Planning", "Advisory", "Surveyors", "Partners"],
                 suffixes: adviceSuffixes, valueFactor: 0.4, durationsMonths: [3, 6, 9, 12, 18],
                 titles: ["Local plan evidence base study", "Transport modelling and feasibility study, {place}",
                          "Valuation and estates advice", "Town centre masterplan, {place}", "Interim finance support",
                          "Independent review of {partner} SEND transport"],
                 measures: [("NT1", 2), ("NT15", 4), ("NT8", 2), ("NT29", 3), ("NT41", 2), ("NT12", 1), ("NT17", 1)]),
        Category(name: "Waste Management",
                 nameWords: ["Environmental", "Recycling", "Waste Solutions", "Skip Hire"],
                 suffixes: tradeSuffixes, valueFactor: 1.8, durationsMonths: [48, 60, 84],
                 titles: ["Collection of household recyclables, {place}", "Bulky waste collection service", "Street cleansing, {place}",
                          "Disposal of green and food waste", "Clinical waste collection and disposal"],
                 measures: [("NT1", 4), ("NT34", 5), ("NT31", 3), ("NT32", 2), ("NT33", 2), ("NT3", 2), ("NT42", 1)]),
        Category(name: "Fleet & Transport",
                 nameWords: ["Transport", "Coaches", "Fleet Services"],
                 suffixes: tradeSuffixes, valueFactor: 0.9, durationsMonths: [12, 36, 48, 60],
                 titles: ["Supply of refuse collection vehicles, lot {lot}", "Home-to-school transport, {place} routes",
                          "Fleet maintenance and MOT services", "Electric vehicle charging points, {place}"],
                 measures: [("NT1", 3), ("NT33", 4), ("NT32", 3), ("NT31", 3), ("NT10", 2), ("NT18", 2)]),
        Category(name: "Energy",
                 nameWords: ["Energy", "Solar", "Renewables"],
                 suffixes: tradeSuffixes, valueFactor: 1.2, durationsMonths: [24, 36, 48],
                 titles: ["Supply of electricity (half-hourly sites)", "Solar PV installation on council buildings",
                          "Energy efficiency retrofit, {place} homes", "Heat network feasibility and design, {place}"],
                 measures: [("NT1", 2), ("NT31", 5), ("NT42", 3), ("NT18", 2), ("NT10", 2), ("NT40", 1)]),
        Category(name: "Catering",
                 nameWords: ["Catering", "Foods", "Fine Foods"],
                 suffixes: tradeSuffixes, valueFactor: 0.7, durationsMonths: [24, 36],
                 titles: ["School meals service, {place} primary schools", "Vending, hot drinks and water coolers",
                          "Catering for {place} civic events", "Food for care homes, lot {lot}"],
                 measures: [("NT1", 4), ("NT18", 4), ("NT19", 3), ("NT34", 2), ("NT28", 2), ("NT4", 2), ("NT26", 1)]),
    ]

    /// Every supplier-name word with its category, in a fixed order: the name space is
    /// (prefix, word) pairs, so no two suppliers share a name.
    static let nameWords: [(word: String, category: Int)] = categories.enumerated().flatMap { index, category in
        category.nameWords.map { ($0, index) }
    }

    /// First words of supplier names: local rivers, hills and places, and family names.
    static let namePrefixes = [
        "Pennine", "Mersey", "Irwell", "Tame", "Goyt", "Etherow", "Medlock", "Roch", "Bollin", "Saddleworth",
        "Peak", "Moorland", "Northern", "North West", "Red Rose", "Castlefield", "Heaton", "Marple", "Bramhall", "Cheadle",
        "Altrincham", "Stretford", "Urmston", "Heywood", "Middleton", "Littleborough", "Milnrow", "Ashton", "Hyde", "Denton",
        "Stalybridge", "Mossley", "Werneth", "Kersal", "Ordsall", "Ancoats", "Millstone", "Gritstone", "Kinder", "Dovestone",
        "Longdendale", "Brindley", "Bridgewater", "Canalside", "Oakwood", "Beechwood", "Greenfield", "Ridgeway", "Summit", "Keystone",
        "Cornerstone", "Apex", "Meridian", "Vantage", "Horizon", "Beacon", "Crescent", "Unity", "Evergreen", "Clearwater",
        "Brightside", "Parkside", "Riverside", "Hillside", "Woodside", "Forge", "Anvil", "Millbrook", "Hargreaves", "Whitworth",
        "Ashworth", "Kershaw", "Lomax", "Schofield", "Butterworth", "Ogden", "Buckley", "Howarth", "Greenhalgh", "Fielding",
        "Holt", "Crompton", "Tattersall", "Entwistle", "Brierley", "Pilkington", "Openshaw", "Haworth", "Clegg", "Lees",
    ]

    /// Added when a very large set runs out of (prefix, word) pairs, to keep names unique.
    static let nameQualifiers = ["(North West)", "Holdings", "(Northern)", "Services", "(UK)", "Solutions"]
}
