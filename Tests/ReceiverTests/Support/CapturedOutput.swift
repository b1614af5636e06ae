import Foundation
import Glibc
import Synchronization

/// Everything a child writes to one pipe, read on a thread of its own so the child never
/// blocks on a full pipe.
///
/// ```swift
/// let errors = CapturedOutput(reading: pipe.fileHandleForReading)
/// errors.waitForEOF(seconds: 2)
/// print(errors.text)
/// ```
final class CapturedOutput: Sendable {
    private let bytes = Mutex<[UInt8]>([])
    private let finished = Atomic<Bool>(false)

    init(reading handle: FileHandle) {
        let fd = handle.fileDescriptor
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                bytes.withLock { $0.append(contentsOf: buffer[..<n]) }
            }
            withExtendedLifetime(handle) {}
            finished.store(true, ordering: .releasing)
        }
    }

    var text: String { String(decoding: bytes.withLock { $0 }, as: UTF8.self) }

    func waitForEOF(seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while !finished.load(ordering: .acquiring) && Date() < deadline { usleep(1_000) }
    }
}
