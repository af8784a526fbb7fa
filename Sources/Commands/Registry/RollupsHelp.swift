import SVWWorkspace

extension HelpText {
    /// `help rollups`: what the analyses' rollup holds, when it is rebuilt, and the SQL that
    /// rebuilds it, so the SQL `--sql` prints from it can be followed back to the raw tables.
    public static var rollups: String {
        """
        Rollups: the pre-aggregated tables the aggregate analyses read.

        rollup_contracts has one row per contract: the contract columns the analyses filter
        and add up, its commitments' social value (committed and delivered pence, units x the
        proxy value in the active measures edition, exactly as the commitment_values view
        values them), per TOMs theme as well, and the counts compliance's lag check needs
        (with the largest shortfall of its commitments behind). headline, trend, themes (by
        theme and by partner), weighting and compliance read it, so a year is one range of
        rows instead of a join of every commitment; their --sql shows it. Its indexes by
        value and by largest shortfall let weighting --below and compliance --list lagging
        capped with --limit read a few contracts.
        rollup_supplier_geography copies each supplier's gm_status, authority, area and
        placed_by from the supplier_geography view, so it follows however the view defines
        GM status.
        rollup_geography holds, per year and partner, per year (partner NULL), per partner
        (year NULL) and over everything (both NULL), and per GM status, authority, area and
        placing rule: the winning suppliers (lead or further), the awards won alone and
        their share of the value by the award_shares rule. geography reads it when the
        filter is no more than a year and a partner (awards with several suppliers are
        counted once per line from the raw tables). rollup_supplier_wins holds the same
        per supplier outside GM, with its geography: --top reads it largest first.
        rollup_years adds rollup_contracts up per financial year and partner (partner NULL:
        all of them), with the distinct winning suppliers from rollup_geography: contracts,
        value, contracts over £25k and £50k, weighting sums, social value and winners — what
        headline and trend read when the filter is no more than a year and a partner;
        themes by theme and by partner read it too.
        rollup_contract_cells counts contracts and value per year, partner, category,
        weighting, policy flags and value band (over £25k, over £50k), and rollup_lag_cells
        the lag counts per year, partner, category and contract end date: what weighting's
        histogram and statistics and compliance's summary add up when the filter is no more
        than a year, partner and category (and the thresholds are the policy's).
        rollup_measure_cells holds commitments, units and their value per year, partner,
        category and measure: what themes --by measure adds up under such a filter.
        Other filters (value bands, dates) read the raw tables. rollup_reporting holds the
        latest reporting date of any commitment: compliance's default --as-of.

        They are derived, never edited. Any change to a table a rollup is derived from —
        by a load, by SQL, or by another program — marks it stale (triggers set its
        settings row, rollup:NAME, to 'stale'), and so does a change of measures edition for
        those valued in it; the stale ones are rebuilt before the next analysis (the four
        built from one pass over contracts and commitments — rollup_contracts and the cell
        rollups — together when any of them is stale), so a run of loads leaves them to be
        rebuilt once (load sample rebuilds them at its end). At the interactive prompt svw
        rebuilds them while you type, with the indexes a big load left to build; a command
        entered meanwhile stops that and does what is left itself. Two passes in svw add the rows
        up; the SQL below gives exactly the same rows, and is what each rollup means.
        \(Rollups.all.map { "\($0.table) is derived from \($0.sources.joined(separator: ", "))." }.joined(separator: "\n"))

        SQL printed by --sql reads the rollups as they were when the command ran: after
        changing the tables from another program, run an analysis in svw (or the SQL below)
        before replaying it there. This SQL rebuilds them:

        \(Rollups.definition)

        """
    }
}
