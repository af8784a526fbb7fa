/// Which contracts an analysis looks at. Set per command (`--year 2020/21`) or as
/// session context (`filter year=2020/21`); every value is bound as a parameter.
public struct Filter: Sendable, Equatable {
    public var year: String?
    public var partner: String?
    public var category: String?
    /// Inclusive lower bound on awarded value, in pence.
    public var minValuePence: Int64?
    /// Exclusive upper bound on awarded value, in pence.
    public var maxValuePence: Int64?
    /// Award dates from/to, ISO, inclusive.
    public var from: String?
    public var to: String?

    public init(year: String? = nil, partner: String? = nil, category: String? = nil,
                minValuePence: Int64? = nil, maxValuePence: Int64? = nil,
                from: String? = nil, to: String? = nil) {
        self.year = year
        self.partner = partner
        self.category = category
        self.minValuePence = minValuePence
        self.maxValuePence = maxValuePence
        self.from = from
        self.to = to
    }

    public var isEmpty: Bool { self == Filter() }
}
