import SVWDatabase

extension Schema {
    /// The row that says whether `rollup` is fresh; a new rollup starts stale.
    static func stateRow(_ rollup: Rollup) -> String {
        "INSERT INTO settings(key, value) VALUES ('\(rollup.stateKey)', 'stale');"
    }

    /// The triggers by which any change to a table `rollup` is derived from (and a change of
    /// measures edition, when its figures depend on it) marks it stale.
    static func stalenessTriggers(_ rollup: Rollup) -> [String] {
        let markStale = "UPDATE settings SET value = 'stale' WHERE key = '\(rollup.stateKey)';"
        let fresh = "(SELECT value FROM settings WHERE key = '\(rollup.stateKey)') = 'fresh'"
        var out = rollup.sources.flatMap { table in
            ["INSERT", "UPDATE", "DELETE"].map { event in
                """
                CREATE TRIGGER \(rollup.table)_stale_\(table)_\(event.lowercased()) AFTER \(event) ON \(table)
                  WHEN \(fresh) BEGIN \(markStale) END;
                """
            }
        }
        if rollup.followsEdition {
            out.append("""
                CREATE TRIGGER \(rollup.table)_stale_edition AFTER UPDATE OF value ON settings
                  WHEN new.key = 'measures_edition' AND new.value IS NOT old.value AND \(fresh) BEGIN \(markStale) END;
                """)
        }
        return out
    }

    /// The migration that adds the analysis rollups (see `Rollups`). Any change to a table a rollup is
    /// derived from marks it stale: the first change costs one small update, every further
    /// row only the trigger's check of the flag.
    static var rollupsMigration: String {
        let themeColumns = themes.map(Rollups.themeColumn).map {
            "    \($0)_commitments INTEGER, \($0)_committed INTEGER, \($0)_delivered INTEGER"
        }.joined(separator: ",\n")
        let states = Rollups.first.map(stateRow)
        let triggers = Rollups.first.flatMap(stalenessTriggers)
        return """
        -- One row per contract: what aggregate analyses read of it, and its commitments' social
        -- value in the active measures edition. Keyed by financial year and award date, so a year
        -- (or a run of dates) is one range and per-year totals need no sort.
        CREATE TABLE rollup_contracts (
            year_start      INTEGER NOT NULL,   -- the financial year's start: 2020 for 2020/21
            award_date      TEXT NOT NULL,
            contract_id     TEXT NOT NULL,
            partner         TEXT NOT NULL,
            category        TEXT,
            supplier_id     TEXT NOT NULL,
            value_pence     INTEGER NOT NULL,
            sv_weighting    REAL,
            end_date        TEXT,
            sv_considered   INTEGER,
            portal          INTEGER,
            sv_kpis         INTEGER,
            commitments     INTEGER NOT NULL,   -- every commitment on the contract
            committed_pence INTEGER,            -- NULL: no commitment valued in the edition
            delivered_pence INTEGER,
            unvalued        INTEGER NOT NULL,   -- commitments whose measure is not in the edition
            lagging         INTEGER NOT NULL,   -- commitments with fewer units delivered (reported) than committed
            undelivered     INTEGER NOT NULL,   -- commitments with no delivery reported
            shortfall_pence INTEGER,            -- committed minus delivered pence of the lagging ones
        \(themeColumns),
            PRIMARY KEY (year_start, award_date, contract_id)
        ) WITHOUT ROWID;
        -- A year's distinct winning suppliers, read in order instead of sorted.
        CREATE INDEX rollup_contracts_supplier ON rollup_contracts(year_start, supplier_id);

        -- Each supplier's GM status, authority and postcode area, as supplier_geography gives them.
        CREATE TABLE rollup_supplier_geography (
            supplier_id TEXT PRIMARY KEY,
            gm_status   TEXT NOT NULL,
            authority   TEXT,
            area        TEXT
        ) WITHOUT ROWID;

        -- Contracts and value per year, partner, category, weighting, flags and value band.
        CREATE TABLE rollup_contract_cells (
            year_start      INTEGER NOT NULL,
            partner         TEXT NOT NULL,
            category        TEXT,
            sv_weighting    REAL,
            over_applicable INTEGER NOT NULL,   -- worth more than £25k
            over_portal     INTEGER NOT NULL,   -- worth more than £50k
            sv_considered   INTEGER,
            sv_kpis         INTEGER,
            portal          INTEGER,
            contracts       INTEGER NOT NULL,
            value_pence     INTEGER NOT NULL
        );

        -- Lag counts of commitments per year, partner, category and contract end date.
        CREATE TABLE rollup_lag_cells (
            year_start      INTEGER NOT NULL,
            partner         TEXT NOT NULL,
            category        TEXT,
            end_date        TEXT NOT NULL,
            commitments     INTEGER NOT NULL,
            lagging         INTEGER NOT NULL,
            undelivered     INTEGER NOT NULL,
            shortfall_pence INTEGER
        );

        -- Per financial year and partner (NULL: every partner), the headline's and themes' figures.
        CREATE TABLE rollup_years (
            year_start              INTEGER NOT NULL,
            partner                 TEXT,
            contracts               INTEGER NOT NULL,
            awarded                 INTEGER NOT NULL,
            over_applicable         INTEGER NOT NULL,   -- contracts worth more than £25k
            over_portal             INTEGER NOT NULL,   -- … and more than £50k
            weighting_sum           REAL,               -- sum of weightings recorded on those over £25k
            weighted_n              INTEGER NOT NULL,   -- how many those are
            weighting_value_sum     REAL,               -- sum of weighting x value over them
            weighted_value          INTEGER,            -- their value
            committed_pence         INTEGER,
            delivered_pence         INTEGER,
            unvalued                INTEGER,
            commitments             INTEGER,
        \(themeColumns),
            suppliers               INTEGER NOT NULL,   -- distinct winning suppliers
            gm_suppliers            INTEGER NOT NULL,
            unknown_suppliers       INTEGER NOT NULL
        );

        \(states.joined(separator: "\n"))
        \(triggers.joined(separator: "\n"))
        """
    }
}

