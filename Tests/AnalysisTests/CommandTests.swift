import Foundation
import SVWScript
import Testing
import SVWAnalysis
import SVWDatabase
import SVWRendering
import SVWWorkspace
@testable import SVWCommands

/// The analysis commands driven as an analyst types them, through the dispatcher.
final class Harness {
    let session: Session
    let capture: Console.Capture

    init(mode: OutputMode = .table, empty: Bool = false) throws {
        let (console, capture) = Console.capturing()
        session = Session(workspace: empty ? try Workspace() : try Fixture.workspace(), console: console, mode: mode,
                          baseDirectory: FileManager.default.temporaryDirectory)
        self.capture = capture
    }

    /// Runs `text` and returns (stdout, stderr, failures); the captured text is reset each time.
    @discardableResult
    func run(_ text: String) -> (out: String, err: String, failures: Int) {
        capture.out = ""
        capture.err = ""
        let failures = ScriptRunner(session: session, sourceName: "test").run(text)
        return (capture.out, capture.err, failures)
    }
}

@Suite struct CommandTests {
    @Test func unknownPartnerYearOrCategoryListsTheValidOnes() throws {
        let h = try Harness()
        var r = h.run("geography --partner Stokport")
        #expect(r.failures == 1)
        #expect(r.err == "test:1: geography: unknown partner \"Stokport\"; did you mean \"Stockport\"? (partners in the data: Stockport, Trafford)\n")
        r = h.run("themes --year 2018/19")
        #expect(r.err == "test:1: themes: unknown year \"2018/19\" (years in the data: 2019/20, 2020/21)\n")
        r = h.run("headline 2021/22")
        #expect(r.err == "test:1: headline: unknown year \"2021/22\" (years in the data: 2019/20, 2020/21)\n")
        r = h.run("weighting --category Plumbing")
        #expect(r.err.contains("unknown category \"Plumbing\"") && r.err.contains("Catering, Cleaning, Construction, Grounds, Logistics"))
        r = h.run("headline 2020/22")
        #expect(r.err.contains("not a financial year"))
        r = h.run("geography --by county")
        #expect(r.err.contains("--by takes one of authority, area, partner, not \"county\""))
        #expect(h.run("geography --partner stockport --no-chart").failures == 0)   // any case, bound as the data spells it
    }

    @Test func sessionFilterIsRecordedMergedAndCleared() throws {
        let h = try Harness(mode: .csv)
        #expect(h.run("filter year=2020/21 partner=trafford").failures == 0)
        #expect(h.session.filter == Filter(year: "2020/21", partner: "Trafford"))
        #expect(h.run("filter").err == "filter: year=2020/21 partner=Trafford\n")
        // the session filter applies; a command option overrides one key for that command only
        var out = h.run("geography").out
        #expect(out.contains("Total,3,100.0,4,190000.00,100.0"))   // Trafford 2020/21: C03, C04, C05, C09
        out = h.run("geography --partner Stockport").out
        #expect(out.contains("Total,3,100.0,3,185000.01,100.0"))   // Stockport 2020/21: C01, C02, C08
        #expect(h.session.filter.partner == "Trafford")
        h.run("filter partner=")
        #expect(h.session.filter == Filter(year: "2020/21"))
        #expect(h.run("filter partner=Nowhere").failures == 1)
        #expect(h.session.filter == Filter(year: "2020/21"))       // a failed filter changes nothing
        #expect(h.run("filter colour=red").err.contains("unknown key \"colour\""))
        h.run("filter clear")
        #expect(h.session.filter.isEmpty)
        let recorded = h.session.recording.map(\.text)
        #expect(recorded.contains("filter year=2020/21 partner=trafford"))
        #expect(recorded.contains("filter clear"))
        #expect(!recorded.contains("filter partner=Nowhere"))
    }

