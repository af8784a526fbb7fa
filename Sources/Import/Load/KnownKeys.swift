import Foundation
import SVWDatabase
import SVWWorkspace

/// The ids a table holds, as an exact set of byte strings: a load checks each row's
/// supplier or contract against it instead of SQLite looking the parent up per row (see
/// `Database.withoutForeignKeyEnforcement`). Exact, not hashed: an unknown id is never taken
/// for a known one. The ids sit end to end in one byte array, so 1M contract ids cost about
/// 19 MB rather than a Swift String each.
struct KnownKeys {
    /// Each id as its length (LEB128: one byte below 128) and its bytes.
    private var arena: [UInt8] = []
    /// Open addressing: 0 is empty, else 1 + the id's offset in `arena`.
    private var slots: [UInt32]
    private(set) var count = 0

    init() {
        slots = Array(repeating: 0, count: KnownKeys.capacity(for: 0))
    }

    /// Every value of a table's unique text column (`table` and `column` are svw's own names,
    /// not user text), read in one pass; nil as soon as they would take more than `budget`
    /// bytes, for SQLite to check each row's parent instead. A big table on a file is read in
    /// two halves at once, the second by a read-only connection of its own on another thread:
    /// the table is read row by row (its key index may be pending), 1M contracts in ~0.12 s on
    /// one connection, while the load waits.
    /// - Parameter splitRows: the rows from which a table is read in two halves (tests lower it).
    init?(db: Database, table: String, column: String, budget: Int = .max, splitRows: Int = KnownKeys.splitRows) throws {
        // The largest rowid bounds the rows without reading them: counting reads every page.
        // Rowids an analyst chose (negative, or far apart) are counted after all.
        var last = Int(try db.scalar("SELECT max(rowid) FROM \(table)").int64 ?? 0)
        if last < 0 || last > Int(UInt32.max) { last = Int(try db.scalar("SELECT count(*) FROM \(table)").int64 ?? 0) }
        // Each id takes its slots and at least a length byte and a byte.
        guard KnownKeys.slotBytes(for: last) + 2 * last <= budget else { return nil }
        let idsBudget = budget - KnownKeys.slotBytes(for: last)
        self.init()
        let split = last >= splitRows && !db.isInMemory ? Int64(last / 2) : Int64.max
        // Each half may take half of the budget: halves of unequal bytes fall back to SQLite's
        // checks a little short of the whole budget, but the two never hold more than it.
        let other = split == Int64.max ? nil : IdsOnAnotherThread(path: db.path, table: table, column: column,
                                                                   after: split, budget: idsBudget / 2)
        // Room for both halves: the second is appended to the first without a copy of both.
        arena.reserveCapacity(last * 12)
        // The ids go end to end first and find their slots after, in a loop of nothing else:
        // there the processor has several slots' cache misses under way at once, where between
        // two of SQLite's steps it had one (1M contract ids: 0.14 s of placing before).
        guard var added = try KnownKeys.read(db, table: table, column: column, rowids: Int64.min...split,
                                             budget: other == nil ? idsBudget : idsBudget / 2, into: &arena) else {
            // The other connection lets go of the file before the load goes on.
            _ = other?.result()
            return nil
        }
        if let other {
            // The other half, or this connection reads it itself when that one could not.
            guard let (ids, count) = try other.result() ?? KnownKeys.readAlone(db, table, column, after: split, budget: idsBudget / 2)
            else { return nil }
            arena.append(contentsOf: ids)
            added += count
        }
        guard arena.count + KnownKeys.slotBytes(for: added) <= budget else { return nil }
        count = added
        slots = Array(repeating: 0, count: KnownKeys.capacity(for: added))
        placeAll()
    }

    /// The second connection's page cache, small: glibc keeps what a thread frees in that
    /// thread's heap (up to 8 MB: `svw_bound_free_heap`), where it still counts in the load's memory.
    static let otherThreadCacheKiB = 256

    /// Tables of fewer rows are read on one connection: a second costs more to open than it saves.
    static let splitRows = 200_000

    /// Appends the ids of the rows in `rowids` to `arena`, as `append` writes them; how many,
    /// or nil once `arena` holds more than `budget` bytes.
    private static func read(_ db: Database, table: String, column: String, rowids: ClosedRange<Int64>, budget: Int,
                             into arena: inout [UInt8]) throws -> Int? {
        let statement = try db.prepare("SELECT \(column) FROM \(table) WHERE rowid BETWEEN ?1 AND ?2")
        try statement.bind(.integer(rowids.lowerBound), at: 1)
        try statement.bind(.integer(rowids.upperBound), at: 2)
        var added = 0
        while try statement.step() {
            statement.withText(0) { _ = append($0, to: &arena) }
            added += 1
            if added & 0xFFF == 0, arena.count > budget { return nil }
        }
        return arena.count > budget ? nil : added
    }

    private static func readAlone(_ db: Database, _ table: String, _ column: String, after split: Int64,
                                  budget: Int) throws -> ([UInt8], Int)? {
        var ids: [UInt8] = []
        guard let count = try read(db, table: table, column: column, rowids: (split + 1)...Int64.max, budget: budget, into: &ids)
        else { return nil }
        return (ids, count)
    }

