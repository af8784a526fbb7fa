import SVWDatabase
import SVWText

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
                          "end_date", "value_pence", "sv_weighting", "sv_considered", "portal", "sv_kpis", "financial_year"]

    /// What the first row of a contract said, to check its further rows against (kept small:
    /// one per contract of the file).
    struct FirstRow {
        let line: Int32
        let award: Int32        // yyyymmdd
        let pence: Int64
        /// Hash of its (lead) supplier's id.
        let lead: UInt64
        /// Its rowid, when the load read it back from the table (a fresh table's, by its key).
        var rowid: Int64? = nil

        var awardDate: CalendarDate? { try? CalendarDate.parse(String(format: "%04d-%02d-%02d", award / 10000, award / 100 % 100, award % 100)) }
    }

    static func day(_ d: CalendarDate) -> Int32 { Int32(d.year * 10000 + d.month * 100 + d.day) }

    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { LoadRun.hash(UnsafeRawBufferPointer($0)) }
    }

    /// Whether a file names each contract's supplier by id alone (no supplier named inline or packed).
    static func namesSuppliersByID(_ mapping: HeaderMapping) -> Bool {
        mapping.column("supplier_name") == nil && mapping.column("supplier_packed") == nil
    }

    /// The columns a file's fields are in.
    struct Fields {
        let id: Int, partner: Int, title: Int, category: Int?, supplier: Int?
        let award: Int, start: Int?, end: Int?, value: Int, weighting: Int?, inPence: Bool, fraction: Bool
        let considered: Int?, portal: Int?, kpis: Int?

        init(_ run: LoadRun, _ mapping: HeaderMapping) throws {
            id = try mapping.required("contract_id")
            partner = try mapping.required("partner")
            title = try mapping.required("title")
            category = mapping.column("category")
            supplier = mapping.column("supplier_id")
            award = try mapping.required("award_date")
            start = mapping.column("start_date")
            end = mapping.column("end_date")
            value = try mapping.required("value")
            weighting = mapping.column("sv_weighting")
            inPence = mapping.wholePence.contains("value")
            fraction = run.options.fractions.contains("sv_weighting")
            considered = mapping.column("sv_considered")
            portal = mapping.column("portal")
            kpis = mapping.column("sv_kpis")
        }
    }

    /// Binds the current row's contract values to `sink` (all but the supplier, parameter 5),
    /// recording each problem with them: its value in pence and award date, when they read.
    static func bind<Sink: ParameterSink>(_ run: LoadRun, _ f: Fields, into sink: Sink) throws -> (pence: Int64?, award: CalendarDate?) {
        try run.bindText(sink, 1, f.id, required: true)
        try run.bindText(sink, 2, f.partner, required: true)
        try run.bindText(sink, 3, f.title, required: true)
        try run.bindText(sink, 4, f.category)
        let awardDate = try run.bindDate(sink, 6, f.award, required: true, yearAt: 14)
        let startDate = try run.bindDate(sink, 7, f.start)
        let endDate = try run.bindDate(sink, 8, f.end)
        let pence = try run.bindMoney(sink, 9, f.value, required: true, wholePence: f.inPence)
        try run.bind(sink, 10, f.weighting, .percent(field: "sv_weighting", fraction: f.fraction))
        try run.bind(sink, 11, f.considered, .flag)
        try run.bind(sink, 12, f.portal, .flag)
        try run.bind(sink, 13, f.kpis, .flag)
        if let startDate, let endDate, let end = f.end, endDate < startDate {
            run.problem(end, "end date \(endDate.iso) is before start date \(startDate.iso)")
        }
        return (pence, awardDate)
    }

    /// What is wrong with a further row whose value or award date differs from its contract's
    /// first row: each field that differs, and why.
    static func disagreements(contract: String, pence: Int64, award: CalendarDate, first: FirstRow, _ f: Fields)
        -> [(column: Int, reason: String)] {
        var out: [(column: Int, reason: String)] = []
        if pence != first.pence {
            out.append((f.value, "contract \(contract) has value \(MoneyParser.text(pence: pence)) here but "
                        + "\(MoneyParser.text(pence: first.pence)) on line \(first.line); an award's rows must agree"))
        }
        if day(award) != first.award {
            out.append((f.award, "contract \(contract) has award date \(award.iso) here but "
                        + "\(first.awardDate?.iso ?? "another") on line \(first.line); an award's rows must agree"))
        }
        return out
    }

    static func unknownSupplier(_ id: String) -> String { "unknown supplier \(id) (load suppliers first)" }

    static func load(_ run: LoadRun, _ mapping: HeaderMapping) throws {
        let f = try Fields(run, mapping)
        let id = f.id, supplier = f.supplier
        let inlineName = mapping.column("supplier_name"), inlinePostcode = mapping.column("supplier_postcode")
        let inlineCompany = mapping.column("supplier_company_number"), inlineAddress = mapping.column("supplier_address")
        let inlineSME = mapping.column("supplier_sme"), inlineVCSE = mapping.column("supplier_vcse")
        let packed = mapping.column("supplier_packed")

        // Only a file naming suppliers by id loads a fresh table without remembering its contracts.
        let fresh = namesSuppliersByID(mapping) ? try FreshTable(db: run.db, table: "contracts", key: "contract_id") : nil
        let insert = try run.db.prepare(Upsert.sql(table: "contracts", columns: columns, key: ["contract_id"], fresh: fresh != nil))
        let firstRow = try run.db.prepare("SELECT rowid, value_pence, award_date, supplier_id FROM contracts WHERE rowid = ?1")
        let inline = namesSuppliersByID(mapping) ? nil : try InlineSuppliers(db: run.db)
        let knownSuppliers = run.parentKeys
        let links = try FurtherLinks(db: run.db, knownSuppliers: knownSuppliers)
        let unknownSupplier = { (supplier, Self.unknownSupplier(run.string(supplier) ?? "")) }
        var counter = try RowCounter(db: run.db, table: "contracts")
        var firstRows: [UInt64: FirstRow] = [:]

        // A big file naming suppliers by id, into an empty table: read on a thread of its own.
        if let fresh, let supplier, run.reader.fileSize >= run.options.bulkIndexThreshold, run.options.readsOnSecondThread,
           run.reader is CSVReader {
            try loadPipelined(run, f, supplier: supplier, insert: insert, firstRow: firstRow, fresh: fresh, links: links,
                              knownSuppliers: knownSuppliers, counter: &counter)
            try finish(run, counter: counter, links: links, inline: nil)
            return
        }

        /// Links a further supplier to a contract met on an earlier row (or packed into one
        /// row). The same contract and supplier again is a duplicate: a reject, or — for a
        /// supplier named twice in one packed cell — nothing. False when the row was refused.
        func linkFurther(contractKey: UInt64, supplierHash: UInt64, first: FirstRow, line: Int32,
                         supplierID: () -> String, explain: (SQLiteError) -> (column: Int?, reason: String),
                         quiet: Bool = false) throws -> Bool {
            switch try links.link(contract: run.string(id) ?? "", key: contractKey, supplier: supplierID(), hash: supplierHash,
                                  first: first, line: line) {
            case .linked: return true
            case .duplicate(let earlier):
                if quiet { return true }
                run.problem(id, "duplicate contract_id \(run.string(id) ?? "") with supplier \(supplierID()): line \(earlier) has it too")
                _ = try run.endRow()
                return false
            case .unknownSupplier:
                let (column, reason) = unknownSupplier()
                try run.reject(column, reason)
                return false
            case .refused(let error):
                let (column, reason) = explain(error)
                try run.reject(column, reason)
                return false
            }
        }

        while try run.next() {
            let (pence, awardDate) = try bind(run, f, into: insert)

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
            let packedSuppliers = run.string(packed).map(PackedSuppliers.parse) ?? []
            if !hasSupplierID && details == nil && packedSuppliers.isEmpty {
                if let supplier { run.problem(supplier, "required value is empty (and no supplier is named inline)") }
                else if let inlineName { run.problem(inlineName, "required value is empty (the supplier's name)") }
                else if let packed { run.problem(packed, "no supplier named") }
            }

            /// A further row of a contract must agree with its first row; false when it did not.
            func agrees(with first: FirstRow) throws -> Bool {
                guard let pence, let awardDate else { return true }
                for (column, reason) in disagreements(contract: run.string(id) ?? "", pence: pence, award: awardDate, first: first, f) {
                    run.problem(column, reason)
                }
                return try run.endRow()
            }
            let key = LoadRun.hash(run.value(id) ?? UnsafeRawBufferPointer(start: nil, count: 0))
            if !run.rowHasProblems, let first = firstRows[key] {
                guard try agrees(with: first) else { continue }
            } else {
                guard try run.endRow() else { continue }
            }

            let line = Int32(truncatingIfNeeded: run.reader.fieldLine(id))
            let explainUnknown: (SQLiteError) -> (column: Int?, reason: String) = { error in
                if error.isForeignKeyViolation { return unknownSupplier() }
                return (nil, "refused by the contracts table: \(error.message)")
            }

            // The usual file: a supplier id column alone, read without making strings.
            guard let inline else {
                guard let leadBytes = run.value(supplier) else { preconditionFailure("a row with no supplier passed its checks") }
                let lead = LoadRun.hash(leadBytes)
                if let first = firstRows[key] {
                    if try linkFurther(contractKey: key, supplierHash: lead, first: first, line: line,
                                       supplierID: { run.string(supplier) ?? "" }, explain: explainUnknown) {
                        links.linkedRows += 1
                    }
                    continue
                }
                if let fresh {
                    // A fresh table: the contract's own row tells whether it was met before.
                    func further(_ first: FirstRow) throws {
                        guard try agrees(with: first) else { return }
                        if try linkFurther(contractKey: key, supplierHash: lead, first: first, line: line,
                                           supplierID: { run.string(supplier) ?? "" }, explain: explainUnknown) {
                            links.linkedRows += 1
                        }
                    }
                    if let knownSuppliers, !knownSuppliers.contains(leadBytes) {
                        if let first = try loadedRow(firstRow, fresh, key: run.value(id)) { try further(first) } else {
                            let (column, reason) = unknownSupplier()
                            try run.reject(column, reason)
                        }
                        continue
                    }
                    try run.bindText(insert, 5, supplier)
                    do {
                        try insert.step()
                        insert.reset()
                        counter.wrote()
                        fresh.inserted(line: Int(line))
                    } catch let error as SQLiteError where error.isUniqueViolation {
                        if let first = try loadedRow(firstRow, fresh, key: run.value(id)) { try further(first) } else {
                            try run.reject(nil, "refused by the contracts table: \(error.message)")
                        }
                    } catch let error as SQLiteError where error.isConstraint {
                        let (column, reason) = explainUnknown(error)
                        try run.reject(column, reason)
                    }
                    continue
                }
                if let knownSuppliers, !knownSuppliers.contains(leadBytes) {
                    let (column, reason) = unknownSupplier()
                    try run.reject(column, reason)
                    continue
                }
                try run.bindText(insert, 5, supplier)
                guard try run.step(insert, explain: explainUnknown) else { continue }
                counter.wrote()
                if let pence, let awardDate { firstRows[key] = FirstRow(line: line, award: day(awardDate), pence: pence, lead: lead) }
                continue
            }

            var supplierIDs: [String] = []
            if let details {
                if let given = run.string(supplier) {
                    try inline.ensure(id: given, details)
                    supplierIDs.append(given)
                } else {
                    supplierIDs.append(try inline.resolve(details))
                }
            } else if let given = run.string(supplier) {
                supplierIDs.append(given)
            }
            for d in packedSuppliers {
                let resolved = try inline.resolve(d)
                if !supplierIDs.contains(resolved) { supplierIDs.append(resolved) }
            }
            var further = supplierIDs[...]
            let metBefore = firstRows[key] != nil
            if !metBefore {
                try insert.bind(.text(supplierIDs[0]), at: 5)
                guard try run.step(insert, explain: explainUnknown) else { continue }
                counter.wrote()
                if let pence, let awardDate {
                    firstRows[key] = FirstRow(line: line, award: day(awardDate), pence: pence, lead: hash(supplierIDs[0]))
                }
                further = further.dropFirst()
            }
            var linked = false
            for supplierID in further {
                guard let first = firstRows[key] else { break }
                guard try linkFurther(contractKey: key, supplierHash: hash(supplierID), first: first, line: line,
                                      supplierID: { supplierID }, explain: explainUnknown, quiet: supplierIDs.count > 1) else { break }
                linked = true
            }
            if metBefore && linked { links.linkedRows += 1 }
        }
        try finish(run, counter: counter, links: links, inline: inline)
    }

    private static func finish(_ run: LoadRun, counter: RowCounter, links: FurtherLinks, inline: InlineSuppliers?) throws {
        try counter.finish(into: &run.report)
        if let note = links.note { run.report.notes.append(note) }
        if let summary = inline?.summary { run.report.notes.append(summary) }
        if let notes = inline?.places.notes { run.report.notes += notes }
    }

    /// What the first row of a contract this load wrote to a fresh table said; nil when it wrote none.
    static func loadedRow(_ lookup: Statement, _ fresh: FreshTable, key: UnsafeRawBufferPointer?) throws -> FirstRow? {
        guard let key, let rowid = try fresh.rowid(of: key) else { return nil }
        try lookup.bind(.integer(rowid), at: 1)
        defer { lookup.reset() }
        guard try lookup.step(), case .integer(let rowid) = lookup.value(0), case .integer(let pence) = lookup.value(1),
              let award = lookup.value(2).string, let date = Array(award.utf8).withUnsafeBytes({ try? CalendarDate.parse($0) }),
              let lead = lookup.value(3).string, let line = fresh.line(ofRowid: rowid) else { return nil }
        return FirstRow(line: Int32(truncatingIfNeeded: line), award: day(date), pence: pence, lead: hash(lead), rowid: rowid)
    }

    private static func flag(_ run: LoadRun, _ column: Int?, sme: Bool = false) -> Bool? {
        guard let column, let b = run.value(column) else { return nil }
        do { return try sme ? SMEFlag.value(b) : Flag.value(b) } catch let e as CoercionError {
            run.problem(column, e.reason)
            return nil
        } catch { return nil }
    }
}
