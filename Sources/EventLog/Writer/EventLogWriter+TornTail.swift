import Glibc
import System

extension EventLogWriter {
    /// Cuts a trailing partial line (a crash during a write; never acknowledged) from the log
    /// at `path` and returns its bytes for the rejects log. Returns nil, touching nothing, when
    /// the file is missing, empty or ends with `\n`. Reads only the tail, backwards in blocks.
    ///
    /// ```swift
    /// if let torn = try EventLogWriter.cutTornTail(path: "events.jsonl") {
    ///     rejects.append(rejectLine(for: torn)) { _ in }
    /// }
    /// let log = try EventLogWriter(path: "events.jsonl", fsync: .always)
    /// ```
    public static func cutTornTail(path: String, blockSize: Int = 64 << 10) throws(StorageError) -> [UInt8]? {
        guard let file = try ReadableFile.open(path: path, writable: true) else { return nil }
        defer { file.close() }
        guard file.size > 0, try file.read(at: file.size - 1, count: 1) != [UInt8(ascii: "\n")] else {
            return nil
        }
        // Blocks from the end, newest first, until one holds a newline.
        var blocks: [ArraySlice<UInt8>] = []
        var end = file.size
        var cut = 0
        while end > 0 {
            let start = max(0, end - max(blockSize, 1))
            let block = try file.read(at: start, count: end - start)
            if let newline = block.lastIndex(of: UInt8(ascii: "\n")) {
                blocks.append(block[(newline + 1)...])
                cut = start + newline + 1
                break
            }
            blocks.append(block[...])
            end = start
        }
        var torn: [UInt8] = []
        torn.reserveCapacity(file.size - cut)
        for block in blocks.reversed() { torn.append(contentsOf: block) }

        do throws(SystemCallError) {
            try Syscall.blocking("ftruncate") { ftruncate(file.fd, off_t(cut)) }
            try Syscall.blocking("fsync") { fsync(file.fd) }
        } catch {
            throw StorageError(error)
        }
        return torn
    }
}
