#if canImport(Glibc)
import Foundation
import Glibc
import Testing
import TestSupport

/// The board's wide analyses on a 100-column terminal, through a real pseudo-terminal and
/// the binary users run: every figure column stays. A grid too wide gives up its box
/// borders first, then exact money (£m named in the heading), never a figure.
@Suite(.serialized) struct PtyHundredColumnsTests {
    static let prompt = "svw board.db> "

    /// Each command and the table it must draw, exactly, at 100 columns.
    static let tables: [(command: String, table: String)] = [
        ("themes 2020/21 --no-chart", """
                                                                                                      delivered_
                                                                                      committed_pct_        pct_
            theme        commitments       committed       delivered  delivery_rate          awarded     awarded
            -----------  -----------  --------------  --------------  -------------  ---------------  ----------
            Jobs               1,836  £28,394,910.00  £11,643,536.00          41.0%            13.3%        5.4%
            Growth               760  £10,229,463.78   £5,077,429.96          49.6%             4.8%        2.4%
            Social               541   £8,058,237.50   £3,163,625.00          39.3%             3.8%        1.5%
            Environment          880  £11,236,865.15   £4,759,676.90          42.4%             5.2%        2.2%
            Innovation           248   £2,084,350.00     £847,096.00          40.6%             1.0%        0.4%
            Total              4,265  £60,003,826.43  £25,491,363.86          42.5%            28.0%       11.9%
            """),
        ("geography 2020/21 --by partner --no-chart", """
                                                        gm_                                                  gm_
                                                  supplier_   unknown_                                    value_
            partner    suppliers  gm_suppliers        share  suppliers          awarded       gm_awarded   share
            ---------  ---------  ------------  -----------  ---------  ---------------  ---------------  ------
            Rochdale         257           197        76.7%          3   £46,537,711.71   £30,822,770.97   66.2%
            Stockport        322           244        75.8%          9   £68,507,331.82   £52,163,772.48   76.1%
            Tameside         255           190        74.5%          5   £41,689,121.30   £29,195,300.09   70.0%
            Trafford         278           210        75.5%          4   £57,563,441.88   £32,764,676.71   56.9%
            Total            700           539        77.0%         15  £214,297,606.71  £144,946,520.25   67.6%
            """),
        ("themes 2020/21 --by partner --no-chart", """
                                                                                          committed_  delivered_
                                   awarded               committed  delivered  delivery_        pct_        pct_
            partner    contracts        £m  commitments         £m         £m       rate     awarded     awarded
            ---------  ---------  --------  -----------  ---------  ---------  ---------  ----------  ----------
            Rochdale         295      46.5          812       12.5        5.2      41.4%       26.9%       11.1%
            Stockport        409      68.5        1,404       20.4        8.7      42.7%       29.8%       12.7%
            Tameside         303      41.7          960       11.9        5.5      46.5%       28.5%       13.3%
            Trafford         325      57.6        1,089       15.1        6.1      40.0%       26.3%       10.5%
            Total          1,332     214.3        4,265       60.0       25.5      42.5%       28.0%       11.9%
            """),
        ("compliance 2020/21 --no-chart", """
            ┌────────────┬────────────────────────────┬───────┬─────────┬──────────┬──────────┬────────────────┐
            │            │                            │   in_ │         │ failing_ │     not_ │                │
            │ rule       │ description                │ scope │ failing │    share │ recorded │  failing_value │
            ├────────────┼────────────────────────────┼───────┼─────────┼──────────┼──────────┼────────────────┤
            │ considered │ Over £25k: social value n… │   885 │       5 │     0.6% │        2 │    £183,677.96 │
            │ kpis       │ Over £25k: no social valu… │   885 │     303 │    34.2% │       19 │ £53,159,922.85 │
            │ portal     │ Over £50k: not through th… │   684 │      43 │     6.3% │       10 │ £11,344,846.83 │
            │ lagging    │ Commitments behind after … │   780 │     578 │    74.1% │        0 │  £1,155,762.21 │
            └────────────┴────────────────────────────┴───────┴─────────┴──────────┴──────────┴────────────────┘
            """),
    ]

    @Test func theWideAnalysesKeepEveryFigureColumnAtOneHundredColumns() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let db = env.home.appendingPathComponent("board.db").path
        let sample = SVWBinary.packageRoot.appendingPathComponent("SampleData").path
        let setup = try SVWBinary.run(["--db", db, "-c", "load sample '\(sample)'"])
        #expect(setup.status == 0, "\(setup.err)")
        let shell = try PtySession(arguments: ["--db", db], environment: env.variables(), columns: 100, rows: 60)
        try shell.expectPrompt(Self.prompt, "at start")
        for (command, table) in Self.tables {
            shell.send(command + "\r")
            let screen = try shell.expectPrompt(Self.prompt, command)
            #expect(screen.contains(table), "\(command):\n\(screen)")
            #expect(!screen.contains("more column"), "\(command)")
            for line in screen.split(separator: "\n") {
                #expect(line.count <= 100, "\(command): \(line)")
            }
        }
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }
}
#endif
