#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import HTTPServer
import TestKit

/// Idle keep-alive connections cost memory, not threads, and little of it: 10,000 must stay
/// well under 64 MiB (6.7 KiB each), so no connection may hold a buffer of its own between requests.
final class ServerMemoryTests: XCTestCase {
    private func residentBytes() -> Int {
        var text = [UInt8](repeating: 0, count: 128)
        let fd = open("/proc/self/statm", O_RDONLY)
        defer { close(fd) }
        let count = read(fd, &text, text.count)
        let fields = text[..<max(0, count)].split(separator: 0x20)
        return Int(String(decoding: fields[1], as: UTF8.self))! * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    func testIdleKeepAliveConnectionsCostUnder4KiBEach() throws {
        if let sanitizer = Sanitizers.active {
            throw XCTSkip("resident memory is not the program's own under \(sanitizer)")
        }
        let (server, address) = try HTTPServer.make()
        defer { server.stop(drainMilliseconds: 0) }
        func served() throws -> HTTPTestClient {
            let client = try HTTPTestClient(address)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello")
            XCTAssertEqual(try client.readResponse().status, 200)
            return client
        }
        var clients = try (0..<200).map { _ in try served() }   // warm up allocator and tables
        clients.reserveCapacity(3_200)
        let before = residentBytes()
        for _ in 0..<3_000 { clients.append(try served()) }
        XCTAssertTrue(eventually { server.openConnections == 3_200 })
        let perConnection = (residentBytes() - before) / 3_000   // client objects included
        XCTAssertLessThan(perConnection, 4_096)
    }
}
