import Testing
@testable import SVWAnalysis
import SVWDatabase

@Suite struct FilterSQLTests {
    @Test func userTextIsBoundNeverSpliced() throws {
        let db = try Fixture.db()
        let hostile = "Stockport' OR 1=1; --"
        let filter = Filter(year: "2020/21", partner: hostile, category: "x\"y")
        let r = try Geography.run(db, filter: filter)
        #expect(!r.query.text.contains(hostile))
        #expect(!r.query.text.contains("x\"y"))
        #expect(r.query.parameters.map(\.name) == ["year", "partner", "category"])
        #expect(r.row("Total")?["contracts"] == 0)
        let find = try Search.find(db, text: hostile, filter: Filter())
        #expect(!find.query.text.contains("Stockport'"))
    }

    @Test func parameterOrderFollowsFirstAppearance() {
        let names = QueryBuilder.parameterNames(in: """
            SELECT ':not_me', "col:umn", [x:y] -- :comment
            /* :block */ FROM t WHERE a = :b AND c = :a AND d = :b AND e = ':z'
            """)
        #expect(names == ["b", "a"])
    }

    @Test func annotatedSQLShowsTheValues() throws {
        let db = try Fixture.db()
        let r = try Headline.run(db, year: "2020/21", filter: Filter(partner: "O'Neill"))
        let text = r.query.annotated
        #expect(text.contains("--   :year = '2020/21'"))
        #expect(text.contains("--   :partner = 'O''Neill'"))
        #expect(text.contains("--   :applicable_pence = 2500000"))
        #expect(text.hasSuffix(";\n"))
        // the SQL as printed runs in plain SQLite once its parameters are bound the same way
        let statement = try db.prepare(r.query.text)
        #expect(statement.parameterCount == r.query.parameters.count)
    }

    @Test func filterDescriptionAndMerging() {
        let session = Filter(year: "2020/21", partner: "Stockport")
        let command = Filter(partner: "Trafford", minValuePence: 2_500_000)
        let merged = session.overridden(by: command)
        #expect(merged == Filter(year: "2020/21", partner: "Trafford", minValuePence: 2_500_000))
        #expect(merged.description == "year=2020/21 partner=Trafford min-value=25000")
        #expect(merged.label == "2020/21 Trafford ≥25000")
        #expect(Filter(category: "Street works").description == "category='Street works'")
        #expect(Filter(minValuePence: 2_500_050).description == "min-value=25000.50")
        #expect(Filter().isEmpty && Filter().description.isEmpty)
    }

    @Test func catalogComesFromTheData() throws {
        let db = try Fixture.db()
        #expect(try Catalog.partners(db) == ["Stockport", "Trafford"])
        #expect(try Catalog.years(db) == ["2019/20", "2020/21"])
        #expect(try Catalog.categories(db) == ["Catering", "Cleaning", "Construction", "Grounds", "Logistics"])
        #expect(try Catalog.themes(db) == ["Jobs", "Growth", "Social", "Environment"])
        #expect(try Catalog.measures(db) == ["NT1", "NT14", "NT28", "NT31"])
        let edition = try Catalog.measuresEdition(db)
        #expect(edition.edition == "ill-1" && edition.illustrative && edition.measures == 4)
    }
}
