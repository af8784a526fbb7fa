import SVWRendering

extension Session {
    /// How many rows of a query's result are worth reading into memory. A terminal shows
    /// `maxrows` of them and says how many more there were, and the transcript keeps at
    /// most `Transcript.maxTableRows` for reports, so reading 800,000 rows to show 40
    /// would only cost time and memory: the rest are stepped over and counted.
    /// nil when every row will be written (files, csv/tsv/json, `--all`, `maxrows all`).
    var rowsWorthCollecting: Int? {
        guard let shown = renderOptions.maxRows, !showAllRows, outputFile == nil, onceFile == nil,
              !effectiveMode.isMachineReadable else { return nil }
        return max(shown, Transcript.maxTableRows)
    }
}