    @Test func chartsOnlyInHumanModesAndWhenWanted() throws {
        let h = try Harness(mode: .table)
        var out = h.run("geography --year 2020/21").out
        #expect(out.contains("Awarded value by supplier location — 2020/21\nInside GM"))
        #expect(out.contains("█"))
        out = h.run("geography --year 2020/21 --no-chart").out
        #expect(!out.contains("█"))
        h.session.showCharts = false
        #expect(!h.run("geography --year 2020/21").out.contains("█"))
        h.session.showCharts = true
        for mode in ["csv", "tsv", "json"] {
            out = h.run("geography --year 2020/21 --format \(mode)").out
            #expect(!out.contains("█") && !out.contains("Winning suppliers"), "\(mode)")
        }
        // json is one array, numbers as numbers, money in pounds
        let json = try JSONSerialization.jsonObject(with: Data(h.run("geography --year 2020/21 --format json").out.utf8)) as? [[String: Any]]
        #expect(json?.count == 4)
        #expect((json?[3]["awarded"] as? Double) == 375000.01)
        #expect((json?[0]["location"] as? String) == "Inside GM")
    }

    /// A chart's title names the filter once, whatever the command.
    @Test func chartTitlesNameTheFilterOnce() throws {
        let h = try Harness(mode: .table)
        for command in ["geography", "geography --by authority", "geography --by area", "geography --by partner",
                        "geography --top 3", "themes", "themes --by measure", "themes --by partner", "weighting",
                        "weighting --by partner", "compliance"] {
            h.run(command + " --year 2020/21")
            let title = try #require(h.session.lastChart?.title, "\(command)")
            #expect(title.components(separatedBy: "2020/21").count == 2, "\(command): \(title)")
        }
        h.run("geography --top 3 --year 2020/21")
        #expect(h.session.lastChart?.title == "Largest suppliers outside GM (top 3), by value awarded — 2020/21")
    }

    /// In an analysis NULL means "does not apply": a Total row's label columns, the first
    /// year's change. The human modes and reports show those cells as –; json keeps null.
    @Test func cellsThatDoNotApplyReadAsADashNotNULL() throws {
        let h = try Harness(mode: .table)
        for command in ["themes --by measure", "trend", "find Acme", "weighting --by partner", "supplier S1"] {
            let out = h.run(command + " --no-chart").out
            #expect(!out.contains("NULL"), "\(command):\n\(out)")
        }
        let measures = h.run("themes --by measure --no-chart").out
        let total = try #require(measures.split(separator: "\n").first { $0.hasPrefix("Total") })
        #expect(total.hasPrefix("Total    –            –                      –                      6"))
        // on screen the first year has no change column at all; json keeps its change null
        #expect(h.run("trend --format box --no-chart").out.contains("│     2019/20 │     2020/21 │   change │"))
        let json = h.run("trend --format json").out
        #expect(json.contains("\"awarded_change_pct\":null"))
        // plain SQL still shows NULL as NULL
        #expect(h.run("SELECT NULL AS n;").out == "n\n----\nNULL\n")
        // and so do reports: – for the analysis, NULL for the SQL
        let report = ReportDocument(session: h.session, folder: FileManager.default.temporaryDirectory)
        let html = ReportWriter.render(report, as: .html), md = ReportWriter.render(report, as: .markdown)
        #expect(html.components(separatedBy: ">NULL</td>").count == 2)
        #expect(md.components(separatedBy: "| NULL |").count == 2)
        #expect(html.contains("<tr><td>Total</td><td>–</td><td>–</td><td>–</td><td class=\"num\">6</td>"))
        #expect(md.contains("| Total | – | – | – | 6 |"))
    }

