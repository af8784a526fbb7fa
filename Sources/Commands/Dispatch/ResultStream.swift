import SVWDatabase
import SVWRendering

extension Session {
    /// Rows per batch when a result streams: small enough to keep memory flat, big enough
    /// that writing is not done a row at a time.
    static let streamBatch = 2_000

    /// Writes a query's result as it is read, when the mode allows (csv, tsv, json): an
    /// export of a million rows then needs no more memory than a few thousand. The
    /// transcript still gets the first `Transcript.maxTableRows` rows and the true count.
    /// Returns false, having read nothing, when the mode must see every row first.
    /// Only plain SQL streams, so no cell has an analysis's `emptyCellText`: NULL stays
    /// empty in csv/tsv and null in json, as the machine modes always write it.
    func emitStreaming(_ statement: Statement, sql: String) throws -> Bool {
        var options = renderOptions
        options.width = nil
        options.maxRows = nil
        options.color = false
        let columns = statement.columnNames
        guard var renderer = StreamingRenderer(mode: effectiveMode, columns: columns, options: options) else { return false }
        var kept: [[SQLValue]] = []
        var batch: [[SQLValue]] = []
        batch.reserveCapacity(Session.streamBatch)
        var total = 0
        var text = renderer.begin()
        while try statement.step() {
            let row = statement.row
            if kept.count < Transcript.maxTableRows { kept.append(row) }
            batch.append(row)
            total += 1
            if batch.count == Session.streamBatch {
                if interruptRequested { throw Interrupted() }
                text += renderer.rows(batch)
                batch.removeAll(keepingCapacity: true)
                deliver(text)
                text = ""
            }
        }
        statement.reset()
        text += renderer.rows(batch) + renderer.end()
        deliver(text)
        var result = ResultSet(columns: columns, rows: kept)
        result.omittedRows = total - kept.count
        keepShown(result.omittedRows > 0 && statement.isReadOnly ? .query(sql) : .table(result, footer: nil))
        transcript.captureTable(result, footer: nil)
        return true
    }
}
