import Foundation
import SVWDatabase
import SVWImport
import SVWScript
import SVWText

/// `load KIND FILE`: turns the command's words into an import and reports what it did.
enum LoadCommand {
    static func run(_ context: CommandContext) throws {
        let inv = context.invocation
        let word = inv.argument(0)!.lowercased()
        switch word {
        // The spec's forms have already checked these forms' arguments and options.
        case "sample":
            try SampleLoad.run(context, directory: inv.argument(1))
        case "table":
            guard let name = inv.argument(1), let path = inv.argument(2) else {
                throw CommandError.usage(inv.prefixed("needs a table name and a file\nusage: \(inv.spec.synopsis(given: ["table"]))", form: "table"))
            }
            var options = try importOptions(inv, path: path, session: context.session)
            options.replaceTable = inv.flag("replace")
            let url = context.session.resolve(path: path)
            let report = try perform(inv) { try Importer.loadTable(named: name, file: url, into: context.session.workspace, options: options) }
            finishProgress(options)
            LoadSummary.print(report, to: context.session)
            context.loadedFiles.append(LoadedFile(url: url, sha256: report.sha256, rows: report.rowsRead))
        case "ocds":
            guard let path = inv.argument(1) else {
                throw CommandError.usage(inv.prefixed("which file?\nusage: \(inv.spec.synopsis(given: ["ocds"]))", form: "ocds"))
            }
            var options = try importOptions(inv, path: path, session: context.session)
            for rate in inv.values("rate") {
                let parts = rate.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, parts[0].count == 3, parts[0].allSatisfy(\.isLetter), Decimal(string: parts[1]) != nil,
                      (Decimal(string: parts[1]) ?? 0) > 0 else {
                    throw CommandError.usage(inv.prefixed("--rate takes CUR=RATE, pounds per unit of the currency (EUR=0.85), not \"\(rate)\"", form: "ocds"))
                }
                options.rates[parts[0].uppercased()] = parts[1]
            }
            let url = context.session.resolve(path: path)
            let report = try perform(inv) { try Importer.loadOCDS(file: url, into: context.session.workspace, options: options) }
            finishProgress(options)
            LoadSummary.print(report, to: context.session)
            context.loadedFiles.append(LoadedFile(url: url, sha256: report.sha256, rows: report.rowsRead))
        default:
            guard let kind = kind(named: word) else {
                var message = "unknown kind \"\(word)\" (one of: \(DataCommands.kinds.joined(separator: ", ")))"
                if let guess = Suggest.closest(to: word, among: DataCommands.kinds) { message = "unknown kind \"\(word)\"; did you mean \"\(guess)\"?" }
                throw CommandError.usage(inv.prefixed(message))
            }
            if kind != .measures { try rejectOptions(["edition"], in: inv, form: kind.rawValue) }
            try rejectOptions(["replace", "types", "rate"], in: inv, form: kind.rawValue)
            guard let path = inv.argument(1) else {
                throw CommandError.usage(inv.prefixed("which file?\nusage: \(inv.spec.name) \(kind.rawValue) FILE", form: kind.rawValue))
            }
            let options = try importOptions(inv, path: path, session: context.session)
            let url = context.session.resolve(path: path)
            let report = try perform(inv) { try Importer.load(kind, file: url, into: context.session.workspace, options: options) }
            finishProgress(options)
            LoadSummary.print(report, to: context.session)
            context.loadedFiles.append(LoadedFile(url: url, sha256: report.sha256, rows: report.rowsRead))
        }
    }

    /// Accepts a few spellings of each kind ("contract", "postcode_districts").
    static func kind(named word: String) -> ImportKind? {
        if let kind = ImportKind(rawValue: word) { return kind }
        switch word {
        case "supplier": return .suppliers
        case "contract": return .contracts
        case "commitment": return .commitments
        case "measure", "toms": return .measures
        case "postcode", "postcode_districts", "districts": return .postcodes
        case "postcode_index", "postcodeindex", "gm_postcodes": return .postcodeIndex
        default: return nil
        }
    }

