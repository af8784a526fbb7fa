#ifndef SVW_CSQLITE_SHIM_H
#define SVW_CSQLITE_SHIM_H
#include <sqlite3.h>
#if defined(__linux__) && __has_include(<malloc.h>)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#endif

// SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import.
static inline sqlite3_destructor_type svw_sqlite_transient(void) { return SQLITE_TRANSIENT; }
static inline sqlite3_destructor_type svw_sqlite_static(void) { return SQLITE_STATIC; }

/// Hardens a connection against SQL that could damage the database file or run code
/// (sqlite3_db_config is variadic, which Swift cannot call): defensive mode (no
/// writable_schema, no direct writes to shadow tables), schema SQL trusted with
/// innocuous functions only, and no loading of extensions. Returns SQLITE_OK or the
/// first error code.
static inline int svw_sqlite_harden(sqlite3 *db) {
    int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
    if (rc == SQLITE_OK) rc = sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)0);
    if (rc == SQLITE_OK) rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)0);
    if (rc == SQLITE_OK) rc = sqlite3_enable_load_extension(db, 0);
    return rc;
}

/// Turns off SQLite's memory statistics, which take a global mutex on every allocation
/// (about a seventh of SQLite's work per row of a bulk insert); svw never reads them.
/// sqlite3_config is variadic, and only takes effect before the first connection opens
/// (later it returns SQLITE_MISUSE and changes nothing).
static inline int svw_sqlite_skip_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

/// Keeps the C heap from holding on to memory svw has freed. glibc, after freeing a large
/// block, serves blocks up to that size from the heap instead of mapping them, and keeps
/// twice that size free at the top of the heap; a load that reads on one thread while
/// SQLite writes on another then held ~10 MB more than it used (2.8M commitments: 69 MB
/// peak instead of 59). Fixed thresholds — glibc's own starting 128 KB for mapping, 8 MB of
/// free memory kept — return the rest to the system, at no measured cost in time. Called
/// before the first connection; the Swift runtime may already have moved them. (mallopt is
/// glibc's alone: elsewhere this does nothing.)
static inline void svw_bound_free_heap(void) {
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
    mallopt(M_MMAP_THRESHOLD, 128 << 10);
    mallopt(M_TRIM_THRESHOLD, 8 << 20);
#endif
}

/// Asks the kernel to start writing a file's dirty pages to disk now, without waiting for
/// them: Linux's sync_file_range with SYNC_FILE_RANGE_WRITE, through syscall (glibc declares
/// sync_file_range only for _GNU_SOURCE, which Swift's Glibc module is built without, and
/// syscall is variadic). Returns 0, or -1 (errno set, or no such call on this system).
static inline int svw_start_writeback(int fd) {
#if defined(__linux__) && defined(SYS_sync_file_range)
    return (int)syscall(SYS_sync_file_range, fd, (long long)0, (long long)0, 2u /* SYNC_FILE_RANGE_WRITE */);
#else
    (void)fd;
    return -1;
#endif
}

/// Reads one boolean sqlite3_db_config setting (for tests that check the hardening).
static inline int svw_sqlite_db_config_flag(sqlite3 *db, int option) {
    int value = -1;
    sqlite3_db_config(db, option, -1, &value);
    return value;
}

#endif
