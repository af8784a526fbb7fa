/// Lets a long render stop part-way when the analyst presses Ctrl-C: the renderers look
/// at it every few hundred rows and stop early; the caller then discards what they made.
public final class RenderCancellation: @unchecked Sendable, Equatable {
    private let check: @Sendable () -> Bool

    public init(_ check: @escaping @Sendable () -> Bool) { self.check = check }

    public var isCancelled: Bool { check() }

    /// Whether to stop before row `index`: checked every 256 rows, so the check costs nothing.
    @inline(__always)
    func stops(at index: Int) -> Bool { index & 255 == 0 && check() }

    public static func == (a: RenderCancellation, b: RenderCancellation) -> Bool { a === b }
}
