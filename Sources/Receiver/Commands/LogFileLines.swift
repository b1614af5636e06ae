import EventLog
import Glibc
import System

/// The lines of a log file read start to end, plain or gzip-compressed (told by its first two
/// bytes, so a rotated `events.jsonl.1.gz` and a renamed one read alike): `callhook stats`.
/// One read buffer and, for gzip, the inflater's window: memory stays flat in the file's size.
///
/// ```swift
/// try LogFileLines.forEach(path: "events.jsonl.2.gz") { line in count(line) }
/// ```
enum LogFileLines {
    enum Failure: Error {
        case cannotOpen(errno: Int32)
        case damaged(InflateError)
    }

    /// Calls `body` with each line (without `\n`); a last line with no `\n` counts.
    static func forEach(path: String, _ body: (ArraySlice<UInt8>) -> Void) throws {
        let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure.cannotOpen(errno: errno) }
        defer { if fd > 0 { close(fd) } }
        var splitter = LineSplitter()
        var first = [UInt8](repeating: 0, count: 64 << 10)
        let n = readSome(fd, &first)
        if n >= 2 && GzipReader.isGzip(first[0..<2]) {
            do {
                try GzipReader.forEachPiece(fd: fd, prefix: Array(first[0..<n])) { splitter.feed($0, body) }
            } catch let error as InflateError {
                throw Failure.damaged(error)
            }
        } else {
            var count = n
            while count > 0 {
                splitter.feed(first[0..<count], body)
                count = readSome(fd, &first)
            }
        }
        splitter.finish(body)
    }

    private static func readSome(_ fd: Int32, _ buffer: inout [UInt8]) -> Int {
        let n = try? Syscall.blocking("read") { buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) } }
        return max(n ?? 0, 0)
    }
}

/// Cuts a byte stream into lines at `\n`, holding only the unfinished one between pieces.
struct LineSplitter {
    private var pending: [UInt8] = []

    mutating func feed(_ piece: ArraySlice<UInt8>, _ body: (ArraySlice<UInt8>) -> Void) {
        var start = piece.startIndex
        var i = start
        while let newline = piece[i...].firstIndex(of: UInt8(ascii: "\n")) {
            if pending.isEmpty {
                body(piece[start..<newline])
            } else {
                pending.append(contentsOf: piece[start..<newline])
                body(pending[...])
                pending.removeAll(keepingCapacity: true)
            }
            start = newline + 1
            i = start
        }
        pending.append(contentsOf: piece[start...])
    }

    mutating func finish(_ body: (ArraySlice<UInt8>) -> Void) {
        if !pending.isEmpty { body(pending[...]) }
        pending.removeAll()
    }
}
