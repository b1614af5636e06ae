/// The deadlines of a loop's connections, earliest first (a binary min-heap).
///
/// Entries are never removed early: a connection remembers the one entry it counts on, and an
/// entry that no longer matches when it comes due is skipped. A connection pushes a new entry
/// only when its deadline moves earlier, so a busy keep-alive connection costs no heap work at
/// all, and checking the timers costs one comparison when nothing is due.
///
/// ```swift
/// var queue = DeadlineQueue()
/// queue.push(.init(deadline: now + 10_000, fd: 7, generation: 3))
/// while let due = queue.popDue(now: now) { check(due) }
/// ```
struct DeadlineQueue {
    struct Entry: Equatable {
        /// Milliseconds on the monotonic clock.
        var deadline: Int
        var fd: Int32
        var generation: UInt32
    }

    private var heap: [Entry] = []

    var count: Int { heap.count }
    var earliest: Int? { heap.first?.deadline }

    mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].deadline < heap[parent].deadline else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest entry if it is due at `now`.
    mutating func popDue(now: Int) -> Entry? {
        guard let first = heap.first, first.deadline <= now else { return nil }
        let last = heap.removeLast()
        if heap.isEmpty { return first }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].deadline < heap[smallest].deadline { smallest = left }
            if right < heap.count && heap[right].deadline < heap[smallest].deadline { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
