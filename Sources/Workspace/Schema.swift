import SVWDatabase

/// The workspace schema as an ordered list of migrations. `PRAGMA user_version`
/// records how many have run; a workspace is only ever migrated forward.
///
/// Money is held as integer pence so every sum is exact. Derived values (a
/// contract's financial year, a commitment's £ value, a supplier's GM status) are
/// computed here in SQL, once, not in Swift loops.
public enum Schema {
    /// The migrations in order: entry N takes a workspace from schema version N to N + 1.
    public static var migrations: [String] { writtenMigrations + built.laterMigrations }

    /// The migrations before integer row keys, written out.
    static let writtenMigrations = [v1, SearchIndex.migration, severalSuppliersAndExactGeography, rollupsMigration,
                                     winnerAndMeasureRollupsMigration]

    /// The migrations after the rowid-keys one, in order, each written for the schema the
    /// ones before it left in a scratch database (see `ScratchSchema`). A new migration goes
    /// at the end (a written one ignores the database it is given); then `scripts/generate-schema`
    /// brings `Schema.snapshot` up to date.
    static let generatedMigrations: [@Sendable (Database) throws -> String] = [
        WrittenFinancialYears.migration,
        { _ in SearchIndex.externalContentMigration },
        { _ in Rollups.outsideWinnersOnlyMigration },
        { _ in reportingRollupMigration },
        KeyIndexes.migration,
    ]

    /// The schema version after the last migration that rewrites a table or index of rows
    /// (rowid keys, written financial years, the external-content search index, key indexes):
    /// opening a workspace older than it takes a while on a large one, and svw says so first.
    static let lastRewritingVersion = writtenMigrations.count + 6

    /// The migration that made suppliers, contracts and commitments rowid tables with a unique
    /// index on their text id (see `RowidKeys`).
    public static var rowidKeys: String { migrations.first { $0.hasPrefix(RowidKeys.opening) } ?? "" }

    /// The schema version this build writes (`PRAGMA user_version` after every migration):
    /// counted, not built, so opening an up-to-date workspace needs none of the migrations' SQL.
    public static var currentVersion: Int { writtenMigrations.count + 1 + generatedMigrations.count }

    /// The five TOMs themes, in the framework's order.
    public static let themes = ["Jobs", "Growth", "Social", "Environment", "Innovation"]

    /// The UK financial year (1 April to 31 March, `2020/21`) of an ISO date, in SQL.
    /// The triggers that keep the `financial_year` columns right use it (`WrittenFinancialYears`;
    /// the loads write the same text from Swift), and so do analyses that work it out from
    /// `award_date`, so that a covering index on the date answers them.
    public static func financialYear(of date: String) -> String {
        financialYearLabel(start: financialYearStart(of: date))
    }

    /// The calendar year a date's financial year starts in (2020 for 2021-03-31), in SQL.
    public static func financialYearStart(of date: String) -> String {
        "(CAST(substr(\(date), 1, 4) AS INTEGER) - (substr(\(date), 6, 2) < '04'))"
    }

    /// `2020/21` from the start year 2020, in SQL.
    public static func financialYearLabel(start: String) -> String {
        "printf('%04d/%02d', \(start), (\(start) + 1) % 100)"
    }

