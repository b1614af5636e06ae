#if canImport(Glibc)
import System
import Glibc
#endif
import XCTest
@testable import HTTPServer
import TestKit

/// Streamed bodies (`HTTPStream`) over real sockets: chunk framing, the bound on what waits for
/// a slow reader, the end seen by the writer when the reader leaves, and the drain.
final class ServerStreamTests: XCTestCase {
    private func openStream(_ handler: TestHandler, _ address: String, bound: Int = 65_536,
                            version: String = "HTTP/1.1") throws -> (HTTPTestClient, HTTPStream) {
        let client = try HTTPTestClient(address)
        try client.send("GET /stream/\(bound) \(version)\r\nHost: test\r\n\r\n")
        XCTAssertTrue(eventually { handler.streams.count == 1 })
        return (client, handler.streams[0])
    }

    func testPiecesGoOutAsChunksInOrderAndTheEndClosesTheConnection() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let (client, stream) = try openStream(handler, address)
        XCTAssertEqual(stream.write(Array("data: one\n\n".utf8)), .written)
        let head = try client.read(through: "\r\n\r\n")
        XCTAssertTrue(head.hasPrefix("HTTP/1.1 200 OK\r\n"), head)
        XCTAssertTrue(head.contains("Transfer-Encoding: chunked\r\n"), head)
        XCTAssertTrue(head.contains("Connection: close\r\n"), head)
        XCTAssertFalse(head.contains("Content-Length"), head)
        // RFC 9112 §7.1: chunk-size in hex, CRLF, the data, CRLF.
        XCTAssertEqual(try client.read(through: "\n\n\r\n"), "b\r\ndata: one\n\n\r\n")
        XCTAssertEqual(stream.write(Array("data: two\n\n".utf8)), .written)
        XCTAssertEqual(try client.read(through: "\n\n\r\n"), "b\r\ndata: two\n\n\r\n")
        stream.finish(final: Array("bye\n".utf8))
        XCTAssertEqual(stream.write(Array("late".utf8)), .closed)
        XCTAssertEqual(try client.read(through: "0\r\n\r\n"), "4\r\nbye\n\r\n0\r\n\r\n")
        XCTAssertTrue(try client.readsEndOfStream())
        XCTAssertTrue(eventually { handler.streamsEnded == 1 })
    }

    func testAnHTTP10ReaderGetsTheBytesDelimitedByTheClose() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let (client, stream) = try openStream(handler, address, version: "HTTP/1.0")
        XCTAssertEqual(stream.write(Array("x\n".utf8)), .written)
        stream.finish()
        let head = try client.read(through: "\r\n\r\n")
        XCTAssertFalse(head.contains("Transfer-Encoding"), head)
        XCTAssertEqual(try client.read(through: "\n"), "x\n")
        XCTAssertTrue(try client.readsEndOfStream())
    }

    func testAReaderThatStopsReadingIsRefusedAtTheBoundAndOthersGoOn() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let bound = 16_384
        let (stalled, stream) = try openStream(handler, address, bound: bound)
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000)
        var accepted = 0
        // The kernel's socket buffers take some; once they are full the stream's own queue is
        // all that grows, and it stops at the bound.
        let deadline = SystemClock.monotonicMilliseconds() + 5_000
        while SystemClock.monotonicMilliseconds() < deadline {
            let result = stream.write(piece)
            if result == .full { break }
            XCTAssertEqual(result, .written)
            accepted += piece.count
            if accepted > 64 * 1024 * 1024 { break }
            usleep(accepted % 100_000 == 0 ? 1_000 : 0)
        }
        XCTAssertEqual(stream.write(piece), .full, "accepted \(accepted) bytes without refusing")
        XCTAssertLessThanOrEqual(stream.bufferedBytes, bound)
        stream.finish(final: Array("lag\n".utf8))

        // Another reader on the same loop is served meanwhile.
        let other = try HTTPTestClient(address)
        try other.send("GET /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\n\r\nhi")
        XCTAssertEqual(try other.readResponse().text, "hi")

        stalled.reset()
        XCTAssertTrue(eventually { handler.streamsEnded == 1 })
    }

    func testAReaderThatLeavesEndsTheStreamForTheWriter() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let (client, stream) = try openStream(handler, address)
        _ = try client.read(through: "\r\n\r\n")
        client.shutdownWrite()
        XCTAssertTrue(eventually { handler.streamsEnded == 1 })
        XCTAssertEqual(stream.write(Array("x".utf8)), .closed)
        XCTAssertFalse(stream.isOpen)
        XCTAssertTrue(eventually { server.openConnections == 0 })
    }

    func testAStreamIsNotClosedByTheIdleTimeout() throws {
        let handler = TestHandler()
        var limits = HTTPLimits()
        limits.idleTimeoutMilliseconds = 50
        let (server, address) = try HTTPServer.make(limits: limits, handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let (client, stream) = try openStream(handler, address)
        _ = try client.read(through: "\r\n\r\n")
        // An idle keep-alive connection would be gone after 50 ms; the stream must still be open.
        let idle = try HTTPTestClient(address)
        try idle.send("GET /echo HTTP/1.1\r\nHost: test\r\n\r\n")
        _ = try idle.readResponse()
        XCTAssertTrue(try idle.readsEndOfStream())
        XCTAssertEqual(stream.write(Array("still\n".utf8)), .written)
        XCTAssertEqual(try client.read(through: "\n\r\n"), "6\r\nstill\n\r\n")
    }

    func testAStopEndsStreamsFirstAfterWhatIsQueued() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        let (client, stream) = try openStream(handler, address)
        XCTAssertEqual(stream.write(Array("last\n".utf8)), .written)
        let started = SystemClock.monotonicMilliseconds()
        server.stop(drainMilliseconds: 10_000)
        XCTAssertLessThan(SystemClock.monotonicMilliseconds() - started, 5_000, "the drain waited for the stream")
        _ = try client.read(through: "\r\n\r\n")
        XCTAssertEqual(try client.read(through: "0\r\n\r\n"), "5\r\nlast\n\r\n0\r\n\r\n")
        XCTAssertEqual(handler.streamsEnded, 1)
    }
}
