import Synchronization

/// The keys of the last N events written, each with the id of the event that first carried it,
/// so a redelivery is answered `200` + `"duplicate":true` without writing it again.
///
/// A ring of keys in insertion order plus a dictionary: lookup, insert and eviction are O(1).
/// Thread-safe; every call takes one short lock.
///
/// ```swift
/// let dedupe = DedupeIndex(capacity: 100_000)          // 0 turns dedupe off
/// if let first = dedupe.lookup(key) { return duplicate(first) }
/// log.append(line) { if case .success = $0 { dedupe.insert(key: key, id: id) } }
/// ```
public final class DedupeIndex: Sendable {
    private struct Storage {
        var ids: [String: String] = [:]
        /// Keys oldest first once full; `next` is where the next key goes (the oldest one).
        var ring: [String] = []
        var next = 0
    }

    /// The most keys remembered; the oldest is forgotten beyond it.
    public let capacity: Int
    private let storage: Mutex<Storage>

    public init(capacity: Int) {
        self.capacity = max(capacity, 0)
        var storage = Storage()
        // Grown as keys arrive, so a large window costs memory only once used.
        storage.ids.reserveCapacity(min(self.capacity, 1024))
        self.storage = Mutex(storage)
    }

    /// The id of the first event seen with `key`, or nil when it is not in the window.
    public func lookup(_ key: String) -> String? {
        guard capacity > 0 else { return nil }
        return storage.withLock { $0.ids[key] }
    }

    /// Remembers `key` as carried by event `id`, forgetting the oldest key when full.
    /// A key already present keeps its first id and its place.
    public func insert(key: String, id: String) {
        guard capacity > 0 else { return }
        storage.withLock { s in
            guard s.ids[key] == nil else { return }
            if s.ring.count < capacity {
                s.ring.append(key)
            } else {
                s.ids[s.ring[s.next]] = nil
                s.ring[s.next] = key
                s.next = (s.next + 1) % capacity
            }
            s.ids[key] = id
        }
    }

    /// How many keys are remembered now.
    public var count: Int {
        storage.withLock { $0.ids.count }
    }
}
