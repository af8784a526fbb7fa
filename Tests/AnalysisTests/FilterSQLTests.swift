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
        // a category as well, so the thresholds are bound rather than built into a rollup
        let r = try Headline.run(db, year: "2020/21", filter: Filter(partner: "O'Neill", category: "Works"))
        let text = r.query.annotated
        #expect(text.contains("-- .parameter set :year \"'2020/21'\"\n"))
        #expect(text.contains("-- .parameter set :partner \"'O''Neill'\"\n"))
        #expect(text.contains("-- .parameter set :applicable_pence 2500000\n"))
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

@Suite struct PrintedSQLTests {
    /// Replays what `--sql` prints the way an analyst would in the sqlite3 shell: each
    /// `.parameter set` value is evaluated as SQL (as sqlite3 does), bound in order, and
    /// the printed statement must give the same figures.
    @Test func printedSQLReproducesTheFigures() throws {
        let db = try Fixture.db()
        let results = [
            try Headline.run(db, year: "2020/21", filter: Filter(partner: "Stockport")),
            try Geography.run(db, filter: Filter(year: "2020/21", minValuePence: 2_500_001), by: .authority),
            try Weighting.histogram(db, filter: Filter(category: "Construction"), options: Weighting.Options(bins: [0, 12.5, 25])),
            try Search.find(db, text: "school", filter: Filter(to: "2021-01-01"), limit: 5),
            try Weighting.statistics(db, filter: Filter(year: "2020/21"), by: .partner),
            try Themes.run(db, filter: Filter(partner: "Stockport"), by: .measure),
            try Trend.run(db, filter: Filter(from: "2019-06-01")),
        ]
        for r in results {
            var values: [SQLValue] = []
            var statement = ""
            for line in r.query.annotated.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("-- .parameter set :") {
                    var argument = String(line.split(separator: " ", maxSplits: 4)[4])
                    if argument.hasPrefix("\"") {
                        argument = String(argument.dropFirst().dropLast())
                            .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
                    }
                    values.append(try db.scalar("SELECT " + argument))
                } else if !line.hasPrefix("--") {
                    statement += line + "\n"
                }
            }
            let stmt = try db.prepare(statement)
            try stmt.bind(values)
            #expect(try stmt.all().rows == r.result.rows, "\(r.title)")
        }
    }
}
