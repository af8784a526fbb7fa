import SVWAnalysis
import SVWDatabase
import SVWRendering
import SVWScript
import SVWText

/// The options every analysis command shares — the filter, `--sql`, `--no-chart` — and
/// how they combine with the session filter.
enum AnalysisOptions {
    static let filters: [OptionSpec] = [
        OptionSpec("year", value: "YEAR", completion: .year, "financial year, April to March (2020/21)"),
        OptionSpec("partner", value: "NAME", completion: .partner, "one partner (the names in the data)"),
        OptionSpec("category", value: "NAME", completion: .category, "one contract category"),
        OptionSpec("min-value", value: "£", "contracts worth at least this (25000, £25k, 1.5m)"),
        OptionSpec("max-value", value: "£", "contracts worth less than this"),
        OptionSpec("from", value: "DATE", "awarded on or after this date (2020-04-01 or 01/04/2020)"),
        OptionSpec("to", value: "DATE", "awarded on or before this date"),
    ]

    static let sql = OptionSpec("sql", "also print the SQL that produced the figures, with its parameters")
    static let noChart = OptionSpec("no-chart", "leave out the chart")

    /// Filter options, then `--sql` and `--no-chart`.
    static let common: [OptionSpec] = filters + [sql, noChart]

    /// The filter keys `filter KEY=VALUE` accepts: the filter option names.
    static var filterKeys: [String] { filters.map(\.name) }

    /// Reads one filter value as typed, checked for form (not yet against the data).
    static func apply(key: String, value: String, to filter: inout Filter) throws {
        let text: String? = value.isEmpty ? nil : value
        do {
            switch key {
            case "year": filter.year = try text.map(ValueParsing.financialYear)
            case "partner": filter.partner = text
            case "category": filter.category = text
            case "min-value": filter.minValuePence = try text.map(ValueParsing.pence)
            case "max-value": filter.maxValuePence = try text.map(ValueParsing.pence)
            case "from": filter.from = try text.map(ValueParsing.isoDate)
            case "to": filter.to = try text.map(ValueParsing.isoDate)
            default: preconditionFailure("filter key \(key) has no option")
            }
        } catch let failure as ValueParsing.Failure {
            throw CommandError.usage("--\(key): \(failure.message)")
        }
    }

    /// `headline 2020/21`, `geography 2020/21`: every analysis for one year takes the year
    /// as its first word too, the same as --year.
    static let yearArgument = ArgumentSpec("YEAR", "financial year, the same as --year (2020/21)", optional: true, completion: .year)

    /// The year given as the first word, if the command takes one, checked for form and
    /// against --year.
    static func positionalYear(_ invocation: Invocation) throws -> String? {
        guard invocation.spec.arguments.first?.name == yearArgument.name, let word = invocation.argument(0) else { return nil }
        let year: String
        do { year = try ValueParsing.financialYear(word) } catch let failure as ValueParsing.Failure {
            throw CommandError.usage("\(invocation.spec.name): \(failure.message)")
        }
        if let option = invocation.value("year"), (try? ValueParsing.financialYear(option)) != year {
            throw CommandError.usage("\(invocation.spec.name): two different years given (\(word) and --year \(option))")
        }
        return year
    }

    /// The options given on this command line, as a filter.
    static func commandFilter(_ invocation: Invocation) throws -> Filter {
        var filter = Filter()
        filter.year = try positionalYear(invocation)
        for key in filterKeys {
            if let value = invocation.value(key) {
                do { try apply(key: key, value: value, to: &filter) } catch let error as CommandError {
                    throw CommandError.usage("\(invocation.spec.name): \(error.description)")
                }
            }
        }
        return filter
    }

    /// The session filter with this command's options over it, checked against the data.
    static func filter(_ context: CommandContext) throws -> Filter {
        let merged = context.session.filter.overridden(by: try commandFilter(context.invocation))
        return try FilterResolver.resolve(merged, db: context.db, command: context.invocation.spec.name)
    }

