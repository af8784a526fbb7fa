#!/usr/bin/env python3
"""Writes a contracts register as an .xlsx workbook of N rows (default 100,000), as Excel
saves one: a title row above the header, every text in the shared strings table (ids and
titles are unique per row), dates by number format and money as numbers.

    scripts/bench/workbook-data.py N OUT.xlsx
"""
import sys
import zipfile

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
out = sys.argv[2] if len(sys.argv) > 2 else "register.xlsx"
partners = ["Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford", "Wigan"]
shared = partners + ["Contract register", "Contract ID", "Partner", "Title", "Supplier Name", "Award Date", "Value", "SV Weighting %"]
shared += [f"Supplier {n}" for n in range(5000)]
first_row_string = len(shared)
for n in range(rows):
    shared += [f"C{n:07d}", f"Works package {n}"]
index = {s: i for i, s in enumerate(shared)}

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("_rels/.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="r1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", f'<workbook {NS} xmlns:r="{REL}"><sheets><sheet name="Contracts" sheetId="1" r:id="r1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="r1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
               f'<Relationship Id="r2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
               f'<Relationship Id="r3" Type="{REL}/styles" Target="styles.xml"/></Relationships>')
    z.writestr("xl/sharedStrings.xml", f"<sst {NS}>" + "".join(f"<si><t>{s}</t></si>" for s in shared) + "</sst>")
    z.writestr("xl/styles.xml", f'<styleSheet {NS}><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="9"/></cellXfs></styleSheet>')
    with z.open("xl/worksheets/sheet1.xml", "w") as f:
        def w(s):
            f.write(s.encode())
        w(f"<worksheet {NS}><sheetData>")
        w(f'<row r="1"><c r="A1" t="s"><v>{index["Contract register"]}</v></c></row>')
        header = ["Contract ID", "Partner", "Title", "Supplier Name", "Award Date", "Value", "SV Weighting %"]
        w('<row r="3">' + "".join(f'<c r="{chr(65 + i)}3" t="s"><v>{index[h]}</v></c>' for i, h in enumerate(header)) + "</row>")
        for n in range(rows):
            r = n + 4
            w(f'<row r="{r}"><c r="A{r}" t="s"><v>{first_row_string + 2 * n}</v></c>'
              f'<c r="B{r}" t="s"><v>{n % 10}</v></c>'
              f'<c r="C{r}" t="s"><v>{first_row_string + 2 * n + 1}</v></c>'
              f'<c r="D{r}" t="s"><v>{18 + n % 5000}</v></c>'
              f'<c r="E{r}" s="1"><v>{43922 + n % 1095}</v></c>'
              f'<c r="F{r}"><v>{(n * 7919) % 10000000 / 100 + 0.1}</v></c>'
              f'<c r="G{r}" s="2"><v>{(n % 30) / 100}</v></c></row>')
        w("</sheetData></worksheet>")
