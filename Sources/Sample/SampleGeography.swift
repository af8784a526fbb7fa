/// Where the sample's suppliers are. The generator decides a supplier's GM status first and
/// then gives it a postcode that svw classes that way, which is how it hits the published GM
/// share exactly. Postcodes are real ones from the postcode index (placed exactly), with a few
/// unlisted ones in districts wholly in or wholly outside GM (placed by the district rule: a
/// district is GM when the shares of its GM authorities sum to more than 0.5).
struct SampleGeography {
    struct District {
        let outwardCode: String
        /// Sum of the district's GM shares, in ten-thousandths (the file has 4 d.p.), so the
        /// majority test is exact.
        let gmShareTenThousandths: Int
        /// The GM authority holding most of the district.
        let authority: String
        let gmPostcodes: Int
    }

    /// Districts classed GM, and how often to draw each (by live postcodes; the sample's partner
    /// boroughs count extra, as a partner's suppliers cluster near it).
    let gmDistricts: [District]
    let gmWeights: [Int]
    /// Districts in the table but mostly outside GM (OL14, SK12, SK22, WA3, WA12, WA13).
    let fringeDistricts: [String]

    /// Wholly outside GM but often thought of as "Manchester area"; not in the table.
    static let nearbyOutside = ["SK9", "SK10", "SK11", "SK13", "SK17", "SK23", "WA16", "WA1", "WA2", "WA4",
                                "WA5", "WA11", "WN8", "OL13", "PR7", "PR1", "BB4", "BB1", "HD7", "CW1", "CH1", "L3"]
    /// Elsewhere in Great Britain (national and regional firms).
    static let farOutside = ["EC1A", "EC2A", "WC2H", "W1W", "SE1", "N1", "E14", "LS1", "LS11", "B1", "B3",
                             "S1", "BS1", "G2", "CF10", "NE1", "NG1", "MK9", "RG1", "LE1"]
    /// Large-user and non-geographic codes: real, but not where a supplier's office would be.
    static let nonGeographic: Set<String> = ["BL11", "BL78", "M60", "M61", "M99"]
    /// Clearly malformed entries as they turn up in registers; unknown, never outside.
    static let malformed = ["0161 477 3000", "TBC", "M1 1A", "OL16 5AXX", "ROCHDALE", "SK4 IAA"]
    static let bfpo = "BFPO 61"
    /// A Dublin Eircode: an overseas supplier.
    static let overseas = "D02 X285"
    /// Letters allowed in the inward code's last two places.
    private static let inwardLetters = Array("ABDEFGHJLNPQRSTUWXYZ")

    /// Full postcodes: where GM and outside postcodes are drawn from.
    let index: PostcodeIndexFile
    /// Wholly-GM districts (share 1.0) that are not large-user codes: an unlisted postcode there
    /// is GM by the district rule too.
    let whollyGM: [String]
    /// Majority-GM districts that also hold postcodes outside GM (WA14, BL0, OL12…).
    let splitWithOutside: [String]
    /// Fringe districts (mostly outside GM) with some GM postcodes (WA3's Wigan part).
    let fringeWithGM: [String]

