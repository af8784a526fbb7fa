/// The upkeep of the workspace's derived data — the rollups, the search index — done when
/// an analysis or a search first needs it after the data changed. On a big workspace that
/// takes a while (1M contracts: ~13 s for the rollups after loads, ~3 s for the search index),
/// so whoever can show it may be told what is happening, without this layer knowing how.
public enum Upkeep {
    /// Told each step of upkeep as it starts, and nil once the upkeep is over (done or
    /// failed). Bound around a command by whoever shows it (the dispatcher: a progress line on
    /// a terminal); unbound, nobody is told and nothing is counted for it. Task-local, so
    /// tests running side by side each hear only their own.
    @TaskLocal public static var listener: Listener?

    /// What `listener` holds. A class, not the closure itself: a task-local optional closure
    /// crashes the release build in `swift_task_localValuePush` (Swift 6.3.1 on Linux, -O
    /// only; a five-line program shows it), where a class reference does not.
    public final class Listener: Sendable {
        let hear: @Sendable (Step?) -> Void

        public init(_ hear: @escaping @Sendable (Step?) -> Void) { self.hear = hear }
    }

    /// One step: what is being brought up to date and, where known, how far along it is.
    public struct Step: Sendable, Equatable {
        /// What a person reads: "rollups: contracts".
        public let what: String
        /// 0…1, where the step can say.
        public let fraction: Double?

        public init(_ what: String, fraction: Double? = nil) {
            self.what = what
            self.fraction = fraction
        }
    }

    /// Runs `body`, a piece of upkeep, telling the listener it is over however it ends.
    static func reporting<T>(_ first: Step, _ body: () throws -> T) rethrows -> T {
        guard let listener else { return try body() }
        listener.hear(first)
        defer { listener.hear(nil) }
        return try body()
    }

    /// Tells the listener of a step, if anyone listens.
    static func step(_ what: String, fraction: Double? = nil) {
        listener?.hear(Step(what, fraction: fraction))
    }

    /// Whether anyone listens: a step that costs something to measure (counting rows for a
    /// fraction) is measured only then.
    static var isReported: Bool { listener != nil }
}
