import System

/// The keys of the last N events written, each with the id of the event that first carried it,
/// so a redelivery is answered `200` + `"duplicate":true` without writing it again.
///
/// A key is claimed when its delivery is accepted, before the line is written, so copies that
/// race the first (a sender that double-fires, or retries while `fdatasync` is slow) are not
/// written too: they wait for the first copy's outcome and share it. A failed write releases
/// the claim, so a later retry can succeed (`Sources/callhook/Documentation.docc` "Keys").
///
/// ```swift
/// switch dedupe.claim(key, id: id, whenSettled: { outcome in answer(outcome) }) {
/// case .claimed: log.append(line) { result in dedupe.settle(key, result.map { id }) }
/// case .written(let firstID): duplicate(firstID)
/// case .waiting: break                 // `whenSettled` answers once the first copy is settled
/// }
/// ```
///
/// A ring of written keys in insertion order plus a dictionary: lookup, claim, settle and
/// eviction are O(1). Thread-safe; every call takes one short lock, and no callback runs under it.
public final class DedupeIndex: Sendable {
    /// What `claim` found.
    public enum Claim: Equatable, Sendable {
        /// The key is new: the caller writes the line, then calls `settle`.
        case claimed
        /// The key was written by the event with this id.
        case written(firstID: String)
        /// Another copy holds the claim; `whenSettled` will be called with its outcome.
        case waiting
    }

    /// How the copy holding a claim ended, as passed to the copies that waited for it.
    public enum Outcome: Sendable {
        /// Its line was written: the waiter is a duplicate of `firstID`.
        case written(firstID: String)
        /// Its write failed; the claim is released.
        case failed(StorageError)
    }

    public typealias Waiter = @Sendable (Outcome) -> Void

    fileprivate enum Entry {
        case written(id: String)
        case inFlight(waiters: [Waiter])
    }

    fileprivate struct Storage {
        var entries: [String: Entry] = [:]
        /// Written keys oldest first once full; `next` is where the next key goes (the oldest one).
        var ring: [String] = []
        var next = 0
    }

    /// The most written keys remembered; the oldest is forgotten beyond it. 0 turns dedupe off.
    public let capacity: Int
    private let storage: Locked<Storage>

    public init(capacity: Int) {
        self.capacity = max(capacity, 0)
        var storage = Storage()
        // Grown as keys arrive, so a large window costs memory only once used.
        storage.entries.reserveCapacity(min(self.capacity, 1024))
        self.storage = Locked(storage)
    }

    /// The id of the first event written with `key`, or nil when it is not in the window
    /// (or is still being written).
    public func lookup(_ key: String) -> String? {
        guard capacity > 0 else { return nil }
        return storage.withLock { s in
            if case .written(let id)? = s.entries[key] { return id }
            return nil
        }
    }

    /// Claims `key` for a delivery about to be written. With dedupe off every delivery is
    /// `.claimed`, and `settle` does nothing.
    public func claim(_ key: String, whenSettled waiter: @escaping Waiter) -> Claim {
        guard capacity > 0 else { return .claimed }
        return storage.withLock { s in
            switch s.entries[key] {
            case .written(let id)?:
                return .written(firstID: id)
            case .inFlight(var waiters)?:
                waiters.append(waiter)
                s.entries[key] = .inFlight(waiters: waiters)
                return .waiting
            case nil:
                s.entries[key] = .inFlight(waiters: [])
                return .claimed
            }
        }
    }

    /// Ends the claim on `key`: `.success(id)` remembers it as written by `id`; `.failure`
    /// releases it. Every copy that waited is then told, on the caller's thread.
    public func settle(_ key: String, _ result: Result<String, StorageError>) {
        guard capacity > 0 else { return }
        let waiters: [Waiter] = storage.withLock { s in
            guard case .inFlight(let waiters)? = s.entries[key] else { return [] }
            switch result {
            case .success(let id): s.remember(key, id: id, capacity: capacity)
            case .failure: s.entries[key] = nil
            }
            return waiters
        }
        let outcome: Outcome = switch result {
        case .success(let id): .written(firstID: id)
        case .failure(let error): .failed(error)
        }
        for waiter in waiters { waiter(outcome) }
    }

    /// Remembers `key` as written by event `id` (the log's tail at start), forgetting the
    /// oldest key when full. A key already present keeps its first id and its place.
    public func insert(key: String, id: String) {
        guard capacity > 0 else { return }
        storage.withLock { s in
            guard s.entries[key] == nil else { return }
            s.remember(key, id: id, capacity: capacity)
        }
    }

    /// How many written keys are remembered now.
    public var count: Int {
        storage.withLock { $0.ring.count }
    }
}

extension DedupeIndex.Storage {
    /// Marks `key` written and puts it in the ring, evicting the oldest written key when full.
    mutating func remember(_ key: String, id: String, capacity: Int) {
        if ring.count < capacity {
            ring.append(key)
        } else {
            let oldest = ring[next]
            // The oldest may have been claimed again while it was forgotten; only a written
            // entry is the ring's to drop.
            if case .written? = entries[oldest] { entries[oldest] = nil }
            ring[next] = key
            next = (next + 1) % capacity
        }
        entries[key] = .written(id: id)
    }
}
