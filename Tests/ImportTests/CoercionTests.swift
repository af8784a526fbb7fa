import Testing
@testable import SVWImport
import SVWDatabase
import SVWWorkspace

private func reason(_ body: () throws -> some Any) -> String? {
    do { _ = try body(); return nil } catch let e as CoercionError { return e.reason } catch { return "\(error)" }
}

@Suite struct MoneyTests {
    @Test(arguments: [
        ("£1,250,000.00", Int64(125_000_000)), ("1250000", 125_000_000), ("(1,000)", -100_000), ("-£5.00", -500),
        ("£-5.00", -500), ("£0.01", 1), ("12.5", 1250), ("  £ 7 ", 700), ("GBP 12.50", 1250), ("12.500", 1250),
        ("0", 0), ("+£3", 300), ("£1,000", 100_000), (".50", 50), ("(£2.50)", -250),
        ("92233720368547758.07", 9_223_372_036_854_775_807),
    ])
    func reads(_ text: String, _ pence: Int64) throws {
        #expect(try MoneyParser.pence(text) == pence)
    }

    @Test func windows1252PoundSign() throws {
        let bytes: [UInt8] = [0xA3] + Array("1,250.00".utf8)
        #expect(try bytes.withUnsafeBytes { try MoneyParser.pence($0) } == 125_000)
    }

    @Test func reasons() {
        #expect(reason { try MoneyParser.pence("abc") } == "not a money amount: \"abc\" (expected like £1,250,000.00)")
        #expect(reason { try MoneyParser.pence("£1,25,000") } == "\"£1,25,000\" has a misplaced thousands separator")
        #expect(reason { try MoneyParser.pence("1250,00") } == "\"1250,00\" has a misplaced thousands separator")
        #expect(reason { try MoneyParser.pence("£1.234") } == "\"£1.234\" has fractions of a penny (more than 2 decimal places)")
        #expect(reason { try MoneyParser.pence("$100") } == "\"$100\" is not in pounds (£)")
        #expect(reason { try MoneyParser.pence("€100") } == "\"€100\" is not in pounds (£)")
        #expect(reason { try MoneyParser.pence("(-5)") } == "\"(-5)\" has both brackets and a sign")
        #expect(reason { try MoneyParser.pence("(5") } == "not a money amount: \"(5\" (expected like £1,250,000.00)")
        #expect(reason { try MoneyParser.pence("99999999999999999999") } == "\"99999999999999999999\" is too large")
        #expect(reason { try MoneyParser.pence("92233720368547758.08") } == "\"92233720368547758.08\" is too large")
        #expect(reason { try MoneyParser.pence("1.2.3") } == "not a money amount: \"1.2.3\" (expected like £1,250,000.00)")
        #expect(reason { try MoneyParser.pence("£") } == "not a money amount: \"£\" (expected like £1,250,000.00)")
        #expect(reason { try MoneyParser.pence("1e6") } == "not a money amount: \"1e6\" (expected like £1,250,000.00)")
    }
}

@Suite struct PercentTests {
    @Test func reads() throws {
        #expect(try Percent.value("20%", fraction: false, field: "sv_weighting") == 20)
        #expect(try Percent.value("20", fraction: false, field: "sv_weighting") == 20)
        #expect(try Percent.value("12.5 %", fraction: false, field: "sv_weighting") == 12.5)
        #expect(try Percent.value("0", fraction: false, field: "sv_weighting") == 0)
        #expect(try Percent.value("100%", fraction: false, field: "sv_weighting") == 100)
        #expect(try Percent.value("0.2", fraction: true, field: "sv_weighting") == 20)      // exactly 20, not 20.000000000000004
        #expect(try Percent.value("0.125", fraction: true, field: "sv_weighting") == 12.5)
        #expect(try Percent.value("1", fraction: true, field: "sv_weighting") == 100)
        #expect(try Percent.value("15%", fraction: true, field: "sv_weighting") == 15)      // an explicit % still means percent
        #expect(try Percent.value("0.5%", fraction: false, field: "sv_weighting") == 0.5)
    }

