import SVWImport

/// Commands that bring data into the workspace.
enum DataCommands {
    static let specs: [CommandSpec] = [load, sheets]

    static let kinds = ImportKind.allCases.map(\.rawValue) + ["ocds", "table", "sample"]

    static let load = CommandSpec(
        name: "load", group: .data,
        abstract: "Load a CSV, TSV or .xlsx file into the workspace, checking every row",
        arguments: [
            ArgumentSpec("KIND", "what the file holds: " + ImportKind.allCases.map(\.rawValue).joined(separator: ", "),
                         completion: .choices(kinds), forms: [
                ArgumentForm("table", [ArgumentSpec("NAME", "the new table's name: letters, digits and _"),
                                       ArgumentSpec("FILE", "the file to load", completion: .file)],
                             options: ["delimiter", "strict", "replace", "sha256", "sheet", "header-row", "max-field-size", "types"],
                             summary: "any CSV into a new table; types inferred from whole columns"),
                ArgumentForm("ocds", [ArgumentSpec("FILE", "OCDS JSON: a release or record package, a list of releases, or JSON Lines",
                                                   completion: .file)],
                             options: ["rate", "strict", "sha256"],
                             summary: "awards from Open Contracting Data Standard JSON (Contracts Finder)"),
                ArgumentForm("sample", [ArgumentSpec("DIR", "a folder of sample files (default: the bundled SampleData)",
                                                     optional: true, completion: .file)],
                             options: ["strict"],
                             summary: "measures, postcode districts, the postcode index, suppliers, contracts, commitments"),
            ]),
            ArgumentSpec("FILE", "the file to load", completion: .file),
        ],
        options: [
            OptionSpec("map", value: "FIELD=HEADER", repeatable: true,
                       "read FIELD from the column headed HEADER, for headers svw does not recognise"),
            OptionSpec("fraction", value: "FIELD", repeatable: true,
                       "the percentage column FIELD holds fractions of 1 (0.2 = 20%)"),
            OptionSpec("delimiter", value: "CHAR",
                       "field separator: comma, tab, semicolon, pipe or one character (default: tab for .tsv and .tab files, else comma)"),
            OptionSpec("edition", value: "E", "measures: the TOMs edition for rows without one (no edition column, or a blank cell)"),
            OptionSpec("preset", value: "NAME", completion: .choices(Preset.all.map(\.name)),
                       "read the file as a published layout: contracts-finder (the Contracts Finder CSV export) or "
                       + "lgtc-register (a Local Government Transparency Code contract register); detected from the header otherwise"),
            OptionSpec("rate", value: "CUR=RATE", repeatable: true,
                       "ocds: pounds per unit of currency CUR, for award values not in GBP (EUR=0.85); without it such awards are rejected"),
            OptionSpec("strict", "fail the whole load, writing nothing, if any row is rejected"),
            OptionSpec("replace", "table: replace an existing table of the same name"),
            OptionSpec("sha256", value: "HEX",
                       "the SHA-256 the file should have: a different file is reported (and with --strict, refused)"),
            OptionSpec("sheet", value: "NAME|N", "workbooks: the sheet to read, by name or position (needed when there are several)"),
            OptionSpec("header-row", value: "N", "workbooks: the row holding the header (default: found, below any title rows)"),
            OptionSpec("max-field-size", value: "SIZE",
                       "the largest field (and CSV row) read (default 32M; K, M, G suffixes): a bigger one means the file is not a table"),
            OptionSpec("types", value: "COL=TYPE,...",
                       "table: choose column types (text, integer, real, money, percent, date) instead of inferring them"),
        ],
        discussion: """
            Headers are matched ignoring case, spaces and punctuation, and the usual spreadsheet
            names are known ("Contract Value (£)", "Awarded value", "Supplier Postcode",
            "SV Weighting %", "Award Date"...); name any other with --map, as in
            --map value="Total (£)". Columns no field uses are ignored, with a note. A missing
            required column fails the load and lists the headers found.

            Values are read as spreadsheets write them: money £1,250,000.00, 1250000, (1,000)
            (negative) into exact pence; percentages 20% or 20 (0.2 only with --fraction);
            dates 31/03/2021, 2021-03-31, 31-Mar-2021; flags Y/N, Yes/No, TRUE/FALSE, 1/0.
            Postcodes are normalised (sk41aa -> SK4 1AA); a missing or malformed one leaves the
            supplier's GM status unknown, never rejects the row.

            A contracts file may name its supplier inline (supplier name, postcode, SME/VCSE,
            company number) instead of a supplier_id: suppliers are matched by company number,
            then normalised name, or created.

            load ocds reads Open Contracting Data Standard JSON as Contracts Finder publishes it,
            streamed release by release: a release package, a record package (each record's
            compiledRelease), a bare list of releases, or JSON Lines. For each award the latest
            release wins (an awardUpdate supersedes the award; the load says how many were
            superseded). The award id is the contract id; the title is the tender's (else the
            release's); the buyer is the partner; the CPV classification is the category; the
            value must be in GBP unless --rate gives the currency's rate. Suppliers come from the
            parties: a GB-COH identifier is the Companies House number (matching suppliers across
            files), the address gives the postcode, details.scale the SME flag (sme, micro, small,
            medium: yes; large: no). An award naming several suppliers (a framework) is one
            contract linked to each. Only active awards become contracts; others are kept in
            inactive_awards and reported. Malformed JSON fails the load with its line and column.

            Published layouts are recognised from their headers, with a note, or chosen with
            --preset: the Contracts Finder CSV export (one row per notice, its awarded suppliers
            packed into one column) and the Local Government Transparency Code contract register.
            A contracts file may have one row per award x supplier, as framework awards are
            flattened: rows with the same contract id add suppliers to one contract (its value
            and award date must agree, or the row is a reject naming both lines), and the value is
            counted once. When required columns are missing, all are named at once, each with the
            file's closest headers.

            Rows are keyed by id: loading a row again replaces the row with that id (and says
            so), so reloading a file never duplicates anything. postcodes replaces the table
            wholesale. measures sets the workspace's measures edition to the one loaded.

            A .xlsx workbook is read directly: --sheet chooses the sheet when it has several
            (sheets FILE lists them), title and note rows above the header are skipped (the
            header is the first row holding the required columns, or for load table the first
            row of text cells; --header-row N says), and dates, numbers and error cells are
            read as the cells hold them. Rejects name the cell: book.xlsx[Sheet]!C17.
            Excel's "Unicode Text" (UTF-16) is converted to UTF-8; a PDF, an .xls, an .ods,
            an archive or any binary file is refused, saying what it is.

            load table stores money (£1,250.50, 1,250, (1,000), decimals under a header such
            as Value or Amount) as whole pence in a column named ..._pence, so sums are exact
            (pounds: x_pence / 100.0); percentages (20%) as numbers in ..._pct. The receipt
            lists each column's type and why; --types amount=money,code=text chooses.

            Every bad value is a reject, recorded in the rejects table with file, line, column,
            raw text and reason, and the first few are shown as FILE:LINE:COL: column "X": reason
            (COL counts fields from 1). Each load is one transaction, logged in imports with the
            file's SHA-256: a failed load, a --strict reject or Ctrl-C leaves the workspace as it was.
            """,
        examples: [
            "load sample",
            "load measures SampleData/measures.csv",
            "load suppliers SampleData/suppliers.csv --strict",
            "load contracts SampleData/contracts.csv",
            "load commitments SampleData/commitments.csv",
            "load table districts SampleData/postcode_districts.csv",
            "load postcode-index SampleData/gm_postcodes.csv",
            "load ocds award-notices.json --rate EUR=0.85",
        ],
        handler: { try LoadCommand.run($0) })

    static let sheets = CommandSpec(
        name: "sheets", group: .data,
        abstract: "List a workbook's sheets with their sizes and the header row load would use",
        arguments: [ArgumentSpec("FILE", "an .xlsx workbook", completion: .file)],
        discussion: """
            One row per sheet in the workbook's order: its position (what load --sheet N
            takes), name, whether it is hidden, the rows and columns holding values, and the
            header row load table would use (load KIND uses the first row holding the kind's
            required columns instead; --header-row N overrides either).
            """,
        examples: [],
        recorded: false,
        handler: { try LoadCommand.listSheets($0) })
}
