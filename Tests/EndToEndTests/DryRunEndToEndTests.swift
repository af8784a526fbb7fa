import Foundation
import Testing
import TestSupport

/// `svw run --dry-run SCRIPT` runs nothing and says what the script would read, write and
/// be refused, by the same rules a replay enforces.
@Suite struct DryRunEndToEndTests {
    @Test func listsReadsWritesAndRefusalsAndRunsNothing() throws {
        let scratch = try ScratchFolder()
        try scratch.write("data/things.csv", "name,v\na,1\n")
        try scratch.write("notebooks/s.svw", """
            param year = 2020/21
            load table things ../data/things.csv
            once out/$year.csv
            SELECT * FROM things;
            export chart ../escape.svg
            save copy.svw
            ATTACH 'other.db' AS other;
            run inner.svw --report inner.md
            bogus
            export report report.html

            """)
        let dry = try SVWBinary.run(["run", "notebooks/s.svw", "--dry-run"], in: scratch.url)
        #expect(dry.status == 1)
        let folder = scratch.file("notebooks").resolvingSymlinksInPath().path
        #expect(dry.out == """
            notebooks/s.svw would read:
              ../data/things.csv  (line 2: load)
              inner.svw  (line 8: run)
            notebooks/s.svw would write:
              out/2020/21.csv  (line 3: once)
              inner.md  (line 8: run --report)
              report.html  (line 10: export)
            notebooks/s.svw would refuse:
              line 5: export: cannot write ../escape.svg: a script writes only inside its own folder (\(folder)). To allow another folder, run it with svw run SCRIPT --allow-writes DIR
              line 6: save: not allowed in a script (scripts write only the files their export and output commands name)
              line 7: ATTACH and VACUUM INTO are not allowed in a script (scripts write only the files their export and output commands name)
              line 9: unknown command "bogus" (type help for the list)

            """)
        #expect(dry.err == "notebooks/s.svw: a replay would refuse 4 commands\n")
        // Nothing ran: no file was written.
        #expect(!FileManager.default.fileExists(atPath: scratch.file("notebooks/out").path))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("notebooks/report.html").path))

        // --allow-writes and parameters count as they would in the replay.
        let allowed = try SVWBinary.run(["run", "notebooks/s.svw", "year=2021", "--dry-run", "--allow-writes", "."], in: scratch.url)
        #expect(allowed.out.contains("  ../escape.svg  (line 5: export)\n"))
        #expect(allowed.out.contains("  out/2021.csv  (line 3: once)\n"))

        try scratch.write("clean.svw", "SELECT 1;\n")
        let clean = try SVWBinary.run(["run", "clean.svw", "--dry-run"], in: scratch.url)
        #expect(clean.status == 0)
        #expect(clean.out == "clean.svw would read: nothing\nclean.svw would write: nothing\nclean.svw would refuse: nothing\n")
    }
}
