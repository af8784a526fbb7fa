import SVWDatabase

/// The ids a table holds, as an exact set of byte strings: a load checks each row's
/// supplier or contract against it instead of SQLite looking the parent up per row (see
/// `Database.withoutForeignKeyEnforcement`). Exact, not hashed: an unknown id is never taken
/// for a known one. The ids sit end to end in one byte array sized once, so 1M contract ids
/// cost about 17 MB rather than a Swift String each.
struct KnownKeys {
    /// Each id as its length (LEB128: one byte below 128) and its bytes.
    private var arena: [UInt8] = []
    /// Open addressing: 0 is empty, else 1 + the id's offset in `arena`.
    private var slots: [UInt32]
    private(set) var count = 0

    init(expected: Int = 0, bytes: Int = 0) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        arena.reserveCapacity(bytes)
    }

    /// Every value of a table's unique text column (`table` and `column` are svw's own names,
    /// not user text), sized by `size` when the caller has already measured it.
    init(db: Database, table: String, column: String, size: Size? = nil) throws {
        let size = try size ?? Size(db: db, table: table, column: column)
        self.init(expected: size.count, bytes: size.bytes)
        let statement = try db.prepare("SELECT \(column) FROM \(table)")
        while try statement.step() {
            statement.withText(0) { add(unique: $0) }
        }
    }

    /// How many ids a table's column holds, and what a set of them takes.
    struct Size {
        let count: Int
        /// Their bytes, each with its length byte.
        let bytes: Int

        init(db: Database, table: String, column: String) throws {
            let row = try db.query("SELECT count(*), coalesce(sum(length(CAST(\(column) AS BLOB)) + 1), 0) FROM \(table)").rows.first
            count = Int(row?[0].int64 ?? 0)
            bytes = Int(row?[1].int64 ?? 0)
        }

        /// The memory the set takes: the ids' bytes and the slots that find them.
        var memory: Int {
            var capacity = 16
            while capacity < count * 2 { capacity <<= 1 }
            return bytes + capacity * MemoryLayout<UInt32>.stride
        }
    }

    /// The most a load spends on a parent table's ids: beyond it (about 1.2M contracts of
    /// ten-character ids), SQLite checks each row's parent itself, slower but in no more memory,
    /// so that a load stays within 64 MB whatever the size of the tables it checks against.
    static let memoryBudget = 24 << 20

    func contains(_ key: UnsafeRawBufferPointer) -> Bool {
        find(key, hash: LoadRun.hash(key)).found
    }

    func contains(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { contains(UnsafeRawBufferPointer($0)) }
    }

    mutating func insert(_ key: UnsafeRawBufferPointer) {
        let (slot, found) = find(key, hash: LoadRun.hash(key))
        if !found { add(key, at: slot) }
    }

    /// Adds a key known not to be in the set (a unique column's): only the empty slot is
    /// sought, without comparing the keys met on the way, each a read far off in `arena`
    /// (building the set of 1M contract ids: 0.18 s of comparisons before).
    private mutating func add(unique key: UnsafeRawBufferPointer) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: LoadRun.hash(key)) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        add(key, at: slot)
    }

    private mutating func add(_ key: UnsafeRawBufferPointer, at slot: Int) {
        precondition(arena.count + key.count + 5 < Int(UInt32.max), "more ids than a load can hold")
        slots[slot] = UInt32(arena.count + 1)
        var length = key.count
        while length >= 0x80 {
            arena.append(UInt8(truncatingIfNeeded: length) | 0x80)
            length >>= 7
        }
        arena.append(UInt8(length))
        arena.append(contentsOf: key)
        count += 1
        if count * 2 > slots.count { grow() }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func find(_ key: UnsafeRawBufferPointer, hash: UInt64) -> (slot: Int, found: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return arena.withUnsafeBytes { bytes in
            while true {
                let entry = slots[slot]
                if entry == 0 { return (slot, false) }
                if KnownKeys.key(at: Int(entry - 1), in: bytes).elementsEqual(key) { return (slot, true) }
                slot = (slot + 1) & mask
            }
        }
    }

    private static func key(at offset: Int, in bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = offset, length = 0, shift = 0
        while true {
            let byte = bytes[start]
            start += 1
            length |= Int(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)])
    }

    private mutating func grow() {
        var bigger = Array(repeating: UInt32(0), count: slots.count * 2)
        let mask = bigger.count - 1
        arena.withUnsafeBytes { bytes in
            for entry in slots where entry != 0 {
                var slot = Int(truncatingIfNeeded: LoadRun.hash(KnownKeys.key(at: Int(entry - 1), in: bytes))) & mask
                while bigger[slot] != 0 { slot = (slot + 1) & mask }
                bigger[slot] = entry
            }
        }
        slots = bigger
    }
}
