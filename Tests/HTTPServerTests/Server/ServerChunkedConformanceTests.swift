import XCTest
@testable import HTTPServer

/// The rows of "Chunked bodies" in Documentation.docc/HTTPConformance.md over a real socket,
/// checking the status and whether the connection was closed or kept. Inputs are sent whole here;
/// see ServerConnectionConformanceTests for splits at every byte over the socket, and
/// ChunkedConformanceTests for every input split every way at the parser level.
final class ServerChunkedConformanceTests: XCTestCase {
    private var handler: TestHandler!
    private var address = ""

    override func setUpWithError() throws {
        handler = TestHandler()
        address = try startConformanceServer(handler: handler)
    }

    private func chunked(_ body: String) -> String {
        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + body
    }

    // RFC 9112 §7.1: chunk-size = 1*HEXDIG; a prefix, sign, white space, `_`, non-hex, an empty
    // size, or more hex digits than a size can hold, is 400c.
    func testMalformedChunkSizeIs400AndCloses() {
        for size in ["0x5", "+5", " 5", "5 ", "5_0", "g", "", "00000000000000005"] {
            assertClosed(chunked("\(size)\r\nhello\r\n0\r\n\r\n"), status: 400, on: address)
        }
    }

    // The sum of the chunks over max_body_bytes is 413c, however small each chunk is.
    func testChunksOverTheLimitAre413AndClose() {
        let forty = String(repeating: "x", count: 40)
        assertClosed(chunked("28\r\n\(forty)\r\n28\r\n\(forty)\r\n0\r\n\r\n"), status: 413, on: address)
        let kept = assertKept(chunked("20\r\n\(forty.prefix(32))\r\n20\r\n\(forty.prefix(32))\r\n0\r\n\r\n"), on: address)
        XCTAssertEqual(kept.first?.body.count, 64)
    }

    // RFC 9112 §7.1: chunk data is followed by CRLF; chunk lines end in CRLF, never a bare LF or CR.
    func testChunkDataWithoutCRLFAndBareLineEndsAre400AndClose() {
        assertClosed(chunked("5\r\nhelloX\r\n0\r\n\r\n"), status: 400, on: address)
        assertClosed(chunked("5\nhello\r\n0\r\n\r\n"), status: 400, on: address)
        assertClosed(chunked("5\rhello\r\n0\r\n\r\n"), status: 400, on: address)
        assertClosed(chunked("5\r\nhello\n0\r\n\r\n"), status: 400, on: address)
    }

    // RFC 9112 §7.1.1: extensions are read and ignored, but their length is capped.
    func testChunkExtensionsAreIgnoredUpToACap() {
        let kept = assertKept(chunked("7;a=b;c=\"d\"\r\nabcdefg\r\n0;x\r\n\r\n"), on: address)
        XCTAssertEqual(kept.first?.text, "abcdefg")
        let long = String(repeating: "a", count: ChunkedBodyDecoder.maxChunkLineBytes + 1)
        assertClosed(chunked("7;\(long)\r\nabcdefg\r\n0\r\n\r\n"), status: 400, on: address)
    }

    // RFC 9112 §7.1.2: trailers are read and discarded; a malformed trailer line is 400c.
    func testTrailersAreDiscardedAndAMalformedOneIs400() {
        let kept = assertKept(chunked("2\r\nok\r\n0\r\nX-Trailer: v\r\nY: w\r\n\r\n"), on: address)
        XCTAssertEqual(kept.first?.text, "ok")
        assertClosed(chunked("2\r\nok\r\n0\r\nX Trailer: v\r\n\r\n"), status: 400, on: address)
        assertClosed(chunked("2\r\nok\r\n0\r\nnocolon\r\n\r\n"), status: 400, on: address)
    }

    // EOF before the last chunk, or before Content-Length bytes: nothing handled, nothing answered.
    func testEOFBeforeTheEndOfTheBodyIsNeitherHandledNorAnswered() {
        assertClosedWithoutAnswer(chunked("5\r\nhello\r\n"), on: address)
        assertClosedWithoutAnswer(chunked("5\r\nhel"), on: address)
        assertClosedWithoutAnswer("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhello", on: address)
        XCTAssertEqual(handler.handled.count, 0)
    }
}
