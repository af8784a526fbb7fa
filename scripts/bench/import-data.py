#!/usr/bin/env python3
"""Writes a large contracts-like CSV (and the suppliers it refers to) for the import benchmark.

usage: import-data.py ROWS OUTDIR   -> OUTDIR/suppliers.csv, OUTDIR/contracts.csv
Spreadsheet-style values as in SampleData: money like "£1,250,000.00", dates 31/03/2021,
weightings 20%, flags Yes/No, some titles quoted with commas. Deterministic (seeded)."""
import random
import sys

rows = int(sys.argv[1])
out = sys.argv[2]
rng = random.Random(2021)
suppliers = max(100, rows // 200)
partners = ["Stockport", "Trafford", "Rochdale", "Tameside"]
categories = ["Works", "Care", "Goods", "Services", "Consultancy", "ICT"]
districts = ["M1", "M3", "SK4", "OL11", "BL1", "WA14", "WN1", "LS1", "B1", "SW1A"]

with open(f"{out}/suppliers.csv", "w", newline="") as f:
    f.write("supplier_id,name,company_number,postcode,sme,vcse\n")
    for i in range(suppliers):
        d = rng.choice(districts)
        f.write(f"S{i:06d},Supplier {i} Ltd,{rng.randint(1, 99999999):08d},{d} {rng.randint(1, 9)}AB,"
                f"{rng.choice(['Yes', 'No'])},{rng.choice(['Yes', 'No'])}\n")

def money(pence):
    return "£{:,}.{:02d}".format(pence // 100, pence % 100)

with open(f"{out}/contracts.csv", "w", newline="") as f:
    f.write("contract_id,partner,title,category,supplier_id,award_date,start_date,end_date,value,"
            "sv_weighting,sv_considered,portal,sv_kpis\n")
    for i in range(rows):
        y = rng.choice([2019, 2020, 2021])
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        value = int(rng.paretovariate(1.2) * 1_000_000)
        title = f"\"Contract {i}, lot {rng.randint(1, 9)}\"" if i % 5 == 0 else f"Contract {i}"
        weighting = f"{rng.choice([5, 10, 15, 20, 25, 30])}%" if i % 7 else ""
        f.write(f"C{i:07d},{rng.choice(partners)},{title},{rng.choice(categories)},S{rng.randrange(suppliers):06d},"
                f"{d:02d}/{m:02d}/{y},{d:02d}/{m:02d}/{y},{d:02d}/{m:02d}/{y + 2},\"{money(value)}\",{weighting},"
                f"{rng.choice(['Yes', 'No'])},{rng.choice(['Yes', 'No'])},{rng.choice(['Yes', 'No', ''])}\n")
