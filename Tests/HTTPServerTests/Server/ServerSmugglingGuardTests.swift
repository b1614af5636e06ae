import XCTest
@testable import HTTPServer

/// The chunk-extension, GET-with-a-body and look-alike rows of
/// Documentation.docc/HTTPConformance.md over a real socket; ChunkExtensionConformanceTests checks
/// the same inputs split every way at the parser.
final class ServerSmugglingGuardTests: XCTestCase {
    private var address = ""

    override func setUpWithError() throws {
        address = try startConformanceServer()
    }

    private func chunked(_ body: String) -> String {
        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + body
    }

    // RFC 9112 §7.1.1: well-formed extensions keep the connection; malformed ones are 400c.
    func testChunkExtensionsAreParsedStrictly() {
        let kept = assertKept(chunked("3; a = \"b;c\"\r\nabc\r\n0;x=y\r\n\r\n"), on: address)
        XCTAssertEqual(kept.first?.body, Array("abc".utf8))
        for ext in [";", ";=x", ";a=\"b", ";a=b c", ";a=@"] {
            assertClosed(chunked("3\(ext)\r\nabc\r\n0\r\n\r\n"), status: 400, on: address)
        }
    }

    // A GET or HEAD with a body: answered, then closed; the request behind it is never served.
    func testGetWithABodyIsAnsweredThenClosed() {
        let smuggled = "GET /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabcGET /status/204 HTTP/1.1\r\nHost: a\r\n\r\n"
        let response = assertClosed(smuggled, status: 200, on: address)
        XCTAssertEqual(response?.body, Array("abc".utf8))
        assertClosed("GET /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n", status: 200, on: address)
        assertKept("GET /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n", on: address)
    }

    // RFC 9110 §5.1: `Transfer_Encoding`, `Content_Length`, `Transfer--Encoding` are 400c.
    func testFramingHeaderLookAlikesAre400AndClose() {
        for name in ["Transfer_Encoding", "Content_Length", "Transfer--Encoding"] {
            assertClosed("POST /echo HTTP/1.1\r\nHost: a\r\n\(name): chunked\r\n\r\n0\r\n\r\n", status: 400, on: address)
        }
    }
}
