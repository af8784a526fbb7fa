import Foundation
import Testing
import SVWCommands
@testable import SVWShell
import TestSupport

/// Completion against a live workspace: what Tab would do for a line typed so far.
@Suite struct CompleterTests {
    let session: Session
    let completer: Completer

    init() throws {
        session = try TestWorkspace.session().0
        completer = Completer(source: WorkspaceCompletionSource(session: session))
    }

    func action(_ before: String, pending: String = "") -> Completion.Action {
        completer.complete(before: before, pendingSQL: pending).action
    }

    func listed(_ before: String, pending: String = "") -> [String] {
        completer.complete(before: before, pendingSQL: pending).candidates.map(\.display)
    }

    // MARK: Supplier names, categories, measures, backslash commands

    @Test func supplierNamesCategoriesAndMeasuresWithTheirDescriptions() {
        #expect(action("supplier O") == .insert("'O'\\''Brien & Sons' "))
        #expect(action("geography --category Hi") == .insert("Highways "))
        #expect(listed("themes --measure NT") == ["NT1   Local staff", "NT10  x", "NT2   y"])
        #expect(action("themes --measure NT1") == .list(["NT1   Local staff", "NT10  x"]))
        #expect(action("\\d") == .list(["\\d", "\\dt"]))
    }

    // MARK: Commands

    @Test func commandNames() {
        #expect(action("descr") == .insert("describe "))
        #expect(action(".mo") == .insert(".mode "))
        #expect(action("he") == .list(["headers", "headline", "help"]))
        #expect(action("hi") == .insert("history "))
        #expect(action("sel") == .insert("select "))
        #expect(action("WI") == .insert("WITH "))
    }

    @Test func afterSemicolonANewUnitStarts() {
        #expect(action("mode csv; descr") == .insert("describe "))
    }

    @Test func tableArgument() {
        #expect(action("describe contr") == .insert("contracts "))
        #expect(listed("describe co") == ["commitments", "contracts", "commitment_values"])
        #expect(action("schema suppl") == .insert("supplier"))
        #expect(action("schema supplier") == .list(["suppliers", "supplier_geography"]))
    }

    @Test func optionNamesAndValues() {
        #expect(action("describe contracts --fo") == .insert("--format "))
        #expect(action("describe contracts --format j") == .insert("json "))
        #expect(action("describe contracts --format=ma") == .insert("--format=markdown "))
        #expect(action("tables --format json --fo") == .beep, "a non-repeatable option is offered once")
        #expect(listed("tables --") == ["--format", "--all"])
    }

    @Test func outputModeAndChoices() {
        #expect(action("mode ts") == .insert("tsv "))
        #expect(action("headers o") == .list(["on", "off"]))
        #expect(action("timer of") == .insert("off "))
        #expect(action("help desc") == .insert("describe "))
    }

    @Test func noCompletionForAnUnknownCommandOrAFreeArgument() {
        #expect(action("frobnicate x") == .beep)
        #expect(action("history 1") == .beep)
    }

    // MARK: SQL

    @Test func tablesAfterFromAndJoin() {
        #expect(action("SELECT * FROM contr") == .insert("contracts "))
        #expect(action("select * from contracts c join supplier") == .list(["suppliers", "supplier_geography"]))
        #expect(action("SELECT * FROM contracts, supp") == .insert("supplier"))
    }

    @Test func columnsOfTheTablesNamed() {
        #expect(action("SELECT * FROM contracts WHERE par") == .insert("partner "))
        #expect(action("SELECT * FROM contracts c WHERE c.par") == .insert("c.partner "))
        #expect(action("SELECT * FROM contracts AS k JOIN suppliers s ON s.supplier_id = k.supp") == .insert("k.supplier_id "))
        #expect(listed("SELECT * FROM suppliers WHERE post") == ["postcode", "postcode_raw", "postcode_source", "postcode_status"])
    }

    @Test func keywordsInTheUsersCase() {
        #expect(listed("SELECT * FROM contracts WHERE partner = 'Stockport' ORD") == ["ORDER BY"])
        #expect(listed("select * from contracts where partner = 'Stockport' ord") == ["order by"])
    }

    @Test func partnerNamesInsideAString() {
        #expect(action("SELECT * FROM contracts WHERE partner = 'Sto") == .insert("'Stockport' "))
        #expect(action("SELECT * FROM contracts WHERE partner = 'T") == .list(["Tameside", "Trafford"]))
        #expect(action("SELECT * FROM contracts WHERE partner IN ('Stockport', 'Tr") == .insert("'Trafford' "))
        #expect(action("SELECT * FROM contracts WHERE partner = 'Gr") == .insert("'Greater Manchester' "))
    }

    @Test func valuesOfAnyTextColumnInsideAString() {
        #expect(action("SELECT * FROM suppliers WHERE name LIKE 'O") == .insert("'O''Brien & Sons' "))
        #expect(action("SELECT * FROM contracts WHERE category = 'Hi") == .insert("'Highways' "))
    }

    @Test func laterLinesOfAStatementSeeTheEarlierOnes() {
        let pending = "SELECT *\n  FROM contracts c\n"
        #expect(action(" WHERE c.fin", pending: pending) == .insert("c.financial_year "))
        #expect(action(" WHERE financial_year = '2020", pending: pending) == .insert("'2020/21' "))
        #expect(action("descr", pending: pending) == .beep, "still SQL, not the describe command")
        #expect(action("ORDER BY val", pending: pending) == .insert("value_pence "))
    }

