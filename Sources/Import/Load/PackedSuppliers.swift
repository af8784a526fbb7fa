/// The Contracts Finder export's packed supplier column: every awarded supplier of a
/// notice in one cell, `[Name|Address|Ref type|Ref Number|Is SME|Is VCSE][…]`, with
/// Ref type `COMPANIES_HOUSE` for a Companies House number.
enum PackedSuppliers {
    static func parse(_ cell: String) -> [InlineSuppliers.Details] {
        var text = Substring(cell.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("[") { text = text.dropFirst() }
        if text.hasSuffix("]") { text = text.dropLast() }
        return text.components(separatedBy: "][").compactMap { block in
            let parts = block.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { return nil }
            var d = InlineSuppliers.Details(name: name)
            if parts.count > 1, !parts[1].isEmpty { d.address = parts[1] }
            if parts.count > 3, parts[2].uppercased() == "COMPANIES_HOUSE" { d.companyNumber = SupplierIdentity.companyNumber(parts[3]) }
            if parts.count > 4 { d.sme = try? SMEFlag.value(parts[4]) }
            if parts.count > 5 { d.vcse = try? Flag.value(parts[5]) }
            return d
        }
    }
}
