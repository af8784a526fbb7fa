import SVWDatabase

/// `load contracts` of a big file naming suppliers by id, into an empty table, on both cores
/// (see `PipelinedLoad`).
extension ContractLoader {
    /// `load`'s fresh-table path for suppliers named by id, with the file read, checked and
    /// coerced on a second thread while this one inserts: the same rows, further suppliers,
    /// rejects and report, in the same order. A row whose contract was written earlier in the
    /// file (a framework award's further supplier) is found here, by the table's unique key,
    /// and linked or refused from what its batch kept of it.
    static func loadPipelined(_ run: LoadRun, _ f: Fields, supplier: Int, insert: Statement, firstRow: Statement,
                              fresh: FreshTable, links: FurtherLinks, knownSuppliers: KnownKeys?,
                              counter: inout RowCounter) throws {
        try PipelinedLoad.run(run, table: "contracts", columns: columns, parents: knownSuppliers, fresh: fresh, read: { batch in
            _ = try bind(run, f, into: batch)
            guard run.value(supplier) != nil else {
                run.problem(supplier, "required value is empty (and no supplier is named inline)")
                _ = try run.endRow()
                return batch.dropRow()
            }
            guard try run.endRow() else { return batch.dropRow() }
            try run.bindText(batch, 5, supplier)
            batch.keep(line: run.reader.fieldLine(f.value), raw: run.reader.field(f.value))
            batch.keep(line: run.reader.fieldLine(f.award), raw: run.reader.field(f.award))
            batch.endRow(line: run.reader.recordLine, keyLine: run.reader.fieldLine(f.id), keyRaw: run.reader.field(f.id),
                         parentLine: run.reader.fieldLine(supplier), parentRaw: run.reader.field(supplier))
        }, inserted: { row, _, rowid in
            counter.wrote()
            fresh.inserted(line: row.keyLine, rowid: rowid)
        }, writeOne: { row, batch in
            // A row whose supplier is unknown, or one of a run SQLite refused: its contract, the
            // further supplier it names, or its rejects.
            let kept = KeptRow(row: row, batch: batch, run: run, fields: f, supplier: supplier)
            if row.unknownParent {
                if let first = try kept.firstRow(firstRow, fresh) { try kept.further(first, links) } else {
                    try run.write(rejectedRow: [kept.unknownSupplier()])
                }
                return
            }
            try batch.bind(row, to: insert)
            do {
                try fresh.refuseIfWritten(row, of: batch)
                try insert.step()
                insert.reset()
                counter.wrote()
                fresh.inserted(line: row.keyLine)
            } catch let error as SQLiteError where error.isUniqueViolation {
                if let first = try kept.firstRow(firstRow, fresh) { try kept.further(first, links) } else {
                    try run.write(rejectedRow: [kept.refused(error)])
                }
            } catch let error as SQLiteError where error.isConstraint {
                try run.write(rejectedRow: [kept.explain(error)])
            }
        })
    }

    /// A contracts row read by the pipeline's other thread, as its batch kept it (its id,
    /// supplier, value and award date fields as read, and its values as bound): what the
    /// writing side explains it by, in the words of the load on one thread.
    private struct KeptRow {
        let row: RowBatch.Row, batch: RowBatch, run: LoadRun, fields: Fields, supplier: Int

        private var id: UnsafeRawBufferPointer { Bytes.trimmed(batch.bytes(in: row.keyRaw)) }
        private var lead: UnsafeRawBufferPointer { Bytes.trimmed(batch.bytes(in: row.parentRaw ?? 0..<0)) }

        /// What the first row of this row's contract, written earlier by this load, said; nil when none was.
        func firstRow(_ lookup: Statement, _ fresh: FreshTable) throws -> FirstRow? {
            try ContractLoader.loadedRow(lookup, fresh, key: id)
        }

        /// Links this row's supplier to the contract its first row wrote, or refuses the row:
        /// its value or award date differ, or the supplier is the contract's already or unknown.
        func further(_ first: FirstRow, _ links: FurtherLinks) throws {
            let contract = LoadRun.decode(id)
            guard case .integer(let pence) = batch.parameter(row, 9), case .text(let date) = batch.parameter(row, 6),
                  let award = try? CalendarDate.parse(date) else { preconditionFailure("a contract row kept no value or date") }
            let disagreements = ContractLoader.disagreements(contract: contract, pence: pence, award: award, first: first, fields)
            if !disagreements.isEmpty {
                try run.write(rejectedRow: disagreements.map { column, reason in
                    let field = batch.kept(row, column == fields.value ? 0 : 1)
                    return run.reject(line: field.line, column: column, raw: field.raw, reason: reason)
                })
                return
            }
            let supplierID = LoadRun.decode(lead)
            switch try links.link(contract: contract, key: LoadRun.hash(id), supplier: supplierID, hash: LoadRun.hash(lead),
                                  first: first, line: Int32(truncatingIfNeeded: row.keyLine)) {
            case .linked: links.linkedRows += 1
            case .duplicate(let earlier):
                try run.write(rejectedRow: [run.reject(line: row.keyLine, column: fields.id, raw: batch.bytes(in: row.keyRaw), reason:
                    "duplicate contract_id \(contract) with supplier \(supplierID): line \(earlier) has it too")])
            case .unknownSupplier: try run.write(rejectedRow: [unknownSupplier()])
            case .refused(let error): try run.write(rejectedRow: [explain(error)])
            }
        }

        func unknownSupplier() -> Reject {
            run.reject(line: row.parentLine, column: supplier, raw: batch.bytes(in: row.parentRaw ?? 0..<0),
                       reason: ContractLoader.unknownSupplier(LoadRun.decode(lead)))
        }

        func refused(_ error: SQLiteError) -> Reject {
            Reject(line: row.line, column: nil, columnName: nil, raw: nil, reason: "refused by the contracts table: \(error.message)")
        }

        /// A constraint SQLite refused the row by: its supplier, when that is unknown to it.
        func explain(_ error: SQLiteError) -> Reject { error.isForeignKeyViolation ? unknownSupplier() : refused(error) }
    }
}
