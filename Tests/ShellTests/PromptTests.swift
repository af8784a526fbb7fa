import Testing
import SVWAnalysis
@testable import SVWShell

@Suite struct PromptTests {
    @Test func namesTheWorkspaceAndFilter() {
        #expect(Prompt.main(workspacePath: nil, filter: Filter()) == "svw> ")
        #expect(Prompt.main(workspacePath: "/data/board.db", filter: Filter()) == "svw board.db> ")
        #expect(Prompt.main(workspacePath: nil, filter: Filter(year: "2020/21", partner: "Stockport"))
                == "svw [2020/21 Stockport]> ")
    }

    @Test func filterLabelCoversEveryField() {
        #expect(Prompt.filterLabel(Filter(category: "Highways", minValuePence: 2_500_000)) == "Highways ≥£25,000")
        #expect(Prompt.filterLabel(Filter(minValuePence: 2_500_000, maxValuePence: 5_000_050)) == "£25,000–£50,000.50")
        #expect(Prompt.filterLabel(Filter(maxValuePence: 100)) == "<£1")
        #expect(Prompt.filterLabel(Filter(from: "2020-04-01", to: "2020-12-31")) == "2020-04-01…2020-12-31")
        #expect(Prompt.filterLabel(Filter(from: "2020-04-01")) == "from 2020-04-01")
    }

    @Test func continuationLinesUpUnderTheMainPrompt() {
        #expect(Prompt.continuation(under: "svw> ") == "...> ")
        #expect(Prompt.continuation(under: "svw board.db> ") == "         ...> ")
        #expect(Prompt.continuation(under: "svw [2020/21 £]> ").count == "svw [2020/21 £]> ".count)
    }
}
