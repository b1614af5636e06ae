import Synchronization

/// Numbers every loop updates: the global connection count `maxConnections` is checked against.
final class ServerCounters: Sendable {
    let openConnections = Atomic<Int>(0)
    /// Times a listener paused after `EMFILE` / `ENFILE` and the like.
    let acceptPauses = Atomic<Int>(0)
    let maxConnections: Int

    init(maxConnections: Int) {
        self.maxConnections = maxConnections
    }

    /// Counts a new connection in, unless that would pass the limit.
    func admit() -> Bool {
        let now = openConnections.wrappingAdd(1, ordering: .relaxed).newValue
        if now > maxConnections {
            openConnections.wrappingSubtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    func release() {
        openConnections.wrappingSubtract(1, ordering: .relaxed)
    }
}