    static let v1 = """
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE imports (
        import_id     INTEGER PRIMARY KEY,
        kind          TEXT NOT NULL,
        table_name    TEXT NOT NULL,
        file          TEXT NOT NULL,
        sha256        TEXT NOT NULL,
        rows_loaded   INTEGER NOT NULL,
        rows_replaced INTEGER NOT NULL DEFAULT 0,
        rows_rejected INTEGER NOT NULL,
        loaded_at     TEXT NOT NULL,
        -- The load's options as given (--map value='Total (£)' --edition 2020), so it can be repeated.
        options       TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE rejects (
        import_id   INTEGER NOT NULL REFERENCES imports(import_id) ON DELETE CASCADE,
        file        TEXT NOT NULL,
        line        INTEGER NOT NULL,
        col         INTEGER,
        column_name TEXT,
        raw         TEXT,
        reason      TEXT NOT NULL
    );
    CREATE INDEX rejects_import ON rejects(import_id);

    -- Reference: (outward code, GM authority) pairs with the share of the code's live postcodes.
    CREATE TABLE postcode_districts (
        outward_code   TEXT NOT NULL,
        authority      TEXT NOT NULL,
        authority_code TEXT,
        postcodes      INTEGER,
        share          REAL NOT NULL CHECK (share >= 0 AND share <= 1),
        PRIMARY KEY (outward_code, authority)
    ) WITHOUT ROWID;

    -- Reference: TOMs measures. Proxy values change between editions, so the edition is part of the key.
    CREATE TABLE measures (
        code         TEXT NOT NULL,
        edition      TEXT NOT NULL,
        theme        TEXT NOT NULL CHECK (theme IN ('Jobs','Growth','Social','Environment','Innovation')),
        outcome      TEXT,
        description  TEXT NOT NULL,
        unit         TEXT NOT NULL,
        proxy_pence  INTEGER NOT NULL CHECK (proxy_pence >= 0),
        illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0,1)),
        gm_priority  TEXT,
        PRIMARY KEY (code, edition)
    ) WITHOUT ROWID;

    CREATE TABLE suppliers (
        supplier_id    TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        name_key       TEXT NOT NULL,          -- normalised name, for matching inline suppliers
        company_number TEXT,
        postcode       TEXT,                   -- normalised 'SK4 1AA'; NULL when missing or malformed
        postcode_raw   TEXT,                   -- as the file had it
        district       TEXT,                   -- outward code 'SK4'; NULL when unknown
        postcode_status TEXT NOT NULL CHECK (postcode_status IN ('ok','missing','malformed','outside_uk')),
        sme            INTEGER CHECK (sme IN (0,1)),
        vcse           INTEGER CHECK (vcse IN (0,1))
    ) WITHOUT ROWID;
    CREATE INDEX suppliers_name_key ON suppliers(name_key);
    CREATE INDEX suppliers_district ON suppliers(district);

    CREATE TABLE contracts (
        contract_id   TEXT PRIMARY KEY,
        partner       TEXT NOT NULL,
        title         TEXT NOT NULL,
        category      TEXT,
        supplier_id   TEXT NOT NULL REFERENCES suppliers(supplier_id),
        award_date    TEXT NOT NULL CHECK (award_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        start_date    TEXT,
        end_date      TEXT,
        value_pence   INTEGER NOT NULL,
        sv_weighting  REAL CHECK (sv_weighting BETWEEN 0 AND 100),   -- percent of award criteria
        sv_considered INTEGER CHECK (sv_considered IN (0,1)),
        portal        INTEGER CHECK (portal IN (0,1)),
        sv_kpis       INTEGER CHECK (sv_kpis IN (0,1)),
        -- UK financial year of the award, 1 April to 31 March: '2020/21'.
        financial_year TEXT GENERATED ALWAYS AS (\(financialYear(of: "award_date"))) STORED
    ) WITHOUT ROWID;
    CREATE INDEX contracts_supplier ON contracts(supplier_id);
    CREATE INDEX contracts_year_partner ON contracts(financial_year, partner);
    -- What the analyses read of a contract, in award-date order: a year or date range is one
    -- index range, answered without touching the table rows (titles and all).
    CREATE INDEX contracts_award ON contracts(award_date, partner, value_pence, supplier_id, sv_weighting);

    CREATE TABLE commitments (
        commitment_id   TEXT PRIMARY KEY,
        contract_id     TEXT REFERENCES contracts(contract_id),   -- NULL: the service's own workforce
        measure_code    TEXT NOT NULL,
        units_committed REAL NOT NULL CHECK (units_committed >= 0),
        units_delivered REAL CHECK (units_delivered >= 0),
        reporting_date  TEXT,
        financial_year  TEXT GENERATED ALWAYS AS (
            CASE WHEN reporting_date IS NULL THEN NULL ELSE \(financialYear(of: "reporting_date")) END) STORED
    ) WITHOUT ROWID;
    -- Covering: a contract's commitments are valued from this index alone.
    CREATE INDEX commitments_contract ON commitments(contract_id, measure_code, units_committed, units_delivered);
    -- The latest reporting date, compliance's default "as of", without reading every commitment.
    CREATE INDEX commitments_reporting ON commitments(reporting_date);

    -- Which measures edition values commitments. `load measures` sets it; see Settings.
    INSERT INTO settings(key, value) VALUES ('measures_edition', '');

    -- One row per outward code: its total GM share and the GM authority holding most of it.
    CREATE VIEW district_geography AS
    SELECT p.outward_code,
           round(sum(p.share), 4) AS gm_share,
           (SELECT q.authority FROM postcode_districts q
             WHERE q.outward_code = p.outward_code
             ORDER BY q.share DESC, q.authority LIMIT 1) AS authority
      FROM postcode_districts p
     GROUP BY p.outward_code;

    -- A supplier is a GM business when most of its postcode district's live postcodes are in GM
    -- (gm_share > 0.5). A well-formed postcode whose district is not in the table is outside GM;
    -- a missing or malformed postcode is unknown, never outside.
    CREATE VIEW supplier_geography AS
    SELECT s.supplier_id, s.name, s.postcode, s.district,
           CASE WHEN s.postcode_status IN ('missing','malformed') THEN 'unknown'
                WHEN d.gm_share > 0.5 THEN 'GM'
                ELSE 'outside' END AS gm_status,
           CASE WHEN d.gm_share > 0.5 THEN d.authority END AS authority,
           -- Postcode area: the one or two letters that open the district (M, SK, WA).
           CASE WHEN s.district IS NULL THEN NULL
                WHEN substr(s.district, 2, 1) GLOB '[A-Z]' THEN substr(s.district, 1, 2)
                ELSE substr(s.district, 1, 1) END AS area,
           s.sme, s.vcse
      FROM suppliers s
      LEFT JOIN district_geography d ON d.outward_code = s.district;

    -- A commitment's social value in pence: units x the proxy value in the active measures edition.
    CREATE VIEW commitment_values AS
    SELECT c.commitment_id, c.contract_id, c.measure_code, c.units_committed, c.units_delivered,
           c.reporting_date, c.financial_year AS reporting_year,
           m.theme, m.edition, m.proxy_pence, m.illustrative,
           CAST(round(c.units_committed * m.proxy_pence) AS INTEGER) AS committed_pence,
           CAST(round(coalesce(c.units_delivered, 0) * m.proxy_pence) AS INTEGER) AS delivered_pence
      FROM commitments c
      LEFT JOIN measures m
        ON m.code = c.measure_code
       AND m.edition = (SELECT value FROM settings WHERE key = 'measures_edition');

    -- Full-text search over supplier names and contract titles (`find`, `supplier NAME`).
    -- FTS5 keys its index by an integer rowid and suppliers/contracts have text keys, so
    -- search_fts_docs gives each searchable text one; triggers keep both in step with every
    -- insert, update and delete (an INSERT OR REPLACE re-inserts, and the upsert absorbs it).
    CREATE TABLE search_fts_docs (
        doc_id INTEGER PRIMARY KEY,
        kind   TEXT NOT NULL CHECK (kind IN ('supplier','contract')),
        ref    TEXT NOT NULL,
        body   TEXT NOT NULL,
        UNIQUE (kind, ref)
    );
    CREATE VIRTUAL TABLE search_fts USING fts5(
        body, content='search_fts_docs', content_rowid='doc_id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    );
    CREATE TRIGGER search_fts_docs_ai AFTER INSERT ON search_fts_docs BEGIN
        INSERT INTO search_fts(rowid, body) VALUES (new.doc_id, new.body);
    END;
    CREATE TRIGGER search_fts_docs_ad AFTER DELETE ON search_fts_docs BEGIN
        INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.doc_id, old.body);
    END;
    CREATE TRIGGER search_fts_docs_au AFTER UPDATE ON search_fts_docs BEGIN
        INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.doc_id, old.body);
        INSERT INTO search_fts(rowid, body) VALUES (new.doc_id, new.body);
    END;
    CREATE TRIGGER suppliers_search_ai AFTER INSERT ON suppliers BEGIN
        INSERT INTO search_fts_docs(kind, ref, body) VALUES ('supplier', new.supplier_id, new.name)
            ON CONFLICT (kind, ref) DO UPDATE SET body = excluded.body;
    END;
    CREATE TRIGGER suppliers_search_au AFTER UPDATE OF supplier_id, name ON suppliers BEGIN
        UPDATE search_fts_docs SET ref = new.supplier_id, body = new.name
         WHERE kind = 'supplier' AND ref = old.supplier_id;
    END;
    CREATE TRIGGER suppliers_search_ad AFTER DELETE ON suppliers BEGIN
        DELETE FROM search_fts_docs WHERE kind = 'supplier' AND ref = old.supplier_id;
    END;
    CREATE TRIGGER contracts_search_ai AFTER INSERT ON contracts BEGIN
        INSERT INTO search_fts_docs(kind, ref, body) VALUES ('contract', new.contract_id, new.title)
            ON CONFLICT (kind, ref) DO UPDATE SET body = excluded.body;
    END;
    CREATE TRIGGER contracts_search_au AFTER UPDATE OF contract_id, title ON contracts BEGIN
        UPDATE search_fts_docs SET ref = new.contract_id, body = new.title
         WHERE kind = 'contract' AND ref = old.contract_id;
    END;
    CREATE TRIGGER contracts_search_ad AFTER DELETE ON contracts BEGIN
        DELETE FROM search_fts_docs WHERE kind = 'contract' AND ref = old.contract_id;
    END;
    """

