import Foundation

/// A load on both of the machine's cores: one thread reads the file and checks and coerces
/// each row into `RowBatch`es, while the calling thread inserts the batches in file order
/// (SQLite's part of a national load is half its time, reading and checking the other half).
///
/// Only the calling thread touches the database: the reading side hands refused rows over
/// (`LoadRun.handOff`) instead of writing them. A few batches go round between the two, so
/// memory stays flat whatever the file's size. An error on either side stops both: the
/// reader's is rethrown to the writer, and the writer's (a refused step, Ctrl-C reaching
/// SQLite) stops the reader at its next batch; `run` returns only once the reader has
/// stopped, so the `LoadRun` is the caller's alone again.
final class RowPipeline: @unchecked Sendable {
    // Everything below is guarded by `condition`; batches change hands only through it.
    private let condition = NSCondition()
    private var filled: [RowBatch] = []
    private var spare: [RowBatch]
    private var readerDone = false
    private var readerError: Error?
    private var stopped = false
    private var readerExited = false

    /// Batches of `capacity` rows for an INSERT of `width` parameters.
    init(width: Int, capacity: Int = 2048, batches: Int = 3) {
        spare = (0..<batches).map { _ in RowBatch(width: width, capacity: capacity) }
    }

    /// Runs `fill` on a new thread, batch after batch, until it returns false (the end of the
    /// file) or throws, and `write` here on each batch filled, in order.
    /// - Parameters:
    ///   - fill: adds rows to an empty batch until it is full (true) or the file ends (false).
    ///   - write: inserts a batch's rows.
    func run(fill: @escaping (RowBatch) throws -> Bool, write: (RowBatch) throws -> Void) throws {
        // The reading thread has `fill` (and the LoadRun it holds) to itself until it exits.
        let reader = Thread { [self, fill = UncheckedSendable(fill)] in read(fill.value) }
        reader.stackSize = 4 << 20
        reader.start()
        defer { stopReader() }
        while let batch = try nextFilled() {
            try write(batch)
            give(spare: batch)

        }
    }

    private func read(_ fill: (RowBatch) throws -> Bool) {
        defer {
            condition.withLock { readerExited = true }
            condition.broadcast()
        }
        while let batch = takeSpare() {
            batch.reset()
            let more: Bool
            do { more = try fill(batch) } catch {
                condition.withLock { readerError = error; readerDone = true }
                condition.broadcast()
                return
            }
            condition.withLock {
                filled.append(batch)
                if !more { readerDone = true }
            }
            condition.broadcast()
            if !more { return }
        }
    }

    private func takeSpare() -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while spare.isEmpty && !stopped { condition.wait() }
        return stopped ? nil : spare.removeFirst()
    }

    private func nextFilled() throws -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while filled.isEmpty && !readerDone { condition.wait() }
        if !filled.isEmpty { return filled.removeFirst() }
        if let readerError { throw readerError }
        return nil
    }

    private func give(spare batch: RowBatch) {
        condition.withLock { spare.append(batch) }
        condition.broadcast()
    }

    /// Stops the reader (at its next batch, if it is still reading) and waits for it to exit.
    private func stopReader() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !readerExited { condition.wait() }
        condition.unlock()
    }
}

/// A value handed to another thread that, by the pipeline's discipline, only that thread uses.
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
