/// The fields each KIND of load fills, and the names spreadsheets give their columns.
/// Names are matched ignoring case, spaces and punctuation, so "Contract Value (£)",
/// "contract_value" and "CONTRACT VALUE" are one spelling.
enum KindFields {
    static let suppliers: [FieldSpec] = [
        FieldSpec("supplier_id", required: true,
                  aliases: ["Supplier ID", "Supplier Ref", "Supplier Reference", "Supplier Code", "Supplier Number",
                            "Supplier No", "Vendor ID", "Vendor Code", "Vendor Number", "ID", "Ref"]),
        FieldSpec("name", required: true,
                  aliases: ["Supplier Name", "Supplier", "Company Name", "Vendor Name", "Vendor", "Trading Name",
                            "Organisation Name", "Organization Name", "Business Name"]),
        FieldSpec("company_number",
                  aliases: ["Company Number", "Company No", "Company No.", "Companies House Number", "Companies House No",
                            "CRN", "Company Registration Number", "Registration Number", "Reg No"]),
        FieldSpec("postcode", .postcode,
                  aliases: ["Postcode", "Post Code", "Supplier Postcode", "Postal Code", "Address Postcode"]),
        // Free-text address: its last UK postcode stands in when there is no postcode.
        FieldSpec("address", aliases: ["Address", "Supplier Address", "Registered Address", "Full Address",
                                       "Postal Address", "Registered Office Address", "Street Address"]),
        // svw's own suppliers table keeps the postcode as the file first had it; reading that back
        // (rather than the normalised one) keeps a malformed postcode malformed on a reload.
        FieldSpec("postcode_raw", .postcode),
        FieldSpec("sme", .flag, aliases: ["SME", "SME Flag", "Is SME", "SME (Y/N)", "SME Status", "Small or Medium Enterprise",
                                          "Scale", "Supplier Scale", "Business Size", "Organisation Size"]),
        FieldSpec("vcse", .flag, aliases: ["VCSE", "VCSE Flag", "Is VCSE", "VCSE (Y/N)", "VCSE Status",
                                           "Voluntary Community Social Enterprise", "Voluntary Community and Social Enterprise"]),
    ]

    static let contracts: [FieldSpec] = [
        FieldSpec("contract_id", required: true,
                  aliases: ["Contract ID", "Contract Ref", "Contract Reference", "Contract Number", "Contract No",
                            "Contract Code", "Reference", "Ref", "ID", "Award ID"]),
        FieldSpec("partner", required: true,
                  aliases: ["Partner", "Council", "Partner Council", "Authority", "Buyer", "Buying Organisation",
                            "Contracting Authority", "Local Authority", "Organisation", "Organization"]),
        FieldSpec("title", required: true,
                  aliases: ["Title", "Contract Title", "Contract Name", "Description", "Contract Description"]),
        FieldSpec("category", aliases: ["Category", "Procurement Category", "Service Category", "Contract Category",
                                        "Spend Category", "Contract Type", "Type"]),
        // Either a supplier id, or the supplier inline (name, postcode, flags, company number).
        FieldSpec("supplier_id", aliases: ["Supplier ID", "Supplier Ref", "Supplier Reference", "Supplier Code",
                                           "Supplier Number", "Supplier No", "Vendor ID", "Vendor Code"]),
        FieldSpec("supplier_name", aliases: ["Supplier Name", "Supplier", "Contractor", "Contractor Name",
                                             "Awarded Supplier", "Successful Supplier", "Vendor", "Vendor Name",
                                             "Company Name"]),
        FieldSpec("supplier_postcode", .postcode,
                  aliases: ["Supplier Postcode", "Postcode", "Post Code", "Contractor Postcode", "Vendor Postcode",
                            "Supplier Post Code"]),
        // Contracts Finder's export packs every awarded supplier of a notice into one column.
        FieldSpec("supplier_packed", aliases: ["Supplier [Name|Address|Ref type|Ref Number|Is SME|Is VCSE]"]),
        FieldSpec("supplier_address", aliases: ["Supplier Address", "Contractor Address", "Supplier Registered Address",
                                                "Supplier Full Address", "Address"]),
        FieldSpec("supplier_company_number",
                  aliases: ["Supplier Company Number", "Company Number", "Company No", "Companies House Number", "CRN"]),
        FieldSpec("supplier_sme", .flag, aliases: ["Supplier SME", "SME", "SME Flag", "Is SME", "SME (Y/N)", "Supplier Scale",
                                                   "Scale", "Supplier Is SME"]),
        FieldSpec("supplier_vcse", .flag, aliases: ["Supplier VCSE", "VCSE", "VCSE Flag", "Is VCSE", "VCSE (Y/N)"]),
        FieldSpec("award_date", .date, required: true,
                  aliases: ["Award Date", "Date Awarded", "Awarded Date", "Contract Award Date", "Date of Award", "Awarded"]),
        FieldSpec("start_date", .date, aliases: ["Start Date", "Contract Start Date", "Commencement Date", "Start"]),
        FieldSpec("end_date", .date, aliases: ["End Date", "Contract End Date", "Expiry Date", "End"]),
        FieldSpec("value", .money, required: true,
                  aliases: ["Value", "Contract Value", "Contract Value (£)", "Awarded Value", "Award Value", "Total Value",
                            "Total Contract Value", "Value (£)", "Value GBP", "value_gbp", "Contract Value GBP", "Amount",
                            "Awarded Value (£)",
                            // Headed in pence, so read as whole pence (svw's own contracts table and its exports).
                            "value_pence", "Contract Value pence"]),
        FieldSpec("sv_weighting", .percent,
                  aliases: ["SV Weighting", "SV Weighting %", "SV Weighting (%)", "Social Value Weighting",
                            "Social Value Weighting %", "Social Value Weighting (%)", "SV Weight", "Social Value Weight",
                            "SV %", "Weighting"]),
        FieldSpec("sv_considered", .flag,
                  aliases: ["SV Considered", "Social Value Considered", "Considered", "SV Considered (Y/N)"]),
        FieldSpec("portal", .flag,
                  aliases: ["Portal", "Social Value Portal", "SV Portal", "Through Portal", "Via Portal", "Used Portal",
                            "SVP", "Portal (Y/N)"]),
        FieldSpec("sv_kpis", .flag,
                  aliases: ["SV KPIs", "SV KPI", "Social Value KPIs", "Social Value KPI", "KPIs", "KPI",
                            "SV KPIs in Contract", "KPIs in Contract", "SV KPIs (Y/N)"]),
    ]