    /// Awards with several suppliers (frameworks, lots, dynamic purchasing systems), exact
    /// GM geography from full postcodes, and where a supplier's postcode came from.
    static let severalSuppliersAndExactGeography = """
    -- Who won each contract. contracts.supplier_id is its lead supplier (the first named);
    -- further_suppliers holds any others of an award with several (frameworks, lots, dynamic
    -- purchasing systems), so the usual one-supplier contract costs nothing more to load or read.
    CREATE TABLE further_suppliers (
        contract_id TEXT NOT NULL REFERENCES contracts(contract_id) ON DELETE CASCADE,
        supplier_id TEXT NOT NULL REFERENCES suppliers(supplier_id),
        PRIMARY KEY (contract_id, supplier_id)
    ) WITHOUT ROWID;
    CREATE INDEX further_suppliers_supplier ON further_suppliers(supplier_id, contract_id);
    -- A later load naming another lead keeps the earlier one as a further supplier: rows add
    -- suppliers, they never drop one. (NOT EXISTS, not INSERT OR IGNORE: an outer upsert's
    -- conflict policy would override the trigger's.)
    CREATE TRIGGER contracts_lead_supplier_au AFTER UPDATE OF supplier_id ON contracts
      WHEN old.supplier_id IS NOT new.supplier_id BEGIN
        INSERT INTO further_suppliers(contract_id, supplier_id)
        SELECT new.contract_id, old.supplier_id
         WHERE NOT EXISTS (SELECT 1 FROM further_suppliers
                            WHERE contract_id = new.contract_id AND supplier_id = old.supplier_id);
        DELETE FROM further_suppliers WHERE contract_id = new.contract_id AND supplier_id = new.supplier_id;
    END;

    -- Every (contract, winning supplier): the lead and any further ones.
    CREATE VIEW award_suppliers AS
    SELECT contract_id, supplier_id FROM contracts
    UNION ALL
    SELECT contract_id, supplier_id FROM further_suppliers;

    -- Where a supplier's postcode came from: 'postcode' (its postcode field), 'address' (found
    -- in its address), NULL when it has none. A supplier named only by id in published data
    -- ("name": null) is kept under its id with name_missing = 1.
    ALTER TABLE suppliers ADD COLUMN postcode_source TEXT CHECK (postcode_source IN ('postcode','address'));
    ALTER TABLE suppliers ADD COLUMN name_missing INTEGER NOT NULL DEFAULT 0 CHECK (name_missing IN (0,1));
    UPDATE suppliers SET postcode_source = 'postcode' WHERE postcode IS NOT NULL;

    -- Reference: every live postcode of the outward codes that touch GM (SampleData/gm_postcodes.csv,
    -- OS Code-Point Open), with its ONS district code and GM borough (NULL outside GM).
    CREATE TABLE postcode_index (
        postcode      TEXT PRIMARY KEY,      -- normalised 'SK4 1AA'
        district_code TEXT,
        authority     TEXT
    ) WITHOUT ROWID;

    -- Supplier geography, decided once here. A full postcode listed in postcode_index decides GM
    -- status and the borough exactly. Otherwise the district rule: a supplier is a GM business when
    -- most of its postcode district's live postcodes are in GM (gm_share > 0.5), in the borough
    -- holding most of the district; that covers an outward code given alone, a full postcode not
    -- listed (new or terminated, or no index loaded), and districts with no GM postcode at all
    -- (outside). A missing or malformed postcode is unknown, never outside. placed_by says which
    -- rule placed the supplier: 'postcode', 'district', 'unknown' or 'outside UK' (BFPO, overseas).
    DROP VIEW supplier_geography;
    CREATE VIEW supplier_geography AS
    SELECT s.supplier_id, s.name, s.postcode, s.district,
           CASE WHEN s.postcode_status IN ('missing','malformed') THEN 'unknown'
                WHEN x.postcode IS NOT NULL THEN CASE WHEN x.authority IS NOT NULL THEN 'GM' ELSE 'outside' END
                WHEN d.gm_share > 0.5 THEN 'GM'
                ELSE 'outside' END AS gm_status,
           CASE WHEN x.postcode IS NOT NULL THEN x.authority
                WHEN d.gm_share > 0.5 THEN d.authority END AS authority,
           -- Postcode area: the one or two letters that open the district (M, SK, WA).
           CASE WHEN s.district IS NULL THEN NULL
                WHEN substr(s.district, 2, 1) GLOB '[A-Z]' THEN substr(s.district, 1, 2)
                ELSE substr(s.district, 1, 1) END AS area,
           s.sme, s.vcse,
           CASE WHEN s.postcode_status IN ('missing','malformed') THEN 'unknown'
                WHEN s.postcode_status = 'outside_uk' THEN 'outside UK'
                WHEN x.postcode IS NOT NULL THEN 'postcode'
                ELSE 'district' END AS placed_by
      FROM suppliers s
      -- A listed postcode with no district code (a handful in Code-Point Open) decides nothing.
      LEFT JOIN postcode_index x ON x.postcode = s.postcode AND x.district_code IS NOT NULL
      LEFT JOIN district_geography d ON d.outward_code = s.district;

    -- OCDS awards whose status is not active (pending, cancelled, unsuccessful): kept and
    -- reported by load ocds, never counted as contracts.
    CREATE TABLE inactive_awards (
        contract_id TEXT PRIMARY KEY,
        status      TEXT NOT NULL,
        ocid        TEXT,
        partner     TEXT,
        title       TEXT,
        award_date  TEXT,
        value_pence INTEGER,
        suppliers   TEXT,
        import_id   INTEGER REFERENCES imports(import_id) ON DELETE SET NULL
    ) WITHOUT ROWID;

    -- Suppliers named inline (contracts files, OCDS) are matched by Companies House number first.
    CREATE INDEX suppliers_company_number ON suppliers(company_number) WHERE company_number IS NOT NULL;

    -- The attribution rule for per-supplier value (GM share by value, supplier profiles): an
    -- award's value is shared equally among its suppliers, the odd pence going one each to the
    -- first suppliers by id, so the shares of an award add up to its value exactly. Totals over
    -- contracts never use this: they sum contracts.value_pence once per contract.
    CREATE VIEW award_shares AS
    SELECT contract_id, supplier_id, suppliers,
           value_pence / suppliers
             + CASE WHEN earlier < abs(value_pence % suppliers)
                    THEN (CASE WHEN value_pence < 0 THEN -1 ELSE 1 END) ELSE 0 END AS share_pence
      FROM (SELECT l.contract_id, l.supplier_id, c.value_pence,
                   1 + (SELECT count(*) FROM further_suppliers k WHERE k.contract_id = l.contract_id) AS suppliers,
                   (c.supplier_id < l.supplier_id)
                     + (SELECT count(*) FROM further_suppliers k
                         WHERE k.contract_id = l.contract_id AND k.supplier_id < l.supplier_id) AS earlier
              FROM award_suppliers l JOIN contracts c ON c.contract_id = l.contract_id);
    """
}
