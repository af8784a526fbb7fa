import Foundation

/// A batch of work one thread fills and another uses, then hands back to be filled again.
public protocol PipelineBatch: AnyObject, SendableMetatype {
    /// Empties the batch for refilling, keeping its storage.
    func reset()
}

/// Work on both of the machine's cores for a connection only one thread may use: a second
/// thread fills batches (reading a file and checking its rows, or reading and adding up rows
/// through a connection of its own) while the calling thread, the one that writes, uses
/// them in order. A national load, or the rollups' rebuild, spends about half its time in
/// SQLite's writing and half in the rest.
///
/// A few batches go round between the two, so memory stays flat whatever the input's size.
/// An error on either side stops both: the filler's is rethrown to the writer, and the
/// writer's (a refused step, Ctrl-C reaching SQLite) stops the filler at its next batch;
/// `run` returns only once the filler has stopped, so what `fill` holds is the caller's
/// alone again.
public final class BatchPipeline<Batch: PipelineBatch>: @unchecked Sendable {
    // Everything below is guarded by `condition`; batches change hands only through it.
    private let condition = NSCondition()
    private var filled: [Batch] = []
    private var spare: [Batch]
    private var readerDone = false
    private var readerError: Error?
    private var stopped = false
    private var readerExited = false

    /// A pipeline passing these batches round (three: one being filled, one being used, one waiting).
    public init(batches: [Batch]) {
        spare = batches
    }

    /// Runs `fill` on a new thread, batch after batch, until it returns false (the end of the
    /// input) or throws, and `write` here on each batch filled, in order.
    /// - Parameters:
    ///   - fill: adds rows to an empty batch until it is full (true) or the input ends (false).
    ///   - write: uses a batch's rows.
    public func run(fill: @escaping (Batch) throws -> Bool, write: (Batch) throws -> Void) throws {
        // The filling thread has `fill` (and what it holds) to itself until it exits.
        let reader = Thread { [self, fill = UncheckedSendable(fill)] in read(fill.value) }
        reader.stackSize = 4 << 20
        reader.start()
        defer { stopReader() }
        while let batch = try nextFilled() {
            try write(batch)
            give(spare: batch)
        }
    }

    private func read(_ fill: (Batch) throws -> Bool) {
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

    private func takeSpare() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while spare.isEmpty && !stopped { condition.wait() }
        return stopped ? nil : spare.removeFirst()
    }

    private func nextFilled() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while filled.isEmpty && !readerDone { condition.wait() }
        if !filled.isEmpty { return filled.removeFirst() }
        if let readerError { throw readerError }
        return nil
    }

    private func give(spare batch: Batch) {
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
