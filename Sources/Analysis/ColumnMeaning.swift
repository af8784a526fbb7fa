import SVWDatabase

/// What an analysis column is to a person: how its numbers read (£, %, a count) and its
/// heading in words. Each analysis declares its columns next to the SQL that makes them;
/// the identifier stays the column's name in SQL, csv and json.
public struct ColumnMeaning: Sendable, Equatable {
    public let kind: ColumnKind
    /// The heading reports show: plain words a board member reads without a glossary.
    public let heading: String

    /// Text (names, codes, dates).
    public static func text(_ heading: String) -> ColumnMeaning { ColumnMeaning(kind: .plain, heading: heading) }
    /// A count, its digits grouped for people.
    public static func count(_ heading: String) -> ColumnMeaning { ColumnMeaning(kind: .count, heading: heading) }
    /// Integer pence, shown as £.
    public static func money(_ heading: String) -> ColumnMeaning { ColumnMeaning(kind: .money, heading: heading) }
    /// A percentage 0–100.
    public static func percent(_ heading: String) -> ColumnMeaning { ColumnMeaning(kind: .percent, heading: heading) }
    /// A number that is not a count (units, points of change): shown as SQL gives it.
    public static func number(_ heading: String) -> ColumnMeaning { ColumnMeaning(kind: .plain, heading: heading) }
}

/// An analysis's columns by identifier: its own declarations over the shared vocabulary
/// (`ColumnMeanings.shared`), so a column several analyses return is declared once.
public struct ColumnMeanings: Sendable, ExpressibleByDictionaryLiteral {
    let byName: [String: ColumnMeaning]

    public init(dictionaryLiteral elements: (String, ColumnMeaning)...) {
        byName = Dictionary(elements, uniquingKeysWith: { _, _ in preconditionFailure("a column declared twice in one list") })
    }

    init(_ byName: [String: ColumnMeaning]) { self.byName = byName }

    /// These declarations, then the shared vocabulary for any column they do not name.
    public func meaning(of column: String) -> ColumnMeaning? {
        byName[column] ?? ColumnMeanings.shared.byName[column]
    }

    /// Both lists; a column in both takes `other`'s meaning.
    func merging(_ other: ColumnMeanings) -> ColumnMeanings {
        ColumnMeanings(byName.merging(other.byName) { _, theirs in theirs })
    }

    /// `result` with its columns' kinds and headings set (an undeclared column keeps its
    /// name as heading and reads as SQL gave it).
    func apply(to result: inout ResultSet) {
        let meanings = result.columns.map(meaning(of:))
        result.kinds = meanings.map { $0?.kind ?? .plain }
        result.headings = zip(result.columns, meanings).map { column, meaning in meaning?.heading ?? column }
    }

    /// Columns many analyses return, with one meaning wherever they appear.
    static let shared: ColumnMeanings = [
        "partner": .text("Partner"), "year": .text("Financial year"), "category": .text("Category"),
        "contract_id": .text("Contract"), "title": .text("Title"), "supplier": .text("Supplier"),
        "supplier_id": .text("Supplier ID"), "name": .text("Name"), "postcode": .text("Postcode"),
        "district": .text("Postcode district"), "area": .text("Postcode area"), "authority": .text("Authority"),
        "measure": .text("Measure"), "theme": .text("Theme"), "description": .text("Description"),
        "portal": .text("Through the Portal"), "rank": .count("Rank"),
        "contracts": .count("Contracts"), "suppliers": .count("Suppliers"), "gm_suppliers": .count("GM suppliers"),
        "commitments": .count("Commitments"),
        "awarded": .money("Awarded"), "value": .money("Value"),
        "committed": .money("Committed (TOMs £)"), "delivered": .money("Delivered (TOMs £)"),
        "delivery_rate": .percent("Delivered, % of committed"), "value_share": .percent("Share of value"),
        "district_gm_share": .percent("District's postcodes in GM"),
        "units_committed": .number("Units committed"), "units_delivered": .number("Units delivered"),
    ]
}