    @Test func reasons() {
        #expect(reason { try Percent.value("0.2", fraction: false, field: "sv_weighting") }
                == "\"0.2\" looks like a fraction: load with --fraction sv_weighting if the column holds fractions (0.2 = 20%), or write \"0.2%\"")
        #expect(reason { try Percent.value("120%", fraction: false, field: "sv_weighting") } == "\"120%\" is over 100%")
        #expect(reason { try Percent.value("1.5", fraction: true, field: "sv_weighting") }
                == "\"1.5\" is not a fraction between 0 and 1 (the column is declared --fraction sv_weighting)")
        #expect(reason { try Percent.value("-5%", fraction: false, field: "sv_weighting") } == "\"-5%\" is negative")
        #expect(reason { try Percent.value("high", fraction: false, field: "sv_weighting") }
                == "not a percentage: \"high\" (expected like 20% or 20)")
    }

    @Test func shares() throws {
        #expect(try Bytes.with("0.5796") { try Percent.share($0) } == 0.5796)
        #expect(try Bytes.with("57.96%") { try Percent.share($0) } == 0.5796)
        #expect(reason { try Bytes.with("1.2") { try Percent.share($0) } } == "\"1.2\" is not a share between 0 and 1")
    }
}

@Suite struct DateTests {
    @Test(arguments: [
        ("31/03/2021", "2021-03-31"), ("2021-03-31", "2021-03-31"), ("31-Mar-2021", "2021-03-31"),
        ("1/4/2021", "2021-04-01"), ("31 March 2021", "2021-03-31"), ("31-03-2021", "2021-03-31"),
        ("31.03.2021", "2021-03-31"), ("2021/03/31", "2021-03-31"), ("29/02/2020", "2020-02-29"),
        ("2021-03-31 00:00:00", "2021-03-31"), ("2021-03-31T10:15:00Z", "2021-03-31"), ("5 Sept 2021", "2021-09-05"),
        (" 01-apr-2020 ", "2020-04-01"), ("31 Mar. 2021", "2021-03-31"),
    ])
    func reads(_ text: String, _ iso: String) throws {
        let date = try CalendarDate.parse(text)
        #expect(date.iso == iso)
        #expect(date.withISOBytes { String(decoding: $0, as: UTF8.self) } == iso)
    }

    @Test func reasons() {
        #expect(reason { try CalendarDate.parse("31/02/2021") } == "\"31/02/2021\" is not a real date (February 2021 has 28 days)")
        #expect(reason { try CalendarDate.parse("29/02/2100") } == "\"29/02/2100\" is not a real date (February 2100 has 28 days)")
        #expect(reason { try CalendarDate.parse("31/04/2021") } == "\"31/04/2021\" is not a real date (April 2021 has 30 days)")
        #expect(reason { try CalendarDate.parse("03/31/2021") }
                == "\"03/31/2021\" is not a real date (there is no month 31; dates are read day first, 31/03/2021)")
        #expect(reason { try CalendarDate.parse("31/03/21") } == "two-digit year in \"31/03/21\": write the year in full (31/03/2021)")
        #expect(reason { try CalendarDate.parse("soon") } == "not a date: \"soon\" (expected 31/03/2021, 2021-03-31 or 31-Mar-2021)")
        #expect(reason { try CalendarDate.parse("31-Foo-2021") } == "not a date: \"31-Foo-2021\" (expected 31/03/2021, 2021-03-31 or 31-Mar-2021)")
        #expect(reason { try CalendarDate.parse("31/03-2021") } == "not a date: \"31/03-2021\" (expected 31/03/2021, 2021-03-31 or 31-Mar-2021)")
        #expect(reason { try CalendarDate.parse("2021-03-31 later") } == "not a date: \"2021-03-31 later\" (expected 31/03/2021, 2021-03-31 or 31-Mar-2021)")
        #expect(reason { try CalendarDate.parse("01/01/1850") } == "\"01/01/1850\": year 1850 is out of range (1900–2199)")
        #expect(reason { try CalendarDate.parse("00/01/2021") } == "\"00/01/2021\" is not a real date (January 2021 has 31 days)")
    }
}

@Suite struct FlagTests {
    @Test(arguments: [("Y", true), ("n", false), ("Yes", true), ("NO", false), ("TRUE", true), ("false", false),
                      ("1", true), ("0", false), (" yes ", true)])
    func reads(_ text: String, _ value: Bool) throws {
        #expect(try Flag.value(text) == value)
    }

