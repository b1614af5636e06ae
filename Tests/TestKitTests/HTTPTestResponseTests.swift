import XCTest
import TestKit

/// The test client's response parser on raw bytes: a wrong framing here would make every server
/// test read the wrong answer.
final class HTTPTestResponseTests: XCTestCase {
    private func parse(_ text: String, complete: Bool = false, bodyExpected: Bool = true) throws -> (HTTPTestResponse, Int)? {
        try HTTPTestResponse.parse(Array(text.utf8), complete: complete, bodyExpected: bodyExpected)
    }

    // RFC 9112 §6.3: Content-Length frames the body; what follows is the next response.
    func testContentLengthFramesTheBody() throws {
        let input = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcHTTP/1.1 204 No Content\r\n\r\n"
        let (response, used) = try XCTUnwrap(parse(input))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.reason, "OK")
        XCTAssertEqual(response.text, "abc")
        XCTAssertEqual(used, input.utf8.count - "HTTP/1.1 204 No Content\r\n\r\n".utf8.count)
        XCTAssertNil(try parse("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nab"), "a short body needs more bytes")
    }

    // RFC 9112 §7.1: chunks, an extension and a trailer; the body is de-chunked.
    func testChunkedBodyIsDechunked() throws {
        let input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\nNEXT"
        let (response, used) = try XCTUnwrap(parse(input))
        XCTAssertEqual(response.text, "abcde")
        XCTAssertEqual(used, input.utf8.count - 4)
        XCTAssertNil(try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"), "no last chunk yet")
        XCTAssertThrowsError(try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
    }

    // RFC 9112 §6.3: 1xx, 204, 304 and the answer to HEAD end at the head, whatever they say.
    func testHeadOnlyAnswersHaveNoBody() throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"
        XCTAssertEqual(try XCTUnwrap(parse(head, bodyExpected: false)).1, head.utf8.count)
        let informational = "HTTP/1.1 100 Continue\r\n\r\n"
        XCTAssertEqual(try XCTUnwrap(parse(informational + "HTTP/1.1 200 OK\r\n")).1, informational.utf8.count)
    }

    // Without framing, the body ends when the peer closes.
    func testUnframedBodyEndsAtClose() throws {
        XCTAssertNil(try parse("HTTP/1.1 200 OK\r\n\r\nabc"))
        XCTAssertEqual(try XCTUnwrap(parse("HTTP/1.1 200 OK\r\n\r\nabc", complete: true)).0.text, "abc")
    }

    func testMalformedHeadsThrow() {
        XCTAssertThrowsError(try parse("HTCPCP/1.0 418\r\n\r\n"))
        XCTAssertThrowsError(try parse("HTTP/1.1 200 OK\r\nno colon\r\n\r\n"))
    }

    func testHeadersAreCaseInsensitiveAndJSONIsRead() throws {
        let (response, _) = try XCTUnwrap(parse("HTTP/1.1 200 OK\r\ncontent-length: 20\r\nConnection: close\r\n\r\n{\"id\":\"a\",\"ok\":true}"))
        XCTAssertEqual(response.header("Content-Length"), "20")
        XCTAssertTrue(response.closesConnection)
        XCTAssertEqual(response.id, "a")
    }
}
