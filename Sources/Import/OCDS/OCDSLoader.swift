import Foundation
import SVWDatabase
import SVWText

/// `load ocds FILE`: awards from Open Contracting Data Standard JSON (Contracts Finder's
/// shape), as contracts with their suppliers. The file streams by once; each award's latest
/// release (by release date, an `awardUpdate` over an `award` of the same date, else the
/// later in the file) is staged in a temporary table, then the winners are written in file
/// order. Rejects, `--strict`, `--sha256` and the imports log behave as for CSV loads.
final class OCDSLoader {
    private let db: Database
    private let name: String
    private let options: ImportOptions
    private var report: ImportReport
    private let reject: Statement
    private var rejectedKeys: Set<String> = []

    private init(db: Database, file: URL, options: ImportOptions) throws {
        self.db = db
        self.options = options
        name = options.displayName ?? file.path
        report = ImportReport(kind: "ocds", table: "contracts", file: file, displayName: name)
        try db.run(LoadRun.logSQL, ["ocds", "contracts", file.path, LoadRun.timestamp(), options.commandOptions])
        report.importID = db.lastInsertRowID
        reject = try db.prepare(LoadRun.rejectSQL)
    }

    static func load(file: URL, db: Database, options: ImportOptions) throws -> ImportReport {
        let reader = try JSONReader(url: file, name: options.displayName ?? file.path)
        if let progress = options.progress {
            let size = Int64((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0)
            reader.onRead = { progress($0, size) }
        }
        let watch = try InterruptWatch(db: db)
        defer { watch.end() }
        let loader = try OCDSLoader(db: db, file: file, options: options)
        try db.execute("""
            CREATE TEMP TABLE IF NOT EXISTS ocds_staged (
                award_key TEXT PRIMARY KEY, seq INTEGER NOT NULL, release_date TEXT NOT NULL,
                is_update INTEGER NOT NULL, payload TEXT NOT NULL
            ) WITHOUT ROWID;
            DELETE FROM ocds_staged;
            """)
        defer { try? db.execute("DROP TABLE IF EXISTS temp.ocds_staged") }
        let stage = try db.prepare("""
            INSERT INTO ocds_staged(award_key, seq, release_date, is_update, payload) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT(award_key) DO UPDATE SET seq = excluded.seq, release_date = excluded.release_date,
                   is_update = excluded.is_update, payload = excluded.payload
             WHERE (excluded.release_date, excluded.is_update) >= (ocds_staged.release_date, ocds_staged.is_update)
            """)
        var seq = 0
        do {
            try OCDSPackages.each(reader) { release, line, column in
                try watch.tick(every: 64)
                for award in OCDSRelease.awards(of: release, line: line, column: column) {
                    seq += 1
                    let values: [SQLBindable] = [award.key, seq, award.releaseDate, award.isUpdate ? 1 : 0, award.staged]
                    try stage.bind(values)
                    try stage.step()
                    stage.reset()
                }
            }
        } catch let error as JSONSyntaxError {
            throw ImportError.badOption(error.description)
        }
        try reader.drain()
        try watch.check()
        loader.report.rowsRead = seq
        loader.report.sha256 = reader.sha256
        try loader.writeWinners(total: seq, watch: watch)
        try loader.finish()
        return loader.report
    }

    // MARK: Writing

    private func writeWinners(total: Int, watch: InterruptWatch) throws {
        // Read back one row at a time, in file order, so memory stays flat.
        try db.execute("CREATE INDEX temp.ocds_staged_seq ON ocds_staged(seq)")
        let kept = Int(try db.scalar("SELECT count(*) FROM ocds_staged").int64 ?? 0)
        let superseded = total - kept
        let staged = try db.prepare("SELECT payload FROM ocds_staged ORDER BY seq")
        let contract = try db.prepare(Upsert.sql(table: "contracts", columns: ContractLoader.columns, key: ["contract_id"]))
        let link = try db.prepare("INSERT INTO further_suppliers(contract_id, supplier_id) SELECT ?1, ?2 WHERE ?2 IS NOT (SELECT supplier_id FROM contracts WHERE contract_id = ?1) ON CONFLICT DO NOTHING")
        let inactive = try db.prepare("""
            INSERT INTO inactive_awards(contract_id, status, ocid, partner, title, award_date, value_pence, suppliers, import_id)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            ON CONFLICT(contract_id) DO UPDATE SET status = excluded.status, ocid = excluded.ocid, partner = excluded.partner,
                   title = excluded.title, award_date = excluded.award_date, value_pence = excluded.value_pence,
                   suppliers = excluded.suppliers, import_id = excluded.import_id
            """)
        let activated = try db.prepare("DELETE FROM inactive_awards WHERE contract_id = ?1")
        let loadedBefore = try db.prepare("SELECT 1 FROM contracts WHERE contract_id = ?1")
        var stillContracts = 0
        let inline = try InlineSuppliers(db: db)
        var counter = try RowCounter(db: db, table: "contracts")
        var statuses: [String: Int] = [:]
        var converted: [String: Int] = [:]
        var shared = 0

        while try staged.step() {
            try watch.tick(every: 256)
            guard let text = staged.value(0).string else { continue }
            let award = OCDSAward(staged: text)
            guard let checked = check(award, converted: &converted) else { continue }
            let status = (award.status ?? "active").lowercased()
            if status != "active" {
                let names = award.suppliers.compactMap { $0.name ?? $0.id }.joined(separator: "; ")
                let values: [SQLBindable] = [checked.id, status, award.ocid, award.partner, award.title, checked.date.iso,
                                             checked.pence, names, report.importID]
                try inactive.bind(values)
                try inactive.step()
                inactive.reset()
                statuses[status, default: 0] += 1
                try loadedBefore.bind([checked.id])
                if try loadedBefore.step() { stillContracts += 1 }
                loadedBefore.reset()
                continue
            }
            var ids: [String] = []
            for supplier in award.suppliers {
                let id = try resolve(supplier, inline: inline)
                if !ids.contains(id) { ids.append(id) }
            }
            let values: [SQLBindable] = [checked.id, award.partner, award.title, award.category, ids[0], checked.date.iso,
                                         checked.start?.iso, checked.end?.iso, checked.pence, nil as String?, nil as Double?,
                                         nil as Int64?, nil as Int64?, checked.date.financialYear]
            try contract.bind(values)
            try contract.step()
            contract.reset()
            counter.wrote()
            for id in ids.dropFirst() {
                try link.bind([checked.id, id])
                try link.step()
                link.reset()
            }
            if ids.count > 1 { shared += 1 }
            try activated.bind([checked.id])
            try activated.step()
            activated.reset()
        }
        try counter.finish(into: &report)
        if superseded > 0 {
            report.notes.append("\(NumberText.grouped(superseded)) earlier \(Plural.noun(superseded, "release")) of an award "
                                + "superseded by a later one (an awardUpdate, or a later release date)")
        }
        if shared > 0 {
            report.notes.append("several suppliers: \(Plural.counted(shared, "award names", "awards name")) more than one "
                                + "(each contract's value is counted once)")
        }
        if !statuses.isEmpty {
            let total = statuses.values.reduce(0, +)
            let parts = statuses.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            report.notes.append("\(Plural.counted(total, "award is", "awards are")) not active (\(parts)): "
                                + "kept in inactive_awards, not counted as contracts")
        }
        if stillContracts > 0 {
            report.notes.append("\(NumberText.grouped(stillContracts)) of them \(Plural.noun(stillContracts, "was", "were")) loaded as "
                                + "active before and \(Plural.noun(stillContracts, "stays", "stay")) in contracts "
                                + "(inactive_awards lists them with their status)")
        }
        for (currency, count) in converted.sorted(by: { $0.key < $1.key }) {
            report.notes.append("converted \(Plural.counted(count, "award value")) from \(currency) "
                                + "at £\(options.rates[currency] ?? "") per \(currency)")
        }
        if let summary = inline.summary { report.notes.append(summary) }
        report.notes += inline.places.notes
    }

    private struct Checked {
        let id: String
        let pence: Int64
        let date: CalendarDate
        let start: CalendarDate?
        let end: CalendarDate?
    }

    /// The award's key values, or nil after recording its rejects.
    private func check(_ a: OCDSAward, converted: inout [String: Int]) -> Checked? {
        var problems: [(String, String?, String)] = []
        if a.awardID == nil { problems.append(("awards[].id", nil, "the award has no id")) }
        if a.partner == nil { problems.append(("buyer.name", nil, "no buyer named (buyer, or a party with role buyer)")) }
        if a.title == nil { problems.append(("tender.title", nil, "no title (tender title, release title or award title)")) }
        if a.suppliers.isEmpty { problems.append(("awards[].suppliers", nil, "the award names no supplier")) }
        var date: CalendarDate?
        if let raw = a.awardDate {
            do { date = try CalendarDate.parse(raw) } catch { problems.append(("awards[].date", raw, "not a date: \(raw)")) }
        } else {
            problems.append(("awards[].date", nil, "the award has no date (award date or release date)"))
        }
        let start = a.startDate.flatMap { try? CalendarDate.parse($0) }
        let end = a.endDate.flatMap { try? CalendarDate.parse($0) }
        var pence: Int64?
        if let amount = a.amount {
            let currency = (a.currency ?? "GBP").uppercased()
            do {
                let units = try MoneyParser.pence(amount)
                if currency == "GBP" {
                    pence = units
                } else if let rateText = options.rates[currency], let rate = Decimal(string: rateText) {
                    var exact = Decimal(units) * rate
                    var rounded = Decimal()
                    NSDecimalRound(&rounded, &exact, 0, .plain)
                    pence = NSDecimalNumber(decimal: rounded).int64Value
                    converted[currency, default: 0] += 1
                } else {
                    problems.append(("awards[].value.currency", currency,
                                     "value in \(currency), not GBP: give --rate \(currency)=R (pounds per \(currency)) to convert"))
                }
            } catch {
                problems.append(("awards[].value.amount", amount, "not a money amount: \(amount)"))
            }
        } else {
            problems.append(("awards[].value.amount", nil, "the award has no value"))
        }
        guard problems.isEmpty, let id = a.awardID, let pence, let date else {
            for (field, raw, reason) in problems {
                let what = a.awardID.map { "award \($0): " } ?? ""
                let values: [SQLBindable] = [report.importID, name, a.line, a.column, field, raw, what + reason]
                try? reject.bind(values)
                _ = try? reject.step()
                reject.reset()
                if report.problems.count < options.problemsToKeep {
                    report.problems.append(Reject(line: a.line, column: a.column, columnName: field, raw: raw, reason: what + reason))
                }
            }
            report.problemCount += problems.count
            report.rejectedRows += 1
            return nil
        }
        return Checked(id: id, pence: pence, date: date, start: start, end: end)
    }

    /// The supplier's id: matched by Companies House number, then name, or created; a
    /// supplier with an id but no name is kept under its id.
    private func resolve(_ s: OCDSAward.Supplier, inline: InlineSuppliers) throws -> String {
        var details = InlineSuppliers.Details(name: s.name)
        details.companyNumber = s.companyNumber
        details.postcodeRaw = s.postcode
        details.address = s.address
        details.sme = s.scale.flatMap { try? SMEFlag.value($0) }
        details.vcse = s.vcse.flatMap { try? Flag.value($0) }
        if s.name == nil {
            if let number = s.companyNumber, let known = try inline.supplier(withCompanyNumber: number) { return known }
            let id = s.companyNumber.map { "GB-COH-" + $0 } ?? s.id ?? "unnamed"
            try inline.ensure(id: id, details)
            return id
        }
        return try inline.resolve(details)
    }

    private func finish() throws {
        try LoadRun.complete(&report, options: options, name: name, db: db)
    }
}
