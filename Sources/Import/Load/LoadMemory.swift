import SVWDatabase

/// Keeps a load's memory flat whatever the file's size. The workspace's settings suit
/// analyses (a 64 MB page cache, the file mapped up to 2 GB, its pages counted in the
/// process's memory as they are touched); a load writes pages once, in key order for
/// the usual file, and gains nothing from either, so it runs with a small cache and no
/// mapping, and the analysts' settings come back after.
enum LoadMemory {
    static let cacheKiB = 4096

    static func bounded<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        guard !db.isInMemory else { return try body() }
        return try db.with(pragma: "cache_size", -Int64(cacheKiB)) { try db.with(pragma: "mmap_size", 0, body) }
    }
}
