import SVWDatabase

/// Results made by SQLite itself, so the round-trips start from real query output.
enum Fixtures {
    /// Awkward values of every storage class: separators, quotes, newlines, spaces,
    /// non-ASCII, empty text next to NULL, extreme integers and reals.
    static func awkward() throws -> ResultSet {
        let db = try Database()
        return try db.query("""
            SELECT * FROM (VALUES
              (1, 'plain', 0.5, NULL),
              (-42, 'comma, and "quotes"', 1e-5, ''),
              (9007199254740993, 'two
            lines', 1e300, 'tab	inside'),
              (-9223372036854775808, '  leading and trailing  ', -0.1, 'back\\slash'),
              (0, '£1,250 – Stockport', 3.0, 'x'),
              (NULL, NULL, NULL, 'CR' || char(13) || 'LF' || char(10))
            )
            """)
    }

    /// A small board-style result with money and percentage columns.
    static func board() -> ResultSet {
        ResultSet(columns: ["partner", "awarded", "share", "contracts"],
                  rows: [
                      [.text("Stockport"), .integer(123_456_789), .real(27.96), .integer(412)],
                      [.text("Trafford"), .integer(-500), .real(5), .integer(9)],
                      [.text("Rochdale"), .null, .null, .integer(0)],
                  ],
                  kinds: [.plain, .money, .percent, .plain])
    }
}