    @Test func reason() {
        #expect(ImportTests.reason { try Flag.value("maybe") } == "not a yes/no flag: \"maybe\" (expected Yes/No, Y/N, TRUE/FALSE or 1/0)")
        #expect(ImportTests.reason { try Flag.value("2") } == "not a yes/no flag: \"2\" (expected Yes/No, Y/N, TRUE/FALSE or 1/0)")
    }
}

@Suite struct QuantityTests {
    @Test func reads() throws {
        #expect(try Quantity.value("12") == 12)
        #expect(try Quantity.value("1,250.5") == 1250.5)
        #expect(try Quantity.value("0.1") == 0.1)
    }

    @Test func reasons() {
        #expect(reason { try Quantity.value("-3") } == "\"-3\" is negative")
        #expect(reason { try Quantity.value("ten") } == "not a number: \"ten\"")
        #expect(reason { try Quantity.value("1,00") } == "\"1,00\" has a misplaced thousands separator")
    }
}

@Suite struct PostcodeTests {
    @Test func normalises() {
        #expect(Postcode.classify("sk41aa") == .ok(postcode: "SK4 1AA", district: "SK4"))
        #expect(Postcode.classify(" m1  1ae ") == .ok(postcode: "M1 1AE", district: "M1"))
        #expect(Postcode.classify("WA14 1AA") == .ok(postcode: "WA14 1AA", district: "WA14"))
        #expect(Postcode.classify("ec1a1bb") == .ok(postcode: "EC1A 1BB", district: "EC1A"))
        #expect(Postcode.classify("W1A 0AX") == .ok(postcode: "W1A 0AX", district: "W1A"))
    }