    /// The second half of a table's ids, read on a thread and a read-only connection of its own.
    private final class IdsOnAnotherThread: @unchecked Sendable {
        private let done = NSCondition()
        private var finished = false
        // Written by the thread before `finished`, read after it: the condition orders them.
        private var outcome: Result<([UInt8], Int)?, Error> = .success(nil)

        init(path: String, table: String, column: String, after split: Int64, budget: Int) {
            let thread = Thread { [self] in
                let result = Result { () throws -> ([UInt8], Int)? in
                    let db = try Database(path: path, readOnly: true)
                    db.setBusyTimeout(milliseconds: Workspace.busyTimeoutMilliseconds)
                    // A scan reads each page once; what this thread frees stays in its own heap.
                    try db.execute("PRAGMA cache_size = -\(KnownKeys.otherThreadCacheKiB)")
                    return try KnownKeys.readAlone(db, table, column, after: split, budget: budget)
                }
                done.lock()
                outcome = result
                finished = true
                done.signal()
                done.unlock()
            }
            thread.start()
        }

        /// The ids and their count; nil inside when over the budget. Nil when that connection
        /// failed (it could not be opened, say): the caller reads the half itself, and reports
        /// what fails there.
        func result() -> ([UInt8], Int)?? {
            done.lock()
            while !finished { done.wait() }
            done.unlock()
            guard case .success(let ids) = outcome else { return nil }
            return .some(ids)
        }
    }

    /// Slots for `count` ids: a power of two, at most half of them full.
    private static func capacity(for count: Int) -> Int {
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        return capacity
    }

    private static func slotBytes(for count: Int) -> Int { capacity(for: count) * MemoryLayout<UInt32>.stride }

    /// The most a load spends on a parent table's ids: beyond it (about 1M contracts of
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

    private mutating func add(_ key: UnsafeRawBufferPointer, at slot: Int) {
        slots[slot] = UInt32(append(key) + 1)
        count += 1
        if count * 2 > slots.count { grow() }
    }

    /// Writes `key` at the end of `arena`; where it starts.
    private mutating func append(_ key: UnsafeRawBufferPointer) -> Int { KnownKeys.append(key, to: &arena) }

    private static func append(_ key: UnsafeRawBufferPointer, to arena: inout [UInt8]) -> Int {
        precondition(arena.count + key.count + 5 < Int(UInt32.max), "more ids than a load can hold")
        let start = arena.count
        var length = key.count
        while length >= 0x80 {
            arena.append(UInt8(truncatingIfNeeded: length) | 0x80)
            length >>= 7
        }
        arena.append(UInt8(length))
        arena.append(contentsOf: key)
        return start
    }

    /// Gives every id in `arena` its slot: ids known to be distinct (a unique column's), so
    /// only the empty slot is sought, without comparing the keys met on the way.
    private mutating func placeAll() {
        let mask = slots.count - 1
        arena.withUnsafeBytes { bytes in
            slots.withUnsafeMutableBufferPointer { slots in
                var offset = 0
                while offset < bytes.count {
                    let key = KnownKeys.key(at: offset, in: bytes)
                    var slot = Int(truncatingIfNeeded: LoadRun.hash(key)) & mask
                    while slots[slot] != 0 { slot = (slot + 1) & mask }
                    slots[slot] = UInt32(offset + 1)
                    offset = key.baseAddress! - bytes.baseAddress! + key.count
                }
            }
        }
    }

    /// Whether each of `keys` is in the set, for a batch of rows' parents. The look-ups go in
    /// two passes, first slots then ids, so that each pass's cache misses overlap rather than
    /// one row's two misses waiting on each other between a row's other work (1M contracts'
    /// suppliers: a quarter of the reading thread's time, looked up a row at a time).
    func containsEach(_ keys: [UnsafeRawBufferPointer]) -> [Bool] {
        let mask = slots.count - 1
        var hashes = [UInt64](repeating: 0, count: keys.count)
        var entries = [UInt32](repeating: 0, count: keys.count)
        slots.withUnsafeBufferPointer { slots in
            for (i, key) in keys.enumerated() {
                hashes[i] = LoadRun.hash(key)
                entries[i] = slots[Int(truncatingIfNeeded: hashes[i]) & mask]
            }
        }
        return arena.withUnsafeBytes { bytes in
            keys.indices.map { i in
                let entry = entries[i]
                if entry == 0 { return false }
                if KnownKeys.same(KnownKeys.key(at: Int(entry - 1), in: bytes), keys[i]) { return true }
                return find(keys[i], hash: hashes[i]).found
            }
        }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func find(_ key: UnsafeRawBufferPointer, hash: UInt64) -> (slot: Int, found: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return arena.withUnsafeBytes { bytes in
            while true {
                let entry = slots[slot]
                if entry == 0 { return (slot, false) }
                if KnownKeys.same(KnownKeys.key(at: Int(entry - 1), in: bytes), key) { return (slot, true) }
                slot = (slot + 1) & mask
            }
        }
    }

    private static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
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
