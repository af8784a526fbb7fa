/// Where a load's rows come from: a delimited file (`CSVReader`) or a workbook sheet
/// (`SheetRowSource`). `LoadRun` reads every row through this, so header matching,
/// `--map`, coercion, rejects, `--strict`, atomicity, progress and provenance are the
/// same whatever the file's format.
///
/// A row's fields are byte slices valid until the next call to `next()`.
protocol RowSource: AnyObject {
    /// How errors name the source: the path as typed, or `book.xlsx[Sheet]`.
    var name: String { get }
    /// Size of the file in bytes when known (0 for pipes), for progress.
    var fileSize: Int64 { get }
    /// Called as the file is read with the bytes read so far.
    var onRead: ((Int64) -> Void)? { get set }
    /// Advances to the next row; false at the end.
    func next() throws -> Bool
    var fieldCount: Int { get }
    func field(_ i: Int) -> UnsafeRawBufferPointer
    /// The line (or sheet row) field `i` starts on.
    func fieldLine(_ i: Int) -> Int
    /// The line (or sheet row) the current row starts on.
    var recordLine: Int { get }
    /// The last line the current row covers (later than `recordLine` after a multi-line field).
    var recordLastLine: Int { get }
    /// The row as the file holds it, for a reject's raw text.
    var recordText: String { get }
    /// Set when the row's structure is broken (CSV quoting); its fields are then unreliable.
    var malformation: CSVMalformation? { get }
    /// Rows returned so far, the header included.
    var recordCount: Int { get }
    /// SHA-256 of the whole file, hex; meaningful once `next()` has returned false.
    var sha256: String { get }
    /// How a reject names a place: `file:LINE:COL` for text, `book.xlsx[Sheet]!C17` for sheets.
    var places: RejectPlaces { get }
    var notes: [String] { get }
    var rowHasCellProblems: Bool { get }
    func cellProblem(_ i: Int) -> String?
    func isNumber(_ i: Int) -> Bool
    /// The first field of the row holding a NUL byte, which no text file has, or nil.
    func nulField() -> Int?
}

/// How rejects and errors name where a value is.
public enum RejectPlaces: Sendable, Equatable {
    /// `FILE:LINE:COL`, COL counting fields from 1.
    case lines
    /// `book.xlsx[Sheet]!C17`: field 0 is sheet column `firstColumn` (0 = A).
    case cells(firstColumn: Int)
}

extension RowSource {
    /// Notes about how the source was read (sheet chosen, header row used).
    var notes: [String] { [] }
    /// Whether any cell of the row is an error or an uncalculated formula (sheets only).
    var rowHasCellProblems: Bool { false }
    /// Why field `i` holds no value though it is not empty (an error cell), or nil.
    func cellProblem(_ i: Int) -> String? { nil }
    /// Whether field `i` is a number cell (whose float noise money may round away).
    func isNumber(_ i: Int) -> Bool { false }
    func nulField() -> Int? { nil }
}

extension CSVReader: RowSource {
    var places: RejectPlaces { .lines }
}
