/// The last lines written, with their ids, in a fixed-size ring: where a stream that resumes
/// from a recent id finds what it missed without reading the file. Bounded by count and bytes.
///
/// ```swift
/// var recent = RecentLines(capacity: 4096, maxBytes: 8 << 20)
/// recent.append(id: "0190...", line: bytes)
/// if let missed = recent.after(id: lastSeen) { send(missed) }   // nil: not held, read the file
/// ```
public struct RecentLines: Sendable {
    public struct Entry: Sendable, Equatable {
        public let id: String
        public let line: [UInt8]
    }

    public let capacity: Int
    public let maxBytes: Int
    private var ring: [Entry?]
    private var head = 0     // index of the oldest
    public private(set) var count = 0
    public private(set) var bytes = 0

    public init(capacity: Int = 4096, maxBytes: Int = 8 << 20) {
        self.capacity = max(1, capacity)
        self.maxBytes = maxBytes
        ring = Array(repeating: nil, count: self.capacity)
    }

    public mutating func append(id: String, line: [UInt8]) {
        if count == capacity { dropOldest() }
        while count > 0 && bytes + line.count > maxBytes { dropOldest() }
        ring[(head + count) % capacity] = Entry(id: id, line: line)
        count += 1
        bytes += line.count
    }

    /// Oldest first.
    public var entries: [Entry] { (0..<count).compactMap { ring[(head + $0) % capacity] } }

    /// The entries after `id`, oldest first; nil when `id` is not held (gone from the ring or
    /// never seen), so the caller reads the file instead.
    public func after(id: String) -> [Entry]? {
        let all = entries
        guard let at = all.lastIndex(where: { $0.id == id }) else { return nil }
        return Array(all[(at + 1)...])
    }

    private mutating func dropOldest() {
        guard count > 0 else { return }
        bytes -= ring[head]?.line.count ?? 0
        ring[head] = nil
        head = (head + 1) % capacity
        count -= 1
    }
}