extension Schema {
    /// The migration that adds the rollups geography and `themes --by measure` read, and
    /// what the lists of contracts and commitments need to read a few rows of
    /// `rollup_contracts` in order. Every rollup is marked stale, so each is rebuilt (with
    /// its new column) before it is next read.
    static var winnerAndMeasureRollupsMigration: String {
        """
        -- Per supplier and scope (year and partner; NULL: all of them), what it won and where it is.
        CREATE TABLE rollup_supplier_wins (
            year_start     INTEGER,            -- NULL: every year
            partner        TEXT,               -- NULL: every partner
            supplier_id    TEXT NOT NULL,
            gm_status      TEXT NOT NULL,
            authority      TEXT,
            area           TEXT,
            placed_by      TEXT,
            unlisted       INTEGER,
            contracts      INTEGER NOT NULL,   -- awards it won, alone or with others
            sole_contracts INTEGER NOT NULL,   -- of them, those it won alone
            awarded        INTEGER NOT NULL    -- its share of their value (the award_shares rule)
        );
        \(Rollups.supplierWins.indexes.map { $0.sql + ";" }.joined(separator: "\n"))

        -- rollup_supplier_wins added up per scope, GM status, authority and area.
        CREATE TABLE rollup_geography (
            year_start     INTEGER,
            partner        TEXT,
            gm_status      TEXT NOT NULL,
            authority      TEXT,
            area           TEXT,
            placed_by      TEXT,
            suppliers      INTEGER NOT NULL,   -- distinct winning suppliers
            unlisted       INTEGER,            -- of them, full postcodes not in postcode_index in districts touching GM
            sole_contracts INTEGER NOT NULL,   -- awards won by one supplier alone
            awarded        INTEGER NOT NULL
        );

        -- Commitments per year, partner, category and measure, valued in the active edition.
        CREATE TABLE rollup_measure_cells (
            year_start      INTEGER NOT NULL,
            partner         TEXT NOT NULL,
            category        TEXT,
            measure_code    TEXT NOT NULL,
            commitments     INTEGER NOT NULL,
            units_committed REAL,
            units_delivered REAL,              -- none reported counts as 0
            committed_pence INTEGER,           -- NULL: the measure is not in the edition
            delivered_pence INTEGER
        );

        -- Which rule placed each supplier (supplier_geography.placed_by), for geography's footer.
        ALTER TABLE rollup_supplier_geography ADD COLUMN placed_by TEXT;
        ALTER TABLE rollup_supplier_geography ADD COLUMN unlisted INTEGER;

        -- The largest shortfall of a contract's commitments behind (committed minus delivered pence).
        ALTER TABLE rollup_contracts ADD COLUMN max_shortfall_pence INTEGER;
        -- Contracts largest first (weighting --below), and by their largest shortfall (compliance
        -- --list lagging): a capped list reads a few entries instead of every contract.
        \(Rollups.contracts.indexes.dropFirst().map { $0.sql + ";" }.joined(separator: "\n"))

        UPDATE settings SET value = 'stale' WHERE key LIKE 'rollup:%';
        \(Rollups.added.map(stateRow).joined(separator: "\n"))
        \(Rollups.added.flatMap(stalenessTriggers).joined(separator: "\n"))
        """
    }

    /// The migration that makes compliance's default "as of" a rollup (`Rollups.reporting`)
    /// and drops the index on the commitments' reporting dates that only it read.
    static var reportingRollupMigration: String {
        """
        DROP INDEX commitments_reporting;

        -- The latest reporting date of any commitment (compliance's default "as of"): one row.
        CREATE TABLE rollup_reporting (
            latest_reporting_date TEXT
        );
        \(stateRow(Rollups.reporting))
        \(stalenessTriggers(Rollups.reporting).joined(separator: "\n"))
        """
    }
}
