/// Every live postcode of the outward codes that touch GM, with its ONS district and GM
/// borough (empty outside GM): SampleData/gm_postcodes.csv, OS Code-Point Open, October 2025,
/// Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2025.
/// Contains Royal Mail data © Royal Mail copyright and database right 2025. Contains National
/// Statistics data © Crown copyright and database right 2025.
///
/// The generator draws its suppliers' postcodes from it, so the sample exercises exact
/// placement, and writes it out again unchanged so a generated folder is complete.
public struct PostcodeIndexFile: Sendable {
    /// The file's name, in SampleData/ and in every generated folder.
    public static let name = "gm_postcodes.csv"

    /// The file as read.
    let text: String
    /// Outward code → its live postcodes in a GM borough, in file order.
    let gm: [String: [String]]
    /// Outward code → its live postcodes outside GM (with a district code), in file order.
    let outside: [String: [String]]
    let all: Set<String>

    /// Reads `postcode,district_code,authority` rows.
    public init(text: String) throws {
        self.text = text
        var gm: [String: [String]] = [:], outside: [String: [String]] = [:]
        var all: Set<String> = []
        for (number, line) in text.split(separator: "\n").enumerated() where number > 0 {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 3, let space = fields[0].firstIndex(of: " ") else {
                throw SampleError.badPostcodeIndex(line: number + 1)
            }
            let postcode = String(fields[0])
            let outward = String(fields[0][..<space])
            all.insert(postcode)
            // A postcode with no district code places nothing exactly, so none is drawn from those.
            if !fields[2].isEmpty { gm[outward, default: []].append(postcode) }
            else if !fields[1].isEmpty { outside[outward, default: []].append(postcode) }
        }
        guard !gm.isEmpty else { throw SampleError.badPostcodeIndex(line: 1) }
        self.gm = gm
        self.outside = outside
        self.all = all
    }
}
