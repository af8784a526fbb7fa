import Testing
import SVWText

/// The number and plural formatting every layer shares.
struct NumberTextTests {
    @Test func digitsAreGroupedInThrees() {
        #expect(NumberText.thousands("1234567") == "1,234,567")
        #expect(NumberText.thousands("123") == "123")
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(1000) == "1,000")
        #expect(NumberText.grouped(-1_204) == "-1,204")
        #expect(NumberText.grouped(UInt64(98_765_432_100)) == "98,765,432,100")
        #expect(NumberText.grouped(Int64.min) == "-9,223,372,036,854,775,808")
    }

    @Test func oneDecimalRoundsHalvesAwayFromZero() {
        #expect(NumberText.oneDecimal(12.25) == "12.3")
        #expect(NumberText.oneDecimal(3) == "3.0")
        #expect(NumberText.oneDecimal(-0.05) == "-0.1")
        #expect(NumberText.oneDecimal(0.04) == "0.0")
        #expect(NumberText.oneDecimal(-2.46) == "-2.5")
    }

    @Test func nounsAgreeWithTheirCount() {
        #expect(Plural.noun(1, "row") == "row")
        #expect(Plural.noun(0, "row") == "rows")
        #expect(Plural.noun(2, "category", "categories") == "categories")
        #expect(Plural.counted(1, "row") == "1 row")
        #expect(Plural.counted(1_204, "row") == "1,204 rows")
    }
}

/// "Did you mean", shared by commands, options, parameters and headers.
struct SuggestTests {
    @Test func editDistanceCountsATranspositionAsOneEdit() {
        #expect(EditDistance.between("halp", "help") == 1)
        #expect(EditDistance.between("teh", "the") == 1)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("kitten", "sitting") == 3)
    }

    @Test func theClosestCandidateWithinAThirdOfTheWordIsSuggested() {
        #expect(Suggest.closest(to: "halp", among: ["help", "headline"]) == "help")
        #expect(Suggest.closest(to: "zzzzzz", among: ["help", "headline"]) == nil)
        // No close candidate: a word of three or more letters that starts one is completed.
        #expect(Suggest.closest(to: "head", among: ["help", "headline"]) == "headline")
    }
}
