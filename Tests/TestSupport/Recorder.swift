import Foundation

/// What a callback was told, in order, from whatever thread told it (a listener handed to
/// code under test, say).
public final class Recorder<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Element] = []

    public init() {}

    public func append(_ element: Element) { lock.withLock { recorded.append(element) } }

    /// Everything appended so far.
    public var values: [Element] { lock.withLock { recorded } }
}
