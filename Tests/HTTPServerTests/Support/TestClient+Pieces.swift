#if canImport(Glibc)
import Glibc
#endif
@testable import HTTPServer

extension TestClient {
    /// Turns off Nagle's algorithm, so each `send` leaves at once as its own segment.
    func sendsImmediately() {
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sends `bytes` cut at the ascending offsets `cuts`, pausing between pieces so the server
    /// most likely reads them apart (were two to arrive together, the answer must not change).
    func send(_ bytes: [UInt8], cuts: [Int], pauseMicroseconds: UInt32 = 1_000) throws {
        var start = 0
        for end in cuts + [bytes.count] where end > start {
            try send(Array(bytes[start..<end]))
            start = end
            if end < bytes.count { usleep(pauseMicroseconds) }
        }
    }
}
