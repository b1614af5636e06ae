import XCTest
@testable import HTTPServer

final class HTTPRequestParserTests: XCTestCase {
    func testSimpleGet() {
        var parser = HTTPRequestParser(limits: HTTPLimits())
        parser.feed(Array("GET /x HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        guard case .head(let head) = parser.next() else { return XCTFail() }
        XCTAssertEqual(head.method, "GET")
        XCTAssertEqual(parser.next(), .body([]))
        XCTAssertEqual(parser.next(), .needMoreData)
    }
}

final class QuickChunkedTests: XCTestCase {
    func testChunkedAndContentLength() {
        var parser = HTTPRequestParser(limits: HTTPLimits())
        parser.feed(Array("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;a=b\r\nabc\r\n2\r\nde\r\n0\r\nX: y\r\n\r\nPOST /y HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nxyz".utf8))
        guard case .head(let head) = parser.next() else { return XCTFail() }
        XCTAssertEqual(head.framing, .chunked)
        XCTAssertEqual(parser.next(), .body(Array("abcde".utf8)))
        guard case .head(let head2) = parser.next() else { return XCTFail() }
        XCTAssertEqual(head2.framing, .contentLength(3))
        XCTAssertEqual(parser.next(), .body(Array("xyz".utf8)))
        XCTAssertEqual(parser.next(), .needMoreData)
        XCTAssertEqual(parser.phase, .idle)
    }
}
