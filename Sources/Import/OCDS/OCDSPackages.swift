/// The shapes OCDS is published in, streamed release by release: a release package
/// (`{"releases": [...]}`), a record package (`{"records": [...]}`, each record's
/// `compiledRelease`), a bare list of releases, or JSON Lines of any of these (one per line).
/// Only one release (or record) is held in memory at a time.
enum OCDSPackages {
    typealias Visit = (_ release: JSONValue, _ line: Int, _ column: Int) throws -> Void

    static func each(_ reader: JSONReader, _ visit: Visit) throws {
        while true {
            let token = try reader.next()
            switch token {
            case .end: return
            case .beginArray: try elements(reader, records: false, visit)
            case .beginObject: try object(reader, visit)
            default:
                throw reader.fail("expected an OCDS release package, record package, list of releases, or JSON Lines of them")
            }
        }
    }

    /// The elements of an array already opened: releases, or records whose compiled release is used.
    private static func elements(_ reader: JSONReader, records: Bool, _ visit: Visit) throws {
        if try reader.peek() == .endArray { _ = try reader.next(); return }
        while true {
            let token = try reader.next()
            let line = reader.tokenLine, column = reader.tokenColumn
            let value = try reader.value(startingWith: token)
            if records {
                guard let compiled = value["compiledRelease"], compiled.isObject else {
                    throw reader.fail("a record has no compiledRelease (svw reads records through their compiled release)",
                                      line: line, column: column)
                }
                try visit(compiled, line, column)
            } else {
                try visit(value, line, column)
            }
            if try reader.endOfContainer(.endArray) { return }
        }
    }

    /// A top-level object already opened: a package (its releases or records streamed), a record or a release.
    private static func object(_ reader: JSONReader, _ visit: Visit) throws {
        let line = reader.tokenLine, column = reader.tokenColumn
        var members: [(String, JSONValue)] = []
        var streamed = false
        if try reader.peek() != .endObject {
            while true {
                let key = try reader.memberName()
                let isRecordOrRelease = members.contains { $0.0 == "ocid" || $0.0 == "compiledRelease" }
                if (key == "releases" || key == "records"), !isRecordOrRelease, try reader.peek() == .beginArray {
                    _ = try reader.next()
                    try elements(reader, records: key == "records", visit)
                    streamed = true
                } else {
                    members.append((key, try reader.readValue()))
                }
                if try reader.endOfContainer(.endObject) { break }
            }
        } else {
            _ = try reader.next()
        }
        if streamed { return }
        let value = JSONValue.object(members)
        if let compiled = value["compiledRelease"], compiled.isObject {
            try visit(compiled, line, column)
        } else if value["ocid"] != nil {
            try visit(value, line, column)
        } else {
            throw reader.fail("neither an OCDS package, a record nor a release (no releases, records or ocid)", line: line, column: column)
        }
    }
}
