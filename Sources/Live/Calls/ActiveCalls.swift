import CallEvents

/// The calls that have started and not ended, keyed by vendor and call id, kept from events as
/// they are written (Documentation.docc/Live.md, `/calls/active`). A call leaves on its terminal
/// event or after `ttlSeconds` without one; either way it is handed to `finished` for the numbers.
/// Calls that ended recently are remembered (a bounded window) so a late or repeated event does not
/// bring a ghost back.
///
/// ```swift
/// var active = ActiveCalls(ttlSeconds: 14_400) { ended in tally.count(ended) }
/// active.add(event)
/// active.expire(nowMilliseconds: now)
/// ```
public struct ActiveCalls: Sendable {
    public let ttlSeconds: Int
    private var calls: [CallKey: CallInProgress] = [:]
    private var ended: Set<CallKey> = []
    private var endedOrder: [CallKey] = []
    private var endedHead = 0
    private let endedWindow: Int

    /// Vendor and call id as they are: no `vendor:id` string put together per event.
    private struct CallKey: Hashable, Sendable {
        var vendor: String
        var callID: String
    }

    public init(ttlSeconds: Int = 14_400, endedWindow: Int = 65_536) {
        self.ttlSeconds = ttlSeconds
        self.endedWindow = max(1, endedWindow)
    }

    public var count: Int { calls.count }
    public var all: [CallInProgress] { Array(calls.values) }

    /// Adds an event; returns the call when this event ended it.
    @discardableResult
    public mutating func add(_ event: LiveEvent) -> CallInProgress? {
        guard let vendor = event.vendor, let callID = event.callID else { return nil }
        let id = CallKey(vendor: vendor, callID: callID)
        if ended.contains(id) { return nil }
        var call = calls[id] ?? CallInProgress(vendor: vendor, callID: callID)
        call.add(event)
        guard call.ended else { calls[id] = call; return nil }
        calls[id] = nil
        remember(id)
        return call
    }

    /// Removes and returns the calls with no event for `ttlSeconds` before `now`.
    public mutating func expire(nowMilliseconds now: Int64) -> [CallInProgress] {
        let cutoff = now - Int64(ttlSeconds) * 1000
        let stale = calls.filter { $0.value.lastReceived < cutoff }
        for (id, _) in stale { calls[id] = nil; remember(id) }
        return Array(stale.values)
    }

    /// Newest first (by start, then last event), then by id so the order is fixed.
    public var newestFirst: [CallInProgress] {
        calls.values.sorted { a, b in
            let x = a.startedAt ?? "", y = b.startedAt ?? ""
            if x != y { return x > y }
            return (a.vendor, a.callID) < (b.vendor, b.callID)
        }
    }

    private mutating func remember(_ id: CallKey) {
        guard ended.insert(id).inserted else { return }
        if endedOrder.count < endedWindow {
            endedOrder.append(id)
        } else {
            ended.remove(endedOrder[endedHead])
            endedOrder[endedHead] = id
            endedHead = (endedHead + 1) % endedWindow
        }
    }
}
