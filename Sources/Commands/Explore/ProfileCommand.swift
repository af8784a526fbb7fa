import SVWDatabase
import SVWRendering
import SVWScript
import SVWText

/// `profile TABLE [COLUMN…]`: what each column holds, at a glance, the way a data analyst
/// first looks at a new table. Counts, nulls, minimum, maximum and mean come from at most two
/// passes over the whole table (`ColumnStatistics`); distinct counts, top values and histograms, which need each value
/// grouped, come from the first `sampleRows` rows when the table is bigger, and say so.
enum ProfileCommand {
    /// Above this many rows, grouping work is done on a sample of this size.
    static let sampleRows = 200_000
    /// How many of the commonest values are listed.
    static let topCount = 3
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static let spec = CommandSpec(
        name: "profile", group: .explore,
        abstract: "Profile a table's columns: type, nulls, distinct values, range, mean, top values and a histogram",
        arguments: [ArgumentSpec("TABLE", "a table or view", completion: .table),
                    ArgumentSpec("COLUMN", "only these columns (all of them without)", optional: true, variadic: true,
                                 completion: .column)],
        discussion: """
            One row per column. Money columns (names ending in _pence) are shown in £;
            dates stay as written. The histogram splits a number column's range into
            eight equal bands. Rows, nulls, min, max and mean are exact; on a table of
            more than 200,000 rows, distinct counts, top values and histograms come from
            its first 200,000 rows, and a note says so.
            """,
        examples: ["profile contracts", "profile contracts partner value_pence award_date"],
        recorded: false,
        handler: { try run($0) })

    struct Column {
        let name: String
        let type: String
        var isMoney: Bool { name.hasSuffix("_pence") }
    }

    static func run(_ context: CommandContext) throws {
        let db = context.db
        let table = try NamedTable.resolve(context.invocation.argument(0) ?? "", in: db, command: context.invocation.spec.name).name
        let all = try db.query("SELECT name, type FROM pragma_table_xinfo(?1) WHERE hidden <> 1 ORDER BY cid", [table]).rows
            .map { Column(name: $0[0].string ?? "", type: $0[1].string ?? "") }
        var columns = all
        let wanted = Array(context.invocation.positionals.dropFirst())
        if !wanted.isEmpty {
            columns = try wanted.map { word in
                if let column = all.first(where: { $0.name.caseInsensitiveCompare(word) == .orderedSame }) { return column }
                var message = context.prefixed("\(table) has no column \"\(word)\"")
                if let guess = Suggest.closest(to: word.lowercased(), among: all.map { $0.name.lowercased() }) {
                    message += "; did you mean \"\(guess)\"?"
                }
                throw CommandError.failed(message + " (describe \(table) lists them)")
            }
        }
        let source = SQLIdentifier.quoted(table)
        let (rows, exact) = try ColumnStatistics.of(columns.map { SQLIdentifier.quoted($0.name) }, in: source, db: db)
        let sampled = rows > sampleRows
        var out: [[SQLValue]] = []
        for (i, column) in columns.enumerated() {
            if context.session.interruptRequested { throw Interrupted() }
            let nonNull = exact[i].nonNull, numbers = exact[i].numbers
            let minimum = exact[i].minimum, maximum = exact[i].maximum, mean = exact[i].mean
            let q = SQLIdentifier.quoted(column.name)
            // The sample reads just this column; one grouping gives the distinct count (the
            // number of groups) and the commonest values.
            let grouped = sampled ? "(SELECT \(q) FROM \(source) LIMIT \(sampleRows))" : source
            let top = try db.query("""
                SELECT \(q), count(*) AS n, count(*) OVER () AS groups FROM \(grouped) WHERE \(q) IS NOT NULL
                 GROUP BY 1 ORDER BY n DESC, 1 LIMIT \(topCount)
                """).rows
            let distinct = top.first?[2] ?? .integer(0)
            let histogram = numbers > 0 && numbers == nonNull
                ? try self.histogram(db, column: q, from: grouped, minimum: minimum, maximum: maximum) : ""
            func shown(_ value: SQLValue) -> SQLValue {
                guard !value.isNull else { return .null }
                if column.isMoney, let pence = value.int64 { return .text(CellText.pounds(pence, grouped: true, symbol: true)) }
                if case .text(let text) = value { return .text(CellText.singleLine(String(text.prefix(40)))) }
                return value
            }
            let meanText: SQLValue = mean.double.map { d in
                .text(column.isMoney ? CellText.pounds(Int64(d.rounded()), grouped: true, symbol: true) : NumberText.oneDecimal(d))
            } ?? .null
            let topText = top.map { row in
                (shown(row[0]).string ?? "") + " (" + NumberText.grouped(Int(row[1].int64 ?? 0)) + ")"
            }.joined(separator: ", ")
            out.append([.text(column.name), .text(column.type), .text(NumberText.grouped(rows - nonNull)),
                        .text(NumberText.grouped(Int(distinct.int64 ?? 0)) + (sampled ? "*" : "")),
                        shown(minimum), shown(maximum), meanText, .text(topText), .text(histogram)])
        }
        let footer = "\(table): \(NumberText.grouped(rows)) \(Plural.noun(rows, "row"))"
            + (sampled ? "; * distinct, top values and histograms from the first \(NumberText.grouped(sampleRows)) rows (exact would read every value twice)" : "")
        context.session.emit(ResultSet(columns: ["column", "type", "nulls", "distinct", "min", "max", "mean", "top values", "histogram"],
                                       rows: out, kinds: [.plain, .plain, .figure, .figure, .plain, .plain, .figure, .plain, .plain],
                                       emptyCellText: "–"), footer: footer)
    }

    /// Eight equal bands from min to max, each a bar as tall as its share of the fullest.
    static func histogram(_ db: Database, column q: String, from source: String, minimum: SQLValue, maximum: SQLValue) throws -> String {
        guard let low = minimum.double, let high = maximum.double, high > low else { return "" }
        let counts = try db.query("""
            SELECT min(7, CAST((\(q) - ?1) * 8.0 / (?2 - ?1) AS INTEGER)) AS band, count(*)
              FROM \(source) WHERE \(q) IS NOT NULL GROUP BY 1
            """, [low, high]).rows
        var bands = Array(repeating: 0, count: 8)
        for row in counts { if let b = row[0].int64, (0..<8).contains(Int(b)) { bands[Int(b)] = Int(row[1].int64 ?? 0) } }
        let top = bands.max() ?? 0
        guard top > 0 else { return "" }
        return String(bands.map { $0 == 0 ? " " : bars[min(7, ($0 * 8 - 1) / top)] })
    }
}
