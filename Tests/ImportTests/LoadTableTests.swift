import Foundation
import Testing
@testable import SVWCommands
@testable import SVWImport
import SVWWorkspace

@Suite struct LoadTableTests {
    @Test func inferTypesFromWholeColumns() throws {
        let h = try Harness()
        try h.write("any.csv", """
            Ref,Amount (£),Rate,Opened,Postcode ID,Mixed,Notes,Amount (£),Empty
            1,100,0.5,2021-03-31,00123,1,hello,7,
            2,-250,2,2020-02-29,00456,x,"multi
            line",8,
            3,,1e3,,10000,2.5,,9,

            """)
        #expect(h.run("load table things any.csv") == 0, "\(h.capture.err)")
        #expect(h.capture.err == """
            loaded 3 rows into table things from any.csv (0 rejected)
            columns:
              ref INTEGER: whole numbers
              amount INTEGER: whole numbers
              rate REAL: decimal numbers
              opened TEXT: dates, stored as ISO text (YYYY-MM-DD)
              postcode_id TEXT: text ("00123": a code with leading zeros, kept as written)
              mixed TEXT: text ("x" is not a number or date)
              notes TEXT: text ("hello" is not a number or date)
              amount_2 INTEGER: whole numbers
              empty TEXT: all empty
            column names made plain: "Ref" → ref, "Amount (£)" → amount, "Rate" → rate, "Opened" → opened, "Postcode ID" → postcode_id, "Mixed" → mixed, "Notes" → notes, "Amount (£)" → amount_2, …

            """)
        #expect(try h.rows("SELECT name, type FROM pragma_table_info('things') ORDER BY cid") == [
            ["ref", "INTEGER"], ["amount", "INTEGER"], ["rate", "REAL"], ["opened", "TEXT"], ["postcode_id", "TEXT"],
            ["mixed", "TEXT"], ["notes", "TEXT"], ["amount_2", "INTEGER"], ["empty", "TEXT"],
        ])
        #expect(try h.rows("SELECT ref, amount, typeof(amount), rate, opened, postcode_id, mixed, typeof(mixed), notes, empty FROM things ORDER BY ref") == [
            ["1", "100", "integer", "0.5", "2021-03-31", "00123", "1", "text", "hello", "NULL"],
            ["2", "-250", "integer", "2.0", "2020-02-29", "00456", "x", "text", "multi\nline", "NULL"],
            ["3", "NULL", "null", "1000.0", "NULL", "10000", "2.5", "text", "NULL", "NULL"],
        ])
        #expect(try h.rows("SELECT kind, table_name, rows_loaded FROM imports") == [["table", "things", "3"]])
        #expect(h.session.recording.last?.files.first?.rows == 3)
    }

    @Test func badRowsAreRejectedAndSkippedInInference() throws {
        let h = try Harness()
        try h.write("r.csv", "a,b\n1,2\n3\n4,5\n")
        #expect(h.run("load table r r.csv") == 0)
        #expect(h.capture.err.contains("loaded 2 rows into table r from r.csv (1 rejected)"))
        #expect(h.capture.err.contains("r.csv:3: row has 1 field; the header has 2"))
        #expect(try h.rows("SELECT a, b FROM r ORDER BY a") == [["1", "2"], ["4", "5"]])
    }

    @Test func tableNamesAreChecked() throws {
        let h = try Harness()
        try h.write("x.csv", "a\n1\n")
        #expect(h.run("load table x x.csv") == 0)
        #expect(h.run("load table x x.csv") == 1)
        #expect(h.capture.err == "-c:1: load: cannot load into table \"x\": a table of that name exists (add --replace to replace it)\n")
        #expect(h.run("load table X x.csv --replace") == 0)
        #expect(h.capture.err.contains("replaced the previous table X"))
        #expect(try h.scalar("SELECT count(*) FROM x") == "1")
        #expect(h.run("load table contracts x.csv --replace") == 1)
        #expect(h.capture.err == "-c:1: load: cannot load into table \"contracts\": contracts is a workspace table; load it with load contracts\n")
        #expect(h.run("load table supplier_geography x.csv --replace") == 1)
        #expect(h.capture.err == "-c:1: load: cannot load into table \"supplier_geography\": supplier_geography is svw's own view (part of the workspace schema); choose another name\n")
        #expect(h.run("load table 'my table' x.csv") == 1)
        #expect(h.capture.err == "-c:1: load: cannot load into table \"my table\": a table name is letters, digits and _, starting with a letter or _\n")
        #expect(h.run("load table select x.csv") == 1)
        #expect(h.capture.err == "-c:1: load: cannot load into table \"select\": select is an SQL keyword\n")
        #expect(h.run("load table x") == 1)
        #expect(h.capture.err == "-c:1: load table: missing FILE (the file to load)\nusage: load table NAME FILE [--delimiter CHAR] [--strict] [--replace] [--sha256 HEX] [--sheet NAME|N] [--header-row N] [--max-field-size SIZE] [--types COL=TYPE,...] [--format MODE] [--all]\n")
    }

    /// Every object the schema creates is svw's: the search index's tables (FTS5 shadow tables
    /// included), its triggers and indexes. Replacing one used to break `find` and `load sample`.
    @Test func everyObjectTheSchemaOwnsIsRefused() throws {
        let h = try Harness()
        try h.write("x.csv", "a\n1\n")
        let owned = Schema.ownedObjects
        for name in ["search_fts", "search_fts_documents", "search_fts_data", "search_fts_idx", "search_fts_config",
                     "search_fts_docsize", "settings", "rejects", "imports", "contracts_search_au", "contracts_supplier"] {
            #expect(owned.contains { $0.name == name }, "\(name) is derived from the schema")
        }
        for object in owned {
            for name in [object.name, object.name.uppercased()] {
                #expect(h.run("load table \(name) x.csv --replace") == 1, "\(name) was replaced")
                #expect(h.capture.err.contains("cannot load into table \"\(name)\": \(object.name) is"), "\(h.capture.err)")
            }
        }
        #expect(h.capture.err.contains("is svw's own") || h.capture.err.contains("is a workspace table"))
        #expect(h.run("load table search_fts_data x.csv --replace") == 1)
        #expect(h.capture.err == "-c:1: load: cannot load into table \"search_fts_data\": search_fts_data is svw's own table (part of the workspace schema); choose another name\n")

        // The search index still works: suppliers load and are found.
        try h.writeSample()
        #expect(h.run("load sample \(h.dir.url.path)") == 0, "\(h.capture.err)")
        #expect(try h.scalar("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'acme'") == "1")
    }
}

@Suite struct LoadTableTypesTests {
    @Test func moneyIsStoredInPenceSoSumsAreExact() throws {
        let h = try Harness()
        // Ten rows of £96,767,755.286 would print as 967677552.8599999 summed as REAL.
        var csv = "Ref,Contract Value,Spend,Rate,Code,Ratio\n"
        for i in 0..<10 { csv += "R\(i),96767755.29,\"£1,250.50\",20%,0\(i)1,0.5\n" }
        csv += "R10,(1.29),\"1,000\",12.5%,011,2.25\n"
        try h.write("m.csv", csv)
        #expect(h.run("load table m m.csv") == 0, "\(h.capture.err)")
        #expect(h.capture.err.contains("""
            columns:
              ref TEXT: text ("R0" is not a number or date)
              contract_value_pence INTEGER: money, stored as whole pence so sums are exact (£1,250.50 → 125050; pounds: /100.0)
              spend_pence INTEGER: money, stored as whole pence so sums are exact (£1,250.50 → 125050; pounds: /100.0)
              rate_pct REAL: percentages, stored as numbers (20% → 20)
              code TEXT: text ("001": a code with leading zeros, kept as written)
              ratio REAL: decimal numbers

            """), "\(h.capture.err)")
        // 10 × 9,676,775,529p − 129p, and 10 × 125,050p + 100,000p, recomputed by hand.
        #expect(try h.scalar("SELECT sum(contract_value_pence) FROM m") == "96767755161")
        #expect(try h.scalar("SELECT sum(spend_pence) FROM m") == "1350500")
        #expect(try h.scalar("SELECT sum(rate_pct) FROM m") == "212.5")
        #expect(try h.scalar("SELECT typeof(code) || code FROM m WHERE ref = 'R10'") == "text011")
    }

    @Test func typesOptionOverridesAndMisfitsAreRejects() throws {
        let h = try Harness()
        try h.write("t.csv", "ref,amount,code\n1,12.5,7\n2,TBC,8\n")
        #expect(h.run("load table t t.csv --types amount=money,ref=text") == 0, "\(h.capture.err)")
        #expect(h.capture.err.contains("  ref TEXT: as --types says\n  amount_pence INTEGER: as --types says\n  code INTEGER: whole numbers\n"), "\(h.capture.err)")
        #expect(h.capture.err.contains("t.csv:3:2: column \"amount\": not a money amount: \"TBC\" (expected like £1,250,000.00)\n"))
        #expect(try h.rows("SELECT ref, typeof(ref), amount_pence FROM t") == [["1", "text", "1250"]])
        #expect(h.run("load table u t.csv --types price=money") == 1)
        #expect(h.capture.err == "-c:1: load: --types price=money: no such column (columns: ref, amount, code)\n")
        #expect(h.run("load table u t.csv --types code=pounds") == 1)
        #expect(h.capture.err == "-c:1: load: --types code=pounds: no such type (one of: text, integer, real, money, percent, date)\n")
        #expect(h.run("load contracts t.csv --types code=text") == 1)
        #expect(h.capture.err == "-c:1: load contracts: --types does not apply here\n")
    }
}