    @Test func smeFlagsReadScales() throws {
        for word in ["sme", "SME", "micro", "Small", "medium", "Yes", "y", "1"] { #expect(try SMEFlag.value(word), "\(word)") }
        for word in ["large", "LARGE", "No", "0"] { #expect(try !SMEFlag.value(word), "\(word)") }
        #expect(throws: CoercionError.self) { try SMEFlag.value("huge") }
        #expect(throws: CoercionError.self) { try Flag.value("sme") }   // only SME flags read scales
    }

    @Test func postcodesInsideAddresses() {
        #expect(PostcodeInText.last(in: "Unit 4, Acme Park, Stockport SK4 1AA, England") == .ok(postcode: "SK4 1AA", district: "SK4"))
        #expect(PostcodeInText.last(in: "1 high st, sale, m33 7zz") == .ok(postcode: "M33 7ZZ", district: "M33"))
        #expect(PostcodeInText.last(in: "Old PO Box M1 1AA, now WA141AB") == .ok(postcode: "WA14 1AB", district: "WA14"))
        #expect(PostcodeInText.last(in: "12 Market Street, Bury") == nil)
        #expect(PostcodeInText.last(in: "100 Wellington St, Ottawa ON K1A 0B1, Canada") == nil)
        #expect(PostcodeInText.last(in: "Grand Canal Dock, Dublin D02 X285, Ireland") == nil)
        #expect(PostcodeInText.last(in: "Suite QQ1 1AA") == nil)              // no such postcode area
        #expect(PostcodeInText.last(in: "Room SK41AAB") == nil)              // not a word of its own
    }

    @Test func classifies() {
        #expect(Postcode.classify("") == .missing)
        #expect(Postcode.classify("n/a") == .missing)
        #expect(Postcode.classify("BFPO 105") == .outsideUK)
        // Words prove nothing on their own: only BFPO and clearly non-UK formats are outside.
        #expect(Postcode.classify("Overseas") == .malformed)
        #expect(Postcode.classify("International House, Manchester, M1 1AA") == .ok(postcode: "M1 1AA", district: "M1"))
        #expect(Postcode.classify("K1A 0B1") == .outsideUK)          // a Canadian postal code
        #expect(Postcode.classify("D02 X285") == .outsideUK)          // an Irish Eircode
        #expect(Postcode.classify("SK4") == .ok(postcode: "SK4", district: "SK4"))   // outward code alone: district rule
        #expect(Postcode.classify("QQ4") == .malformed)                               // no such postcode area
        #expect(Postcode.classify("SK4 1A") == .malformed)
        #expect(Postcode.classify("12345") == .malformed)
        #expect(Postcode.classify("SK4 1AA X") == .ok(postcode: "SK4 1AA", district: "SK4"))
        #expect(Postcode.classify("sk41aa").status == "ok")
        #expect(Postcode.outsideUK.status == "outside_uk")
    }
}

@Suite struct SupplierIdentityTests {
    @Test func asciiNamesCleanAsTheUnicodePathCleansThem() {
        var rng = SeededBytes(seed: 11)
        let alphabet = Array("aZ09 &+'.,-()/\t\r\n\u{7F}\u{01}\"Ltd")
        var names = ["The Acme Co. Ltd.", "A&B + C", "O'Brien's", "\r\n", "", "LIMITED"]
        for _ in 0..<500 { names.append(String((0..<rng.below(21)).map { _ in alphabet[rng.below(alphabet.count)] })) }
        for name in names {
            #expect(SupplierIdentity.nameKey(name) == SupplierIdentity.words(SupplierIdentity.unicodeCleaned(name)), "\(name.debugDescription)")
        }
        #expect(SupplierIdentity.nameKey("Café Ltd") == "cafe", "non-ASCII names take the Unicode path")
    }

    /// The byte-by-byte paths for ASCII text (name keys, postcodes, company numbers) give what
    /// the String and Unicode paths give, on seeded random text of the characters that matter.
    @Test func asciiFastPathsMatchTheUnicodePaths() {
        var rng = SeededBytes(seed: 12)
        let alphabet = Array("aZ09 &+'.,-()/\t\r\n\u{0B}\u{0C}\u{7F}\u{01}\"Ltd theLIMITED plcSK41AA")
        var texts = ["The Acme Co. Ltd.", "the ltd", "Ltd", " sk4 1aa ", "\t\n", "", "n/a", "bfpo 61", "12345", "the the plc ltd"]
        for _ in 0..<1000 { texts.append(String((0..<rng.below(24)).map { _ in alphabet[rng.below(alphabet.count)] })) }
        for text in texts {
            #expect(SupplierIdentity.nameKey(text) == SupplierIdentity.words(SupplierIdentity.unicodeCleaned(text)), "\(text.debugDescription)")
            #expect(Postcode.asciiForms(text) == Postcode.unicodeForms(text), "\(text.debugDescription)")
            // An em space is white space the Unicode path drops: with it, the same number.
            #expect(SupplierIdentity.companyNumber(text) == SupplierIdentity.companyNumber(text + "\u{2003}"), "\(text.debugDescription)")
        }
    }

    /// The loaders' byte-level readings of a name, a company number and a postcode (no String
    /// on the way) give exactly what the String paths give, on seeded random ASCII text; the
    /// postcode's answers only for a lone UK postcode, and leaves the rest to `classify`.
    @Test func byteLevelReadingsMatchTheStringPaths() {
        var rng = SeededBytes(seed: 13)
        let alphabet = Array("aZ09 &+'.,-()/\t\r\n\u{0B}\u{7F}\"Ltd theLIMITED plc llp SK41AAm1wa14GIR0ecbfpo")
        var texts = ["The Acme Co. Ltd.", "the ltd", "Ltd", "the", "the  x", "A&B", "&", "x &", "& x", "+ltd", "the & ltd",
                     " sk4 1aa ", "SK4 1AA", "sk41aa", "m1 1ae", "WA14 1AA", "EC1A 1BB", "W1A 0AX", "GIR 0AA", "BFPO 105",
                     "S K 4 1 A A", "SK4 1AAA", "SK4 1A", "12345", "K1A 0B1", "1234567", " 123 ", "sc 123456", ""]
        for _ in 0..<3000 { texts.append(String((0..<rng.below(20)).map { _ in alphabet[rng.below(alphabet.count)] })) }
        var key: [UInt8] = []
        var answered = 0
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBytes { raw in
                #expect(SupplierIdentity.asciiNameKey(raw, into: &key), "\(text.debugDescription)")
                #expect(String(decoding: key, as: UTF8.self) == SupplierIdentity.words(SupplierIdentity.unicodeCleaned(text)), "\(text.debugDescription)")
                // An em space is white space only the Unicode path reads: with it, that path gives the same number.
                #expect(SupplierIdentity.companyNumber(ascii: raw) == SupplierIdentity.companyNumber(text + "\u{2003}"), "\(text.debugDescription)")
                if let quick = Postcode.ukPostcode(ascii: raw) {
                    answered += 1
                    #expect(quick == Postcode.classify(text), "\(text.debugDescription)")
                }
            }
        }
        #expect(answered >= 8, "the postcode's fast path answered only \(answered) of the texts")
        Array("Café Ltd".utf8).withUnsafeBytes { #expect(!SupplierIdentity.asciiNameKey($0, into: &key)) }
    }

    @Test func nameKeys() {
        #expect(SupplierIdentity.nameKey("Acme Ltd") == "acme")
        #expect(SupplierIdentity.nameKey("ACME LIMITED") == "acme")
        #expect(SupplierIdentity.nameKey("The Acme Co. Ltd.") == "acme co")
        #expect(SupplierIdentity.nameKey("Smith & Sons (UK) PLC") == "smith and sons uk")
        #expect(SupplierIdentity.nameKey("O'Brien Builders LLP") == "obrien builders")
        #expect(SupplierIdentity.nameKey("A.B.C. Services") == "abc services")
        #expect(SupplierIdentity.nameKey("Café  Nouveau, Ltd") == "cafe nouveau")
        #expect(SupplierIdentity.nameKey("Limited") == "limited")
    }

    @Test func companyNumbers() {
        #expect(SupplierIdentity.companyNumber("123456") == "00123456")
        #expect(SupplierIdentity.companyNumber(" sc 123456 ") == "SC123456")
        #expect(SupplierIdentity.companyNumber("") == nil)
    }

    @Test func derivedIDsAreStable() {
        #expect(SupplierIdentity.derivedID(nameKey: "acme") == SupplierIdentity.derivedID(nameKey: "acme"))
        #expect(SupplierIdentity.derivedID(nameKey: "acme").hasPrefix("S-"))
        #expect(SupplierIdentity.derivedID(nameKey: "acme").count == 12)
        #expect(SupplierIdentity.derivedID(nameKey: "acme") != SupplierIdentity.derivedID(nameKey: "acne"))
    }
}

@Suite struct TableTypeTests {
    private func type(_ values: [String]) -> ColumnType {
        values.reduce(ColumnType.empty) { t, v in Bytes.with(v) { t.merged(with: ColumnType.of($0)) } }
    }

    @Test func infers() {
        #expect(type(["1", "-20", ""]) == .integer)
        #expect(type(["1", "2.5"]) == .real)
        #expect(type(["1.5e3", "0.25"]) == .real)
        #expect(type(["2021-03-31", "", "2020-02-29"]) == .date)
        #expect(type(["00123", "45"]) == .text)          // leading zeros stay text
        #expect(type(["0", "0.5"]) == .real)
        #expect(type(["01.5"]) == .text)
        #expect(type(["1", "abc"]) == .text)
        #expect(type(["2021-03-31", "5"]) == .text)
        #expect(type(["2021-02-30"]) == .text)           // not a real day
        #expect(type(["+5"]) == .text)
        #expect(type([" 5"]) == .text)
        #expect(type(["1,000"]) == .text)
        #expect(type(["-0"]) == .text)
        #expect(type(["99999999999999999999"]) == .text)
        #expect(type(["", ""]) == .empty)
    }

    @Test func identifiers() {
        #expect(Identifier.columnNames(for: ["Contract Value (£)", "SV Weighting %", "contract value", "", "2020 total", "Order", "Café"])
                == ["contract_value", "sv_weighting", "contract_value_2", "column_4", "col_2020_total", "order_", "cafe"])
    }
}

/// A load writes each row's financial year itself (`CalendarDate.withFinancialYearBytes`); the
/// triggers and the analyses compute it in SQL (`Schema.financialYear`). Both must give the same
/// text for every date a load accepts: the first and last day of every month of every year.
@Suite struct FinancialYearTextTests {
    @Test func theLoadsYearIsTheSchemasYearForEveryMonth() throws {
        let db = try SVWDatabase.Database()
        let sql = try db.prepare("SELECT \(Schema.financialYear(of: "?1"))")
        var checked = 0
        for year in CalendarDate.yearRange {
            for month in 1...12 {
                for day in [1, CalendarDate.days(inMonth: month, year: year)] {
                    let date = CalendarDate(year: year, month: month, day: day)
                    try sql.bind([date.iso])
                    _ = try sql.step()
                    #expect(sql.value(0) == .text(date.financialYear), "\(date.iso)")
                    sql.reset()
                    checked += 1
                }
            }
        }
        #expect(checked == CalendarDate.yearRange.count * 24)
    }
}
