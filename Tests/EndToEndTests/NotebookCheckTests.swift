import Foundation
import Testing
import TestSupport

/// Every notebook in Notebooks/ must replay to exactly its stored output: a change that
/// alters any figure fails here until the notebook is deliberately updated (--update).
@Suite struct NotebookCheckTests {
    static let notebooks: [String] = {
        let folder = SVWBinary.packageRoot.appendingPathComponent("Notebooks")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".svw") }.sorted()
    }()

    /// The board notebooks the README lists; deleting or renaming one fails here.
    static let boardNotebooks = ["compliance.svw", "example-sql.svw", "geography.svw", "headline.svw", "sme-vcse.svw",
                                 "supplier.svw", "themes.svw", "trend.svw", "weighting.svw"]

    @Test func notebooksExist() {
        #expect(Set(Self.boardNotebooks).isSubset(of: Set(Self.notebooks)), "\(Self.notebooks)")
    }

    /// Each notebook reads as a document and replays the same anywhere: it opens with a
    /// comment saying what it answers, fixes its output mode, declares the data it runs on
    /// (paths relative to itself, with hashes), and stores output for its commands.
    @Test(arguments: notebooks)
    func notebookIsSelfDescribing(_ name: String) throws {
        let text = try String(contentsOf: SVWBinary.packageRoot.appendingPathComponent("Notebooks/" + name), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        #expect(lines.first?.hasPrefix("# svw notebook: ") == true, "\(name) opens with its title")
        #expect(text.contains("svw run Notebooks/\(name)"), "\(name) says how to re-run it")
        guard name != "example-sql.svw" else { return }   // builds its own table, in csv at the end
        let firstCommand = lines.first { !$0.isEmpty && !$0.hasPrefix("#") }
        #expect(firstCommand == "mode table", "\(name) fixes its mode first, not \(firstCommand ?? "nothing")")
        let data = lines.filter { $0.hasPrefix("# data: ") }
        #expect(data.count == 5, "\(name) records the five sample files")
        for line in data { #expect(line.hasPrefix("# data: ../SampleData/") && line.contains(" sha256=") && line.contains(" rows=")) }
        #expect(text.contains("\nload sample ../SampleData\n"))
        #expect(lines.filter { $0.hasPrefix("#> ") }.count > 10, "\(name) stores its output")
    }

    /// The year is a parameter: another year's answers come from the same notebook.
    @Test func headlineAnswersAnotherYear() throws {
        let result = try SVWBinary.run(["run", "Notebooks/headline.svw", "year=2021/22"], in: SVWBinary.packageRoot)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("Headline figures — 2021/22\n  £239m  awarded in 1,428 contracts\n    30%  "))
        let check = try SVWBinary.run(["run", "Notebooks/headline.svw", "year=2021/22", "--check"], in: SVWBinary.packageRoot)
        #expect(check.status == 1)
        #expect(check.out.contains("-    28%  of the value awarded committed as social value: £60m"))
        #expect(check.out.contains("+    30%  of the value awarded committed as social value: £72m"))
    }

    @Test(arguments: notebooks)
    func notebookPassesCheck(_ name: String) throws {
        // --strict: a data file that no longer matches its "# data:" hash fails too, even
        // where no stored figure happens to move.
        let result = try SVWBinary.run(["run", "Notebooks/" + name, "--check", "--strict"], in: SVWBinary.packageRoot)
        #expect(result.status == 0, "\(name):\n\(result.out)\(result.err)")
        #expect(result.out == "")
    }

    @Test func driftFailsWithADiffAndUpdateRewrites() throws {
        let scratch = try ScratchFolder()
        let original = try String(contentsOf: SVWBinary.packageRoot.appendingPathComponent("Notebooks/example-sql.svw"), encoding: .utf8)
        // One contract's value changes: the partner table and the headline drift, nothing else.
        let changed = original.replacingOccurrences(of: "('C001', 'Bolton',    '2020/21', 125000000,", with: "('C001', 'Bolton',    '2020/21', 125000100,")
        #expect(changed != original)
        try scratch.write("nb.svw", changed)

        let check = try SVWBinary.run(["run", "nb.svw", "--check"], in: scratch.url)
        #expect(check.status == 1)
        #expect(check.err.hasSuffix("nb.svw: 2 of 7 outputs differ\n"))
        #expect(check.out.contains("--- nb.svw:"))
        #expect(check.out.contains("-Bolton             2  £1,274,000.00   £350,000.00     27.5%\n+Bolton             2  £1,274,001.00   £350,000.00     27.5%\n"))
        #expect(check.out.contains("-2020/21  £4,849,623.45     28.8%\n+2020/21  £4,849,624.45     28.8%\n"))

        let update = try SVWBinary.run(["run", "nb.svw", "--update"], in: scratch.url)
        #expect(update.status == 0)
        #expect(update.out == "")
        let updated = try scratch.read("nb.svw")
        // Only expected-output lines changed.
        let before = changed.components(separatedBy: "\n"), after = updated.components(separatedBy: "\n")
        #expect(before.count == after.count)
        for (a, b) in zip(before, after) where a != b { #expect(a.hasPrefix("#> ") && b.hasPrefix("#> ")) }
        #expect(updated.contains("#> 2020/21  £4,849,624.45     28.8%\n"))

        let recheck = try SVWBinary.run(["run", "nb.svw", "--check"], in: scratch.url)
        #expect(recheck.status == 0)
        #expect(recheck.err == "nb.svw: all 7 outputs match\n")
    }

    @Test func aParameterOverrideIsCheckedAgainstTheStoredYear() throws {
        let result = try SVWBinary.run(["run", "Notebooks/example-sql.svw", "year=2021/22", "--check"], in: SVWBinary.packageRoot)
        #expect(result.status == 1)
        #expect(result.out.contains("+2021/22  £2,499,999.99     26.0%"))
    }
}