    init(tableText: String, index: PostcodeIndexFile, partners: [String]) {
        self.index = index
        var order: [String] = []
        var shares: [String: Int] = [:]
        var counts: [String: Int] = [:]
        var best: [String: (share: Int, authority: String)] = [:]
        for line in tableText.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            precondition(fields.count == 5, "postcode_districts row \(line)")
            let code = fields[0], authority = fields[1]
            let share = Self.tenThousandths(fields[4])
            if shares[code] == nil { order.append(code) }
            shares[code, default: 0] += share
            counts[code, default: 0] += Int(fields[3]) ?? 0
            // The largest share wins; on a tie the first authority by name (the view's ORDER BY).
            if let current = best[code], current.share > share || (current.share == share && current.authority <= authority) {
                continue
            }
            best[code] = (share, authority)
        }
        var gm: [District] = []
        var fringe: [String] = []
        for code in order {
            let district = District(outwardCode: code, gmShareTenThousandths: shares[code]!,
                                    authority: best[code]!.authority, gmPostcodes: counts[code]!)
            if district.gmShareTenThousandths > 5000 {
                if !Self.nonGeographic.contains(code) { gm.append(district) }
            } else {
                fringe.append(code)
            }
        }
        for code in Self.nearbyOutside + Self.farOutside {
            precondition(shares[code] == nil, "\(code) is in the GM table; it cannot be an outside district")
        }
        gmDistricts = gm
        gmWeights = gm.map { partners.contains($0.authority) ? $0.gmPostcodes * 5 / 2 : $0.gmPostcodes }
        fringeDistricts = fringe
        whollyGM = gm.filter { $0.gmShareTenThousandths == 10_000 && index.outside[$0.outwardCode] == nil }.map(\.outwardCode)
        fringeWithGM = fringe.filter { index.gm[$0] != nil }
        splitWithOutside = gm.map(\.outwardCode).filter { index.outside[$0] != nil && index.gm[$0] != nil }
    }

    private static func tenThousandths(_ text: String) -> Int {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int(parts[0]) ?? 0
        var fraction = parts.count > 1 ? String(parts[1].prefix(4)) : ""
        while fraction.count < 4 { fraction += "0" }
        return whole * 10_000 + (Int(fraction) ?? 0)
    }

    /// A well-formed postcode in `outward` with a random inward code (possibly a real one).
    static func postcode(in outward: String, rng: inout SplitMix64) -> String {
        let digit = Character(String(rng.below(10)))
        return outward + " " + String([digit, rng.element(of: inwardLetters), rng.element(of: inwardLetters)])
    }

    /// A postcode typed the way spreadsheets sometimes have it (lower case, or without the
    /// space): still valid, and normalised on import.
    static func styled(_ postcode: String, rng: inout SplitMix64) -> String {
        let style = rng.below(100)
        if style < 4 { return postcode.lowercased() }
        if style < 8 { return postcode.replacingOccurrences(of: " ", with: "") }
        return postcode
    }

    /// A postcode in `outward` that the index does not list (a new or terminated one).
    func unlistedPostcode(in outward: String, rng: inout SplitMix64) -> String {
        while true {
            let candidate = Self.postcode(in: outward, rng: &rng)
            if !index.all.contains(candidate) { return candidate }
        }
    }

    /// A postcode svw classes GM: mostly a real GM postcode of a majority-GM district; some real
    /// GM postcodes in fringe districts the district rule would call outside (a Wigan WA3); a few
    /// unlisted ones in wholly-GM districts, placed by the district rule.
    func gmPostcode(rng: inout SplitMix64) -> String {
        let roll = rng.below(100)
        let postcode: String
        if roll < 4, !fringeWithGM.isEmpty {
            postcode = rng.element(of: index.gm[rng.element(of: fringeWithGM)]!)
        } else if roll < 8, !whollyGM.isEmpty {
            postcode = unlistedPostcode(in: rng.element(of: whollyGM), rng: &rng)
        } else {
            let district = gmDistricts[rng.weightedIndex(gmWeights)].outwardCode
            postcode = rng.element(of: index.gm[district]!)
        }
        return Self.styled(postcode, rng: &rng)
    }

    /// A postcode svw classes outside GM: a real non-GM postcode of a fringe district, or of a
    /// mostly-GM district (a Cheshire East WA14, which the district rule would call GM); one next
    /// to GM whose district has no GM postcode at all; or one elsewhere in Britain.
    func outsidePostcode(rng: inout SplitMix64) -> String {
        let roll = rng.below(100)
        let postcode: String
        if roll < 20, !fringeDistricts.isEmpty {
            postcode = rng.element(of: index.outside[rng.element(of: fringeDistricts)]!)
        } else if roll < 30, !splitWithOutside.isEmpty {
            postcode = rng.element(of: index.outside[rng.element(of: splitWithOutside)]!)
        } else if roll < 65 {
            postcode = Self.postcode(in: rng.element(of: Self.nearbyOutside), rng: &rng)
        } else {
            postcode = Self.postcode(in: rng.element(of: Self.farOutside), rng: &rng)
        }
        return Self.styled(postcode, rng: &rng)
    }
}