    @Test func weightingBelowByPartnerAndItsUsageErrors() throws {
        let h = try Harness(mode: .csv)
        let r = h.run("weighting --year 2020/21 --below --by partner --target 25 --limit 1")
        #expect(r.failures == 0)
        #expect(r.out == """
            partner,contract_id,year,title,supplier,value,weighting
            Stockport,C01,2020/21,School building repairs,Acme Building Ltd,100000.00,20.0
            Trafford,C09,2020/21,Street cleansing,Bridgewater Cleaning,75000.00,20.0

            """)
        #expect(h.run("weighting --stats --by partner").err == "test:1: weighting: --stats does not combine with --by or --below\n")
        #expect(h.run("weighting --limit 3").err == "test:1: weighting: --limit applies to the --below list\n")
        // --show picks a table of the default view: neither the grouped statistics nor the list have one
        #expect(h.run("weighting --show statistics --by partner").err == "test:1: weighting: --show does not combine with --by or --below\n")
        #expect(h.run("weighting --show histogram --below").err == "test:1: weighting: --show does not combine with --by or --below\n")
        // the grouped list is one table, so json gets one array
        let json = h.run("weighting --year 2020/21 --below --by partner --target 25 --limit 1 --format json").out
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["partner"] as? String } == ["Stockport", "Trafford"])
    }

    /// The illustrative-proxy warning goes with £ figures from proxies only.
    @Test func trendWarnsAboutProxiesOnlyForTheirFigures() throws {
        let h = try Harness(mode: .table)
        #expect(h.run("trend --metric committed").out.contains("illustrative"))
        #expect(!h.run("trend --metric gm-pct").out.contains("illustrative"))
        #expect(!h.run("trend --metric weighting --format csv").err.contains("illustrative"))
        #expect(h.run("trend --format csv").err.contains("illustrative"))
    }

    /// A list cut by --limit says how long it is without the limit.
    @Test func limitedListsSayHowManyThereAre() throws {
        let h = try Harness(mode: .table)
        // Over £25k without KPIs: C09, C02, C08 failing, C05 not recorded.
        var r = h.run("compliance --list kpis --limit 2 --no-chart")
        #expect(r.out.contains("\n2 of 4 shown (--limit); without --limit the list has them all.\n"))
        r = h.run("compliance --list kpis --limit 4")
        #expect(!r.out.contains("shown (--limit)"))
        r = h.run("compliance --list kpis --limit 2 --format csv")
        #expect(r.err == "2 of 4 shown (--limit); without --limit the list has them all.\n")
        #expect(r.out.split(separator: "\n").count == 3)
        // per group: one of each partner's below 25%, of the four below it
        r = h.run("weighting --year 2020/21 --below --by partner --target 25 --limit 1")
        #expect(r.out.contains("2 of 4 shown (--limit)"))
        r = h.run("themes --uncommitted --over 25000 --limit 1")
        #expect(r.out.contains("1 of 4 shown (--limit)"))
        let below = try Weighting.below(h.session.db, filter: Filter(year: "2020/21"), options: Weighting.Options(target: 25), limit: 3)
        #expect(below.rowsWithoutLimit == 4)
        #expect(try Weighting.below(h.session.db, filter: Filter(year: "2020/21")).rowsWithoutLimit == nil)
    }

    @Test func sqlFlagPrintsTheQueryThatRan() throws {
        let h = try Harness(mode: .table)
        let r = h.run("weighting --year 2020/21 --partner Stockport --sql --no-chart")
        #expect(r.out.hasPrefix("-- Social value weighting, contracts over £25k — 2020/21 Stockport\n-- parameters"))
        #expect(r.out.contains("-- .parameter set :partner \"'Stockport'\""))
        #expect(r.out.contains("FROM rollup_contract_cells"))
        #expect(r.out.contains("partner = :partner"))
        // in csv the data stays clean: the SQL goes to stderr
        let csv = try Harness(mode: .csv).run("headline 2020/21 --sql")
        #expect(csv.out.hasPrefix("year,contracts,awarded,"))
        #expect(csv.err.contains("SELECT * FROM metrics"))
    }

    @Test func headlinePublishedLinesAndExactTable() throws {
        let h = try Harness(mode: .table)
        let out = h.run("headline 2020/21").out
        #expect(out.hasPrefix("Headline figures — 2020/21\n  £375k  awarded in 7 contracts\n"))
        #expect(out.contains("     2%  of the value awarded committed as social value: £8k"))
        #expect(out.contains("    50%  of winning businesses are GM businesses (3 of 6; 1 with an unknown postcode)"))
        #expect(out.contains("   £500  social value delivered through the service's own workforce"))
        #expect(out.contains("Total awarded                                         £375,000.01"))
        #expect(out.contains("illustrative"))
        let csv = h.run("headline --year 2020/21 --format csv").out
        #expect(csv == """
            year,contracts,awarded,sv_committed,sv_committed_pct,sv_delivered,sv_delivered_pct,unvalued_commitments,suppliers,gm_suppliers,gm_suppliers_pct,unknown_suppliers,own_workforce_sv,mean_weighting,weighted_mean_weighting,contracts_over_25k,contracts_over_50k,measures_edition,proxy_values
            2020/21,7,375000.01,7875.00,2.1,2250.00,0.6,0,6,3,50.0,1,500.00,20.0,19.3,6,3,ill-1,illustrative

            """)
        #expect(h.run("headline 2020/21 --year 2019/20").err.contains("two different years"))
        let latest = h.run("headline --no-chart")
        #expect(latest.err.contains("showing 2020/21, the latest year"))
    }

    @Test func exportChartWritesTheLastChart() throws {
        let h = try Harness(mode: .csv)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svw-analysis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        h.session.baseDirectory = dir
        #expect(h.run("export chart none.svg").err.contains("the last result has no chart"))
        // csv mode draws no chart but keeps it for export
        h.run("geography --year 2020/21 --by authority")
        #expect(h.run("export chart geo.svg").failures == 0)
        let svg = try String(contentsOf: dir.appendingPathComponent("geo.svg"), encoding: .utf8)
        let parsed = try SVGContents(svg)
        #expect(parsed.texts.contains("Awarded value by supplier's GM authority — 2020/21"))
        #expect(parsed.texts.contains("Stockport") && parsed.texts.contains("£100k") && parsed.texts.contains("£25k"))
        #expect(h.run("export chart geo.png").err.contains("must end in .svg"))
        #expect(h.run("export table x.svg").err.contains("unknown kind \"table\""))
        h.run("headline 2020/21")
        #expect(h.run("export chart again.svg").err.contains("the last result has no chart"))
    }

    @Test func findAndSupplierCommands() throws {
        let h = try Harness(mode: .csv)
        #expect(h.run("find school meals").out == """
            rank,kind,id,text,supplier,partner,year,contracts,value
            1,contract,C02,School meals catering,Cheshire Catering,Stockport,2020/21,1,60000.00

            """)
        #expect(h.run("find --limit 1 clean").out.split(separator: "\n").count == 2)
        let supplier = h.run("supplier acme building --show contracts")
        #expect(supplier.out == "year,partner,contracts,awarded,mean_weighting\n2019/20,Stockport,1,30000.00,15.0\n2020/21,Stockport,1,100000.00,20.0\nTotal,,2,130000.00,17.5\n")
        #expect(h.run("supplier c").err.contains("matches 2 suppliers; give the id of one:"))
        #expect(h.run("supplier nobody").err.contains("no supplier matches \"nobody\""))
        let table = try Harness(mode: .table).run("supplier S2")
        // People read the profile's fields by their headings in words.
        #expect(table.out.contains("GM status                   GM"), "\(table.out)")
        #expect(table.out.contains("Contracts won by S2, by year and partner"))
    }

    @Test func everyExampleParses() throws {
        for spec in AnalysisCommands.specs {
            for example in spec.examples {
                var words = try Tokenizer.words(example)
                let name = words.removeFirst()
                let target = try #require(CommandRegistry.command(named: name), "\(example)")
                _ = try Invocation(spec: target.withCommonOptions, words: words)
            }
            #expect(!spec.discussion.isEmpty, "\(spec.name) has a discussion")
        }
    }

    @Test func completionKindsSitOnTheRightOptions() {
        let geography = CommandRegistry.command(named: "geography")
        #expect(geography?.option(named: "partner")?.completion == .partner)
        #expect(geography?.option(named: "year")?.completion == .year)
        let themes = CommandRegistry.command(named: "themes")
        #expect(themes?.option(named: "theme")?.completion == .theme)
        #expect(themes?.option(named: "measure")?.completion == .measure)
        #expect(CommandRegistry.command(named: "headline")?.arguments.first?.completion == .year)
        #expect(CommandRegistry.command(named: "filter")?.recorded == true)
    }
}

@Suite struct EmptyWorkspaceTests {
    @Test func commandsSayWhatIsMissingInsteadOfFailing() throws {
        let h = try Harness(mode: .table, empty: true)
        var r = h.run("weighting")
        #expect(r.failures == 0)
        #expect(r.out.contains("No contract in scope has a weighting recorded."))
        r = h.run("themes")
        #expect(r.out.contains("No measures are loaded, so commitments have no £ value"))
        r = h.run("headline")
        #expect(r.err == "test:1: headline: no contracts are loaded yet (load contracts FILE, or start svw with --sample)\n")
        r = h.run("geography --partner Stockport")
        #expect(r.err == "test:1: geography: unknown partner \"Stockport\" (no contracts are loaded yet)\n")
        for command in ["geography --by authority", "geography --top 3", "themes --by measure", "weighting --by year",
                        "weighting --below", "compliance", "compliance --list lagging", "trend", "find anything"] {
            #expect(h.run(command).failures == 0, "\(command)")
        }
        #expect(h.session.lastChart == nil)
    }
}