    static func importOptions(_ inv: Invocation, path: String, session: Session) throws -> ImportOptions {
        var options = ImportOptions()
        options.displayName = path
        options.strict = inv.flag("strict")
        options.edition = inv.value("edition")
        options.preset = inv.value("preset")
        options.fractions = Set(inv.values("fraction"))
        options.sheet = inv.value("sheet")
        if let row = inv.value("header-row") {
            guard let n = Int(row), n >= 1 else { throw CommandError.usage(inv.prefixed("--header-row takes a row number from 1, not \"\(row)\"")) }
            options.headerRow = n
        }
        if let size = inv.value("max-field-size") {
            guard let bytes = byteSize(size) else {
                throw CommandError.usage(inv.prefixed("--max-field-size takes a size such as 64M, 512K or 1G, not \"\(size)\""))
            }
            options.maxFieldSize = bytes
        }
        for pair in inv.values("types").flatMap({ $0.split(separator: ",") }) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { throw CommandError.usage(inv.prefixed("--types takes COL=TYPE,..., not \"\(pair)\"")) }
            options.types[parts[0]] = parts[1]
        }
        if let d = inv.value("delimiter") { options.delimiter = try translate(inv) { try ImportOptions.delimiter(named: d) } }
        if let hex = inv.value("sha256") {
            guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else {
                throw CommandError.usage(inv.prefixed("--sha256 takes 64 hexadecimal digits, not \"\(hex)\""))
            }
            options.expectedSHA256 = hex.lowercased()
        }
        for mapping in inv.values("map") {
            guard let eq = mapping.firstIndex(of: "="), eq != mapping.startIndex else {
                throw CommandError.usage(inv.prefixed("--map takes FIELD=HEADER, not \"\(mapping)\""))
            }
            let field = String(mapping[..<eq]).trimmingCharacters(in: .whitespaces)
            let header = String(mapping[mapping.index(after: eq)...])
            if options.maps[field] != nil { throw CommandError.usage(inv.prefixed("--map \(field) given twice")) }
            options.maps[field] = header
        }
        options.progress = ProgressMeter.callback(label: path, onTerminal: session.console.errIsTerminal)
        // Output options shape this command's display, not the load.
        options.commandOptions = inv.optionWords(excluding: ["format", "all"]).map(Tokenizer.quote).joined(separator: " ")
        return options
    }

    /// `64M` → 67108864; plain digits are bytes; at least 1 KiB.
    static func byteSize(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = text.uppercased()
        if digits.hasSuffix("IB") { digits.removeLast(2) } else if digits.hasSuffix("B") { digits.removeLast() }
        var factor = 1
        if let last = digits.last, let unit = units[last] { factor = unit; digits.removeLast() }
        guard let n = Int(digits), n > 0, n <= (1 << 40) / factor, n * factor >= 1024 else { return nil }
        return n * factor
    }

    /// `sheets FILE`.
    static func listSheets(_ context: CommandContext) throws {
        let path = context.invocation.argument(0)!
        let url = context.session.resolve(path: path)
        let summaries: [SheetSummary]
        do { summaries = try Importer.sheets(of: url, displayName: path) } catch let error as ImportError {
            throw CommandError.failed(context.prefixed("\(error)"))
        }
        let rows: [[SQLValue]] = summaries.map { sheet in
            [.integer(Int64(sheet.position)), .text(sheet.name), .text(sheet.state),
             sheet.rows.map { .integer(Int64($0)) } ?? .null, sheet.columns.map { .integer(Int64($0)) } ?? .null,
             sheet.headerRow.map { .integer(Int64($0)) } ?? .null]
        }
        context.session.emit(ResultSet(columns: ["sheet", "name", "state", "rows", "columns", "header_row"], rows: rows))
    }

    private static func rejectOptions(_ names: [String], in inv: Invocation, form: String) throws {
        for name in names where inv.flag(name) || !inv.values(name).isEmpty {
            throw CommandError.usage(inv.prefixed("--\(name) does not apply here", form: form))
        }
    }

    /// Runs an import, turning its errors into messages an analyst can act on.
    static func perform<T>(_ inv: Invocation, _ body: () throws -> T) throws -> T {
        do {
            return try translate(inv, body)
        } catch {
            ProgressMeter.clear()
            throw error
        }
    }

    private static func translate<T>(_ inv: Invocation, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ImportError {
            throw CommandError.failed(inv.prefixed("\(error)"))
        } catch let error as SQLiteError where error.isInterrupt {
            throw CommandError.failed(inv.prefixed("interrupted; nothing was loaded"))
        } catch let error as SQLiteError {
            throw CommandError.failed(inv.prefixed("\(error.message); nothing was loaded"))
        }
    }

    static func finishProgress(_ options: ImportOptions) { ProgressMeter.clear() }
}
