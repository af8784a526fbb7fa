import SVWDatabase

/// `load contracts FILE`: one row per contract, or — as published registers flatten
/// framework awards — one row per contract × supplier. The supplier is either a
/// supplier_id (which must exist) or named inline.
///
/// A further row for a contract already met in the file links another supplier to it (the
/// contract itself is written once, from its first row, so its value is never counted per
/// supplier); its value and award date must agree with that first row, or it is a reject
/// naming both lines. The same contract and supplier twice in one file is a duplicate.
enum ContractLoader {
    static let columns = ["contract_id", "partner", "title", "category", "supplier_id", "award_date", "start_date",
                          "end_date", "value_pence", "sv_weighting", "sv_considered", "portal", "sv_kpis"]

    /// What the first row of a contract said, to check its further rows against.
    private struct FirstRow {
        let line: Int32
        let pence: Int64
        let award: CalendarDate
    }

    static func load(_ run: LoadRun, _ mapping: HeaderMapping) throws {
        let id = mapping.column("contract_id")!
        let partner = mapping.column("partner")!, title = mapping.column("title")!
        let category = mapping.column("category"), supplier = mapping.column("supplier_id")
        let award = mapping.column("award_date")!, start = mapping.column("start_date"), end = mapping.column("end_date")
        let value = mapping.column("value")!, weighting = mapping.column("sv_weighting")
        let inPence = mapping.wholePence.contains("value")
        let considered = mapping.column("sv_considered"), portal = mapping.column("portal"), kpis = mapping.column("sv_kpis")
        let inlineName = mapping.column("supplier_name"), inlinePostcode = mapping.column("supplier_postcode")
        let inlineCompany = mapping.column("supplier_company_number"), inlineAddress = mapping.column("supplier_address")
        let inlineSME = mapping.column("supplier_sme"), inlineVCSE = mapping.column("supplier_vcse")

        let insert = try run.db.prepare(Upsert.sql(table: "contracts", columns: columns, key: ["contract_id"]))
        let link = try run.db.prepare("""
            INSERT INTO award_suppliers(contract_id, supplier_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING
            """)
        let inline = inlineName == nil ? nil : try InlineSuppliers(db: run.db)
        var counter = try RowCounter(db: run.db, table: "contracts")
        var firstRows: [UInt64: FirstRow] = [:]
        var pairs: [UInt64: Int32] = [:]
        var linkedRows = 0
        var shared: Set<UInt64> = []

        while try run.next() {
            try run.bindText(insert, 1, id, required: true)
            try run.bindText(insert, 2, partner, required: true)
            try run.bindText(insert, 3, title, required: true)
            try run.bindText(insert, 4, category)
            let awardDate = try run.bindDate(insert, 6, award, required: true)
            let startDate = try run.bindDate(insert, 7, start)
            let endDate = try run.bindDate(insert, 8, end)
            let pence = try run.bindMoney(insert, 9, value, required: true, wholePence: inPence)
            try run.bindPercent(insert, 10, weighting, field: "sv_weighting")
            try run.bindFlag(insert, 11, considered)
            try run.bindFlag(insert, 12, portal)
            try run.bindFlag(insert, 13, kpis)
            if let startDate, let endDate, let end, endDate < startDate {
                run.problem(end, "end date \(endDate.iso) is before start date \(startDate.iso)")
            }

            // The supplier: an id, or inline details (an id with no name keeps the award).
            let hasSupplierID = run.value(supplier) != nil
            var details: InlineSuppliers.Details?
            if inlineName != nil, run.value(inlineName) != nil || hasSupplierID {
                var d = InlineSuppliers.Details(name: run.string(inlineName))
                d.companyNumber = run.string(inlineCompany).flatMap(SupplierIdentity.companyNumber)
                d.postcodeRaw = run.string(inlinePostcode)
                d.address = run.string(inlineAddress)
                d.sme = flag(run, inlineSME, sme: true)
                d.vcse = flag(run, inlineVCSE)
                details = d
            }
            if !hasSupplierID && details == nil {
                if let supplier { run.problem(supplier, "required value is empty (and no supplier is named inline)") }
                else if let inlineName { run.problem(inlineName, "required value is empty (the supplier's name)") }
            }

            let key = LoadRun.hash(run.value(id) ?? UnsafeRawBufferPointer(start: nil, count: 0))
            let first = run.rowHasProblems ? nil : firstRows[key]
            if let first, let pence, let awardDate {
                let contract = run.string(id)!
                if pence != first.pence {
                    run.problem(value, "contract \(contract) has value \(Money.text(pence: pence)) here but "
                                + "\(Money.text(pence: first.pence)) on line \(first.line); an award's rows must agree")
                }
                if awardDate != first.award {
                    run.problem(award, "contract \(contract) has award date \(awardDate.iso) here but "
                                + "\(first.award.iso) on line \(first.line); an award's rows must agree")
                }
            }
            guard try run.endRow() else { continue }

            let supplierID: String
            if let inline, let details {
                if let given = run.string(supplier) {
                    try inline.ensure(id: given, details)
                    supplierID = given
                } else {
                    supplierID = try inline.resolve(details)
                }
            } else {
                supplierID = run.string(supplier)!
            }
            let pairKey = Array((run.string(id)! + "\u{0}" + supplierID).utf8).withUnsafeBytes { LoadRun.hash($0) }
            let line = Int32(truncatingIfNeeded: run.reader.fieldLine(id))
            if let earlier = pairs[pairKey] {
                run.problem(id, "duplicate contract_id \(run.string(id)!) with supplier \(supplierID): line \(earlier) has it too")
                _ = try run.endRow()
                continue
            }
            let explainUnknown: (SQLiteError) -> (column: Int?, reason: String) = { error in
                if error.code == 787 /* SQLITE_CONSTRAINT_FOREIGNKEY */ {
                    return (supplier, "unknown supplier \(supplierID) (load suppliers first)")
                }
                return (nil, "refused by the contracts table: \(error.message)")
            }

            if firstRows[key] != nil {
                // A further supplier of a contract this file has already written.
                try link.bind([run.string(id)!, supplierID])
                if try run.step(link, explain: explainUnknown) {
                    pairs[pairKey] = line
                    linkedRows += 1
                    shared.insert(key)
                }
                continue
            }
            try insert.bind(.text(supplierID), at: 5)
            if try run.step(insert, explain: explainUnknown) {
                counter.wrote()
                pairs[pairKey] = line
                if let pence, let awardDate { firstRows[key] = FirstRow(line: line, pence: pence, award: awardDate) }
            }
        }
        try counter.finish(into: &run.report)
        if linkedRows > 0 {
            run.report.notes.append("several suppliers: \(CountText.grouped(linkedRows)) further row\(linkedRows == 1 ? "" : "s") "
                                    + "added a supplier to \(CountText.grouped(shared.count)) contract\(shared.count == 1 ? "" : "s") "
                                    + "(framework or lot awards; each contract's value is counted once)")
        }
        if let summary = inline?.summary { run.report.notes.append(summary) }
        if let notes = inline?.places.notes { run.report.notes += notes }
    }

    private static func flag(_ run: LoadRun, _ column: Int?, sme: Bool = false) -> Bool? {
        guard let column, let b = run.value(column) else { return nil }
        do { return try sme ? SMEFlag.value(b) : Flag.value(b) } catch let e as CoercionError {
            run.problem(column, e.reason)
            return nil
        } catch { return nil }
    }
}
