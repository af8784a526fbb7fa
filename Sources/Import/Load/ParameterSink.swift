import SVWDatabase

/// Where a loader's typed binders (`LoadRun.bindText`, `bindDate`, …) put a row's values: an
/// SQLite statement, stepped at once, or a `RowBatch`, whose rows another thread steps later.
protocol ParameterSink {
    func bind(_ value: SQLValue, at index: Int) throws
    /// Text whose bytes the caller may reuse as soon as this returns.
    func bindText(bytes: UnsafeRawBufferPointer, at index: Int) throws
    /// Text whose bytes stay where they are until the row is stepped (the reader's record).
    func bindTextUntilStep(bytes: UnsafeRawBufferPointer, at index: Int) throws
}

extension Statement: ParameterSink {}