    static let commitments: [FieldSpec] = [
        FieldSpec("commitment_id", required: true,
                  aliases: ["Commitment ID", "Commitment Ref", "Commitment Reference", "Commitment No", "ID", "Ref"]),
        FieldSpec("contract_id", aliases: ["Contract ID", "Contract Ref", "Contract Reference", "Contract", "Contract No"]),
        FieldSpec("measure_code", required: true,
                  aliases: ["Measure Code", "Measure", "TOMs Code", "TOMs Measure", "Measure ID", "Measure Ref", "Code"]),
        FieldSpec("units_committed", .quantity, required: true,
                  aliases: ["Units Committed", "Committed Units", "Committed", "Quantity Committed", "Target Units",
                            "Units Target", "Target"]),
        FieldSpec("units_delivered", .quantity,
                  aliases: ["Units Delivered", "Delivered Units", "Delivered", "Quantity Delivered", "Delivered to Date",
                            "Units Delivered to Date", "Actual", "Actual Units"]),
        FieldSpec("reporting_date", .date,
                  aliases: ["Reporting Date", "Report Date", "Date Reported", "Reported", "As At", "As Of", "Period End", "Date"]),
    ]

    static let measures: [FieldSpec] = [
        FieldSpec("code", required: true, aliases: ["Measure Code", "TOMs Code", "Ref", "Reference", "Measure ID", "ID"]),
        FieldSpec("theme", required: true, aliases: ["Theme", "TOMs Theme"]),
        FieldSpec("outcome", aliases: ["Outcome", "TOMs Outcome"]),
        FieldSpec("description", required: true, aliases: ["Description", "Measure", "Measure Description", "Measure Name"]),
        FieldSpec("unit", required: true, aliases: ["Unit", "Units", "Unit of Measure", "Measurement Unit"]),
        FieldSpec("proxy_value", .money, required: true,
                  aliases: ["Proxy Value", "Proxy", "Proxy Value (£)", "Proxy Value GBP", "Proxy (£)", "Value per Unit",
                            "Proxy Value per Unit", "Unit Value", "Value",
                            // Headed in pence, so read as whole pence (svw's own measures table and its exports).
                            "proxy_pence", "Proxy Value pence"]),
        FieldSpec("edition", aliases: ["Edition", "Version", "TOMs Edition", "TOMs Version"]),
        FieldSpec("illustrative", .flag, aliases: ["Illustrative", "Is Illustrative", "Example"]),
        FieldSpec("gm_priority", aliases: ["GM Priority", "GM Priorities", "GM SV Priority", "Priority"]),
    ]

    static let postcodes: [FieldSpec] = [
        FieldSpec("outward_code", required: true,
                  aliases: ["Outward Code", "Outward", "Outcode", "Postcode District", "District", "Postcode Outward"]),
        FieldSpec("authority", required: true,
                  aliases: ["Authority", "Local Authority", "LA", "Council", "Borough", "LAD Name", "Local Authority Name"]),
        FieldSpec("authority_code", aliases: ["Authority Code", "LA Code", "LAD Code", "ONS Code", "GSS Code", "LAD23CD"]),
        FieldSpec("postcodes", .count, aliases: ["Postcodes", "Postcode Count", "Count", "Live Postcodes", "Number of Postcodes"]),
        FieldSpec("share", .share, required: true, aliases: ["Share", "GM Share", "Proportion", "Fraction"]),
    ]

    static let postcodeIndex: [FieldSpec] = [
        FieldSpec("postcode", required: true, aliases: ["Postcode", "Post Code", "pcds", "pcd", "pcd7", "pcd8"]),
        FieldSpec("district_code", aliases: ["District Code", "Admin District Code", "Admin_district_code", "LAD Code",
                                             "oslaua", "laua", "LA Code", "ONS Code"]),
        FieldSpec("authority", aliases: ["Authority", "GM Borough", "Borough", "Local Authority", "Authority Name"]),
    ]
}
