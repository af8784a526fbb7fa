import SVWDatabase
import SVWWorkspace

/// A workspace small enough to work every figure out on paper. Rows go straight into the
/// schema with SQL, so these tests need neither the CSV loader nor the sample data.
///
/// Postcode districts mirror shared/data/gm_postcode_districts.csv: SK4 wholly Stockport,
/// M16 split Manchester 0.4696 / Trafford 0.5304 (GM, Trafford holds most), WA3 Wigan
/// 0.4917 + Salford 0.0059 = 0.4976 (outside by the majority rule), WA13 Trafford 0.0857
/// (outside), M1 wholly Manchester. SK9 is not in the table (outside).
///
/// Suppliers and their status:
///   S1 Acme Building Ltd      SK4 1AA   GM (Stockport)
///   S2 Bridgewater Cleaning   M16 0RA   GM (Trafford)
///   S3 Cheshire Catering      SK9 1AA   outside (district not in table)
///   S4 Lymm Logistics         WA13 0AA  outside (0.0857)
///   S5 Golborne Grounds       WA3 3AA   outside (0.4976)
///   S6 Mystery Supplies       'ZZ'      unknown (malformed postcode)
///   S7 Manchester Metals      M1 1AA    GM (Manchester)
///   S8 Overseas Widgets       BFPO/abroad outside_uk, no contracts
///
/// Contracts (value in pence; weighting %; considered/portal/kpis flags, NULL = not recorded):
///   C01 Stockport S1 2020-04-01 2020/21 10,000,000  20  1 1 1     end 2021-03-31
///   C02 Stockport S3 2020-06-15 2020/21  6,000,000  10  1 0 0     end 2022-06-30
///   C03 Trafford  S2 2020-09-01 2020/21  2,500,000   5  0 0 0     (exactly £25k: not applicable)
///   C04 Trafford  S6 2021-03-31 2020/21  4,000,000  30  0 NULL 1  (last day of 2020/21)
///   C05 Trafford  S4 2020-11-20 2020/21  5,000,000 NULL 1 0 NULL  end 2021-06-30 (exactly £50k)
///   C06 Stockport S1 2019-05-01 2019/20  3,000,000  15  1 0 1     end 2020-03-31
///   C07 Trafford  S5 2019-12-01 2019/20 20,000,000  25  1 1 1     end 2020-12-31
///   C08 Stockport S7 2020-07-01 2020/21  2,500,001  20  0 0 0     (£25,000.01: applicable)
///   C09 Trafford  S2 2020-05-05 2020/21  7,500,000  20  1 1 0     end 2021-05-04, no commitments
///
/// Measures, edition 'ill-1' (active, illustrative): NT1 Jobs £1,000.00/FTE (100000p),
/// NT14 Growth £0.50 per £ (50p), NT28 Social £15.50/hour (1550p), NT31 Environment
/// £250.00/tonne (25000p). Edition 'real-1' (not illustrative) has NT1 at £2,000.00.
///
/// Commitments (committed £ = units × proxy, delivered likewise):
///   K1 C01 NT1  2 FTE / 1 delivered        → 200,000p / 100,000p
///   K2 C01 NT14 10,000 / 2,500             → 500,000p / 125,000p
///   K3 C02 NT31 3.5 / none reported        →  87,500p / 0
///   K4 C07 NT1  1 / 1                      → 100,000p / 100,000p
///   K5 own workforce NT1 1 / 0.5, reported 2020-10-01 (2020/21) → delivered 50,000p
///   K6 own workforce NT28 200 / 120, reported 2019-06-01 (2019/20) → delivered 186,000p
///   K7 C06 XX9 (not in any edition) 5 / 5  → no £ value
///   K8 C07 NT28 100 / 40, reported 2021-01-15 → 155,000p / 62,000p
enum Fixture {
    static let sql = """
    INSERT INTO postcode_districts(outward_code, authority, authority_code, postcodes, share) VALUES
        ('SK4', 'Stockport', 'E08000007', 1000, 1.0),
        ('M16', 'Manchester', 'E08000003', 400, 0.4696),
        ('M16', 'Trafford', 'E08000009', 450, 0.5304),
        ('WA3', 'Salford', 'E08000006', 9, 0.0059),
        ('WA3', 'Wigan', 'E08000010', 745, 0.4917),
        ('WA13', 'Trafford', 'E08000009', 42, 0.0857),
        ('M1', 'Manchester', 'E08000003', 900, 1.0);

    INSERT INTO measures(code, edition, theme, outcome, description, unit, proxy_pence, illustrative) VALUES
        ('NT1', 'ill-1', 'Jobs', 'More local people in employment', 'Local people employed', 'FTE', 100000, 1),
        ('NT14', 'ill-1', 'Growth', 'More opportunities for local MSMEs', 'Spend with local SMEs', '£ spent', 50, 1),
        ('NT28', 'ill-1', 'Social', 'Stronger communities', 'Volunteering time', 'hours', 1550, 1),
        ('NT31', 'ill-1', 'Environment', 'Carbon emissions reduced', 'Carbon saved', 'tonnes CO2e', 25000, 1),
        ('NT1', 'real-1', 'Jobs', 'More local people in employment', 'Local people employed', 'FTE', 200000, 0);
    UPDATE settings SET value = 'ill-1' WHERE key = 'measures_edition';

    INSERT INTO suppliers(supplier_id, name, name_key, company_number, postcode, postcode_raw, district, postcode_status, sme, vcse) VALUES
        ('S1', 'Acme Building Ltd', 'acme building', '01234567', 'SK4 1AA', 'sk41aa', 'SK4', 'ok', 1, 0),
        ('S2', 'Bridgewater Cleaning', 'bridgewater cleaning', NULL, 'M16 0RA', 'M16 0RA', 'M16', 'ok', 1, 0),
        ('S3', 'Cheshire Catering', 'cheshire catering', NULL, 'SK9 1AA', 'SK9 1AA', 'SK9', 'ok', 0, 0),
        ('S4', 'Lymm Logistics', 'lymm logistics', NULL, 'WA13 0AA', 'WA13 0AA', 'WA13', 'ok', 0, 0),
        ('S5', 'Golborne Grounds', 'golborne grounds', NULL, 'WA3 3AA', 'WA3 3AA', 'WA3', 'ok', 1, 1),
        ('S6', 'Mystery Supplies', 'mystery supplies', NULL, NULL, 'ZZ', NULL, 'malformed', NULL, NULL),
        ('S7', 'Manchester Metals', 'manchester metals', NULL, 'M1 1AA', 'M1 1AA', 'M1', 'ok', 0, 0),
        ('S8', 'Overseas Widgets', 'overseas widgets', NULL, NULL, 'BFPO 123', NULL, 'outside_uk', 0, 0);

    INSERT INTO contracts(contract_id, partner, title, category, supplier_id, award_date, start_date, end_date,
                          value_pence, sv_weighting, sv_considered, portal, sv_kpis) VALUES
        ('C01', 'Stockport', 'School building repairs', 'Construction', 'S1', '2020-04-01', '2020-04-01', '2021-03-31', 10000000, 20, 1, 1, 1),
        ('C02', 'Stockport', 'School meals catering', 'Catering', 'S3', '2020-06-15', '2020-07-01', '2022-06-30', 6000000, 10, 1, 0, 0),
        ('C03', 'Trafford', 'Office cleaning', 'Cleaning', 'S2', '2020-09-01', NULL, NULL, 2500000, 5, 0, 0, 0),
        ('C04', 'Trafford', 'Depot roof works', 'Construction', 'S6', '2021-03-31', NULL, NULL, 4000000, 30, 0, NULL, 1),
        ('C05', 'Trafford', 'Fleet logistics', 'Logistics', 'S4', '2020-11-20', '2020-12-01', '2021-06-30', 5000000, NULL, 1, 0, NULL),
        ('C06', 'Stockport', 'Library refurbishment', 'Construction', 'S1', '2019-05-01', '2019-05-01', '2020-03-31', 3000000, 15, 1, 0, 1),
        ('C07', 'Trafford', 'Parks grounds maintenance', 'Grounds', 'S5', '2019-12-01', '2020-01-01', '2020-12-31', 20000000, 25, 1, 1, 1),
        ('C08', 'Stockport', 'Steel railings', 'Construction', 'S7', '2020-07-01', NULL, NULL, 2500001, 20, 0, 0, 0),
        ('C09', 'Trafford', 'Street cleansing', 'Cleaning', 'S2', '2020-05-05', '2020-05-05', '2021-05-04', 7500000, 20, 1, 1, 0);

    INSERT INTO commitments(commitment_id, contract_id, measure_code, units_committed, units_delivered, reporting_date) VALUES
        ('K1', 'C01', 'NT1', 2, 1, '2021-03-31'),
        ('K2', 'C01', 'NT14', 10000, 2500, '2021-03-31'),
        ('K3', 'C02', 'NT31', 3.5, NULL, '2021-03-31'),
        ('K4', 'C07', 'NT1', 1, 1, '2020-12-31'),
        ('K5', NULL, 'NT1', 1, 0.5, '2020-10-01'),
        ('K6', NULL, 'NT28', 200, 120, '2019-06-01'),
        ('K7', 'C06', 'XX9', 5, 5, '2020-03-31'),
        ('K8', 'C07', 'NT28', 100, 40, '2021-01-15');
    """

    /// A fresh in-memory workspace holding the fixture.
    static func workspace() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.db.execute(sql)
        return workspace
    }

    static func db() throws -> Database { try workspace().db }
}
