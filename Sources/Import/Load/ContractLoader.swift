import SVWDatabase

/// `load contracts FILE`: one row per contract, keyed by contract_id. The supplier is
/// either a supplier_id (which must exist) or named inline.
enum ContractLoader {
    static let columns = ["contract_id", "partner", "title", "category", "supplier_id", "award_date", "start_date",
                          "end_date", "value_pence", "sv_weighting", "sv_considered", "portal", "sv_kpis"]

    static func load(_ run: LoadRun, _ mapping: HeaderMapping) throws {
        let id = mapping.column("contract_id")!
        let partner = mapping.column("partner")!, title = mapping.column("title")!
        let category = mapping.column("category"), supplier = mapping.column("supplier_id")
        let award = mapping.column("award_date")!, start = mapping.column("start_date"), end = mapping.column("end_date")
        let value = mapping.column("value")!, weighting = mapping.column("sv_weighting")
        let inPence = mapping.wholePence.contains("value")
        let considered = mapping.column("sv_considered"), portal = mapping.column("portal"), kpis = mapping.column("sv_kpis")
        let inlineName = mapping.column("supplier_name"), inlinePostcode = mapping.column("supplier_postcode")
        let inlineCompany = mapping.column("supplier_company_number")
        let inlineSME = mapping.column("supplier_sme"), inlineVCSE = mapping.column("supplier_vcse")

        let insert = try run.db.prepare(Upsert.sql(table: "contracts", columns: columns, key: ["contract_id"]))
        let inline = inlineName == nil ? nil : try InlineSuppliers(db: run.db)
        var counter = try RowCounter(db: run.db, table: "contracts")

        while try run.next() {
            try run.bindText(insert, 1, id, required: true)
            try run.bindText(insert, 2, partner, required: true)
            try run.bindText(insert, 3, title, required: true)
            try run.bindText(insert, 4, category)
            try run.bindDate(insert, 6, award, required: true)
            let startDate = try run.bindDate(insert, 7, start)
            let endDate = try run.bindDate(insert, 8, end)
            try run.bindMoney(insert, 9, value, required: true, wholePence: inPence)
            try run.bindPercent(insert, 10, weighting, field: "sv_weighting")
            try run.bindFlag(insert, 11, considered)
            try run.bindFlag(insert, 12, portal)
            try run.bindFlag(insert, 13, kpis)
            if let startDate, let endDate, let end, endDate < startDate {
                run.problem(end, "end date \(endDate.iso) is before start date \(startDate.iso)")
            }

            // The supplier: an id, or inline details.
            let hasSupplierID = run.value(supplier) != nil
            var details: InlineSuppliers.Details?
            if let inline = inlineName, let name = run.string(inline) {
                var d = InlineSuppliers.Details(name: name)
                d.companyNumber = run.string(inlineCompany).flatMap(SupplierIdentity.companyNumber)
                d.postcodeRaw = run.string(inlinePostcode)
                d.sme = flag(run, inlineSME)
                d.vcse = flag(run, inlineVCSE)
                details = d
            }
            if !hasSupplierID && details == nil {
                if let supplier { run.problem(supplier, "required value is empty (and no supplier is named inline)") }
                else if let inlineName { run.problem(inlineName, "required value is empty (the supplier's name)") }
            }
            guard try run.endRow() else { continue }

            let key = LoadRun.hash(run.value(id)!)
            guard try run.checkDuplicate(key: key, column: id, describe: { "contract_id \(run.string(id)!)" }) else { continue }
            if let inline, let details {
                let supplierID = run.string(supplier)
                if let supplierID { try inline.ensure(id: supplierID, details) }
                let resolved = try supplierID ?? inline.resolve(details)
                try insert.bind(.text(resolved), at: 5)
            } else {
                try run.bindText(insert, 5, supplier)
            }
            let written = try run.step(insert) { error in
                if error.isForeignKeyViolation {
                    return (supplier, "unknown supplier \(run.string(supplier) ?? "") (load suppliers first)")
                }
                return (nil, "refused by the contracts table: \(error.message)")
            }
            if written { counter.wrote() } else { run.forget(key: key) }
        }
        try counter.finish(into: &run.report)
        if let summary = inline?.summary { run.report.notes.append(summary) }
    }

    private static func flag(_ run: LoadRun, _ column: Int?) -> Bool? {
        guard let column, let b = run.value(column) else { return nil }
        do { return try Flag.value(b) } catch let e as CoercionError {
            run.problem(column, e.reason)
            return nil
        } catch { return nil }
    }
}
