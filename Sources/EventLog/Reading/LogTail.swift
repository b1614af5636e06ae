/// Reads the last lines of a JSON Lines file by scanning backwards from its end, so a large
/// log costs only what is returned. Used at start to rebuild the dedupe window.
///
/// ```swift
/// for line in try LogTail.lastLines(path: "events.jsonl", count: 100_000) {
///     if let (key, id) = keyAndID(line) { dedupe.insert(key: key, id: id) }   // oldest first
/// }
/// ```
public enum LogTail {
    /// The last `count` lines of `path`, oldest first, without their `\n`. A final line with
    /// no `\n` counts as a line (as `tail` does); a missing file has none.
    public static func lastLines(path: String, count: Int, blockSize: Int = 64 << 10) throws(StorageError) -> [[UInt8]] {
        guard count > 0, let file = try ReadableFile.open(path: path) else { return [] }
        defer { file.close() }
        var lines: [[UInt8]] = []   // newest first
        // The part of a line seen so far, as slices of blocks, newest first.
        var partial: [ArraySlice<UInt8>] = []
        var end = file.size
        // The `\n` that ends the file closes the last line; it does not begin another.
        if end > 0, try file.read(at: end - 1, count: 1) == [UInt8(ascii: "\n")] { end -= 1 }

        func emit() {
            var line: [UInt8] = []
            line.reserveCapacity(partial.reduce(0) { $0 + $1.count })
            for piece in partial.reversed() { line.append(contentsOf: piece) }
            lines.append(line)
            partial.removeAll(keepingCapacity: true)
        }

        while end > 0 && lines.count < count {
            let start = max(0, end - max(blockSize, 1))
            let block = try file.read(at: start, count: end - start)
            var lineEnd = block.count
            var index = block.count
            while index > 0 && lines.count < count {
                index -= 1
                guard block[index] == UInt8(ascii: "\n") else { continue }
                partial.append(block[(index + 1)..<lineEnd])
                emit()
                lineEnd = index
            }
            partial.append(block[0..<lineEnd])
            end = start
        }
        // The first line of the file has no `\n` before it.
        if end == 0 && file.size > 0 && lines.count < count { emit() }
        return lines.reversed()
    }
}