    @Test func typedTextIsBoundNotSpliced() {
        #expect(action("SELECT * FROM contracts WHERE partner = '%") == .beep)
        #expect(action("SELECT * FROM contracts WHERE partner = '_to") == .beep)
        #expect(action("SELECT * FROM suppliers WHERE name = 'O''") == .insert("'O''Brien & Sons' "))
    }

    // MARK: Domain values and files

    @Test func domainValuesFromTheData() throws {
        let source = WorkspaceCompletionSource(session: session)
        #expect(source.values(.partner, prefix: "") == ["Greater Manchester", "Stockport", "Tameside", "Trafford"])
        #expect(source.values(.year, prefix: "20") == ["2021/22", "2020/21", "2019/20"])
        // Measures of the active edition only, as --measure accepts them.
        try session.db.execute("""
            INSERT INTO measures(code, edition, theme, description, unit, proxy_pence) VALUES ('NT11', '2020', 'Jobs', 'w', 'FTE', 1);
            """)
        #expect(source.values(.measure, prefix: "nt1") == ["NT1", "NT10"])
        #expect(source.measuresDescribed(prefix: "nt1").map(\.code) == ["NT1", "NT10"])
        #expect(source.values(.theme, prefix: "e") == ["Environment"])
        #expect(source.values(.category, prefix: "") == ["Grounds", "Highways", "Social care"])
    }

    @Test func filesRelativeToTheSessionFolder() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.url
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        for name in ["data/contracts.csv", "data/commitments.csv", "My File.csv", ".hidden"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data())
        }
        session.baseDirectory = folder
        #expect(action("output da") == .insert("data/"))
        #expect(action("output data/con") == .insert("data/contracts.csv "))
        #expect(action("output data/co") == .list(["commitments.csv", "contracts.csv"]))
        #expect(action("output My") == .insert("'My File.csv' "))
        #expect(action("output \"My") == .insert("\"My File.csv\" "))
        #expect(listed("once ") == ["My File.csv", "data/"])
        #expect(action("output " + folder.path + "/data/cont") == .insert(folder.path + "/data/contracts.csv "))
        // `load table NAME FILE`: the name is not a file; the file after it is.
        #expect(action("load contracts da") == .insert("data/"))
        #expect(listed("load table da").isEmpty)
        #expect(action("load table things da") == .insert("data/"))
    }

    /// `filter` completes its keys from its spec, then the values of the key typed.
    @Test func filterKeysAndValues() {
        #expect(action("filter par") == .insert("partner="))
        #expect(action("filter min") == .insert("min-value="))
        #expect(action("filter cl") == .insert("clear "))
        #expect(action("filter year=2020/21 partner=Tr") == .insert("partner=Trafford "))
    }

    /// `load table NAME FILE`: the NAME is not a file; the form's own options only.
    @Test func loadFormsCompleteTheirOwnArguments() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.url
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("data.csv").path, contents: Data())
        session.baseDirectory = folder
        #expect(action("load ta") == .insert("table "))
        #expect(action("load table ") == .beep, "NAME is a new name: nothing to offer")
        #expect(action("load table things ") == .insert("data.csv "))
        #expect(action("load contracts ") == .insert("data.csv "))
        #expect(action("load sample ") == .insert("data.csv "), "DIR completes paths")
        #expect(listed("load table things data.csv --") == ["--delimiter", "--strict", "--replace", "--sha256", "--sheet", "--header-row",
                                                            "--max-field-size", "--types", "--format", "--all"])
        #expect(listed("load sample --") == ["--strict", "--format", "--all"])
        #expect(listed("load contracts x.csv --m") == ["--map", "--max-field-size"])
        #expect(listed("load contracts x.xlsx --s") == ["--strict", "--sha256", "--sheet"])
    }

    @Test func keyValueChoicesCompleteTheirValues() {
        let source = WorkspaceCompletionSource(session: session)
        let spec = CommandSpec(name: "filterlike", group: .analysis, abstract: "test",
                               arguments: [ArgumentSpec("KEY=VALUE", "", variadic: true,
                                                        completion: .choices(["year=", "partner="]))],
                               handler: { _ in })
        let completer = CommandCompleter(source: source, spec: spec)
        #expect(completer.complete(afterName: " pa").action == .insert("partner="))
        #expect(completer.complete(afterName: " year=2020/21 partner=Tr").action == .insert("partner=Trafford "))
        #expect(completer.complete(afterName: " partner=Gr").action == .insert("'partner=Greater Manchester' "))
    }
}

/// What one Tab press does with a list of candidates.
@Suite struct CompletionActionTests {
    @Test func oneCandidateIsInsertedWhole() {
        let c = Completion(replacing: "con", candidates: [.init(insertion: "contracts")])
        #expect(c.action == .insert("contracts "))
        let folder = Completion(replacing: "da", candidates: [.init(insertion: "data/", isFinal: false)])
        #expect(folder.action == .insert("data/"))
    }

    @Test func severalInsertTheirCommonPrefixThenList() {
        let c = Completion(replacing: "s", candidates: [.init(insertion: "suppliers"), .init(insertion: "supplier_geography")])
        #expect(c.action == .insert("supplier"))
        let d = Completion(replacing: "supplier", candidates: c.candidates)
        #expect(d.action == .list(["suppliers", "supplier_geography"]))
    }

    @Test func nothingBeeps() {
        #expect(Completion.none.action == .beep)
    }

    @Test func listingFitsColumnsAndCapsLength() {
        let text = CandidateListing.format(["alpha", "beta", "gamma", "delta"], width: 16)
        #expect(text == "alpha  beta\ngamma  delta\n")
        let many = CandidateListing.format((1...150).map { "n\($0)" }, width: 80)
        #expect(many.hasSuffix("… 50 more; type more letters to narrow it\n"))
    }
}
