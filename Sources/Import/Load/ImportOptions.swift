/// How to read a file and what to do with it; every `load` option lands here.
public struct ImportOptions {
    /// The file's name in messages and rejects (the path as the user typed it).
    public var displayName: String?
    /// Field separator; nil means by extension (.tsv, .tab: tab) else comma.
    public var delimiter: UInt8?
    /// `--map FIELD=HEADER`.
    public var maps: [String: String] = [:]
    /// `--fraction FIELD`: percentage columns written as fractions of 1.
    public var fractions: Set<String> = []
    /// `--strict`: any reject fails the whole load.
    public var strict = false
    /// `--edition E` for measures files without an edition column (or blank cells in it).
    public var edition: String?
    /// `--preset NAME`: read the file as a known published layout (else detected from its header).
    public var preset: String?
    /// `load ocds --rate CUR=RATE`: pounds per unit of a currency, for awards not in GBP.
    public var rates: [String: String] = [:]
    /// `--sha256 HEX`: the file must have this hash (a mismatch is a note, an error with --strict).
    public var expectedSHA256: String?
    /// `load table --replace`: drop an existing table of that name first.
    public var replaceTable = false
    /// The load's options as the command was given them, kept in the `imports` log so
    /// the load can be repeated exactly (a saved script rebuilds a workspace from it).
    public var commandOptions = ""
    /// Called as the file is read: (bytes read, file size).
    public var progress: ((Int64, Int64) -> Void)?
    /// How many problems the report keeps for display (all are written to `rejects`).
    public var problemsToKeep = 20
    /// Read size; small values exercise chunk boundaries in tests.
    public var chunkSize = CSVReader.defaultChunkSize
    /// Files at least this big, going into a table with fewer rows than the file likely
    /// holds, have the table's secondary indexes rebuilt at the end instead of kept up
    /// to date row by row (see `BulkIndexes`). Tests set it to 0.
    public var bulkIndexThreshold = BulkIndexes.minimumFileSize
    /// Whether a big load into an empty table may read and check its rows on a second thread
    /// while this one inserts them (`BatchPipeline`). Tests turn it off to compare the two.
    var readsOnSecondThread = true
    /// The most memory a big load's check of parent keys in memory may take (`KnownKeys`);
    /// above it SQLite checks them. Tests set it to 0 to compare the two.
    var knownKeysBudget = KnownKeys.memoryBudget
    /// Called after a big load has read its parent ids and before its transaction begins
    /// (tests: another process writing in between).
    var afterParentKeys: (() throws -> Void)?

    /// `--sheet NAME|N`: the workbook sheet to read.
    public var sheet: String?
    /// `--header-row N`: the sheet row holding the header (else found: the first that fits).
    public var headerRow: Int?
    /// `--max-field-size`: the largest field (and CSV row) read before the file is refused.
    public var maxFieldSize = CSVReader.defaultMaxFieldSize
    /// `load table --types col=TYPE,…`: column types chosen by the analyst, by column name or header.
    public var types: [String: String] = [:]

    public init() {}

    /// Parses a `--delimiter` value: a single character or a name.
    public static func delimiter(named text: String) throws -> UInt8 {
        switch text.lowercased() {
        case "tab", "\\t", "\t", "tsv": return UInt8(ascii: "\t")
        case "comma", ",", "csv": return UInt8(ascii: ",")
        case "semicolon", ";": return UInt8(ascii: ";")
        case "pipe", "|": return UInt8(ascii: "|")
        default:
            let bytes = Array(text.utf8)
            guard bytes.count == 1, bytes[0] != UInt8(ascii: "\""), bytes[0] != 10, bytes[0] != 13, bytes[0] < 0x80 else {
                throw ImportError.badOption("--delimiter: \"\(text)\" is not a single character (or tab, comma, semicolon, pipe)")
            }
            return bytes[0]
        }
    }

    /// The separator for `path`: the option if given, else tab for .tsv/.tab files, comma
    /// for .csv files, and for any other name (`.txt`, none) the one the header line uses.
    func delimiter(for path: String) -> UInt8 {
        delimiterChoice(for: path).delimiter
    }

    /// The separator and whether it was read from the header rather than given or implied by the name.
    func delimiterChoice(for path: String) -> (delimiter: UInt8, detected: Bool) {
        if let delimiter { return (delimiter, false) }
        let lower = path.lowercased()
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return (UInt8(ascii: "\t"), false) }
        if lower.hasSuffix(".csv") { return (UInt8(ascii: ","), false) }
        guard let found = DelimiterSniffer.sniff(path: path) else { return (UInt8(ascii: ","), false) }
        return (found, found != UInt8(ascii: ","))
    }
}