    /// `--by X` among `choices`, or nil when not given.
    static func choice<T: RawRepresentable & CaseIterable>(_ context: CommandContext, _ option: String,
                                                           as type: T.Type, allowed: [T]? = nil) throws -> T?
    where T.RawValue == String {
        guard let raw = context.invocation.value(option) else { return nil }
        let options = allowed ?? Array(T.allCases)
        if let match = options.first(where: { $0.rawValue == raw.lowercased() }) { return match }
        let names = options.map(\.rawValue)
        var message = "\(context.invocation.spec.name): --\(option) takes one of \(names.joined(separator: ", ")), not \"\(raw)\""
        if let guess = Suggest.closest(to: raw.lowercased(), among: names) { message += "; did you mean \"\(guess)\"?" }
        throw CommandError.usage(message)
    }

    static func positiveInt(_ context: CommandContext, _ option: String) throws -> Int? {
        guard let n = try context.invocation.int(option) else { return nil }
        guard n > 0 else { throw CommandError.usage("\(context.invocation.spec.name): --\(option) takes a number above 0, not \(n)") }
        return n
    }

    static func money(_ context: CommandContext, _ option: String) throws -> Int64? {
        guard let raw = context.invocation.value(option) else { return nil }
        do { return try ValueParsing.pence(raw) } catch let failure as ValueParsing.Failure {
            throw CommandError.usage("\(context.invocation.spec.name): --\(option): \(failure.message)")
        }
    }

    static func date(_ context: CommandContext, _ option: String) throws -> String? {
        guard let raw = context.invocation.value(option) else { return nil }
        do { return try ValueParsing.isoDate(raw) } catch let failure as ValueParsing.Failure {
            throw CommandError.usage("\(context.invocation.spec.name): --\(option): \(failure.message)")
        }
    }
}

/// Checks a filter against the data: a partner, year or category that no contract has
/// is an error listing the ones that exist. Names match in any case and come back as
/// the data spells them, so `--partner stockport` binds 'Stockport'.
enum FilterResolver {
    static func resolve(_ filter: Filter, db: Database, command: String) throws -> Filter {
        var out = filter
        // An exact value costs one look-up; only a miss lists the values (a full read on a big workspace).
        if let year = filter.year, try !Catalog.has(db, .year, year) {
            out.year = try match(year, among: Catalog.years(db), what: "year", plural: "years", command: command)
        }
        if let partner = filter.partner, try !Catalog.has(db, .partner, partner) {
            out.partner = try match(partner, among: Catalog.partners(db), what: "partner", plural: "partners", command: command)
        }
        if let category = filter.category, try !Catalog.has(db, .category, category) {
            out.category = try match(category, among: Catalog.categories(db), what: "category", plural: "categories", command: command)
        }
        if let low = filter.minValuePence, let high = filter.maxValuePence, low >= high {
            throw CommandError.usage("\(command): --min-value must be below --max-value")
        }
        if let from = filter.from, let to = filter.to, from > to {
            throw CommandError.usage("\(command): --from \(from) is after --to \(to)")
        }
        return out
    }

    /// `value` as spelled in `valid` (exact, then any case), else an error naming the valid ones.
    static func match(_ value: String, among valid: [String], what: String, plural: String, command: String) throws -> String {
        if valid.contains(value) { return value }
        let folded = valid.filter { $0.lowercased() == value.lowercased() }
        if folded.count == 1 { return folded[0] }
        var message = "\(command): unknown \(what) \"\(value)\""
        if valid.isEmpty {
            throw CommandError.failed(message + " (no contracts are loaded yet)")
        }
        // A well-formed year that is not in the data is no typo: "did you mean 2020/21" for
        // 2022/23 would mislead, and the years in the data are listed anyway.
        if what != "year", let guess = Suggest.closest(to: value.lowercased(), among: valid.map { $0.lowercased() }),
           let spelled = valid.first(where: { $0.lowercased() == guess }) {
            message += "; did you mean \"\(spelled)\"?"
        }
        throw CommandError.failed(message + " (\(plural) in the data: \(valid.joined(separator: ", ")))")
    }
}
