import XCTest
@testable import HTTPServer

final class ResponseEncoderTests: XCTestCase {
    private func encode(_ response: HTTPResponse, _ framing: ResponseFraming) -> String {
        var out: [UInt8] = []
        ResponseEncoder.encode(response, framing: framing, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func testKeepAliveResponseHasStatusHeadersLengthAndBody() {
        let text = encode(.json(200, #"{"ok":true}"#), ResponseFraming(keepAlive: true))
        XCTAssertEqual(text, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}")
    }

    func testClosingResponseSaysConnectionClose() {
        XCTAssertEqual(encode(HTTPResponse(status: 503), .closing),
                       "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    }

    func testHTTP10KeepAliveSaysKeepAlive() {
        XCTAssertEqual(encode(HTTPResponse(status: 200), ResponseFraming(keepAlive: true, version: .http1_0)),
                       "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n")
    }

    // RFC 9110 §9.3.2: HEAD gets GET's Content-Length but no body.
    func testHEADResponseKeepsTheLengthAndOmitsTheBody() {
        XCTAssertEqual(encode(HTTPResponse(status: 200, body: [65, 66]), ResponseFraming(keepAlive: true, omitsBody: true)),
                       "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n")
    }

    // RFC 9110 §8.6: no Content-Length in a 204.
    func test204HasNoContentLengthAndNoBody() {
        XCTAssertEqual(encode(HTTPResponse(status: 204, body: [65]), ResponseFraming(keepAlive: true)),
                       "HTTP/1.1 204 No Content\r\n\r\n")
    }

    // RFC 9110 §5.5: a CR or LF in a field value must not split the response.
    func testHeadersThatWouldSplitTheResponseOrRedoFramingAreLeftOut() {
        let response = HTTPResponse(status: 200, headers: [("X-Bad", "a\r\nSet-Cookie: x"), ("content-length", "99"),
                                                           ("Connection", "keep-alive"), ("Bad Name", "v"), ("X-Good", "v")])
        XCTAssertEqual(encode(response, ResponseFraming(keepAlive: true)),
                       "HTTP/1.1 200 OK\r\nX-Good: v\r\nContent-Length: 0\r\n\r\n")
    }

    func testLongBodiesGetTheirExactLength() {
        let text = encode(HTTPResponse(status: 200, body: Array(repeating: 120, count: 123_456)), ResponseFraming(keepAlive: true))
        XCTAssertTrue(text.contains("Content-Length: 123456\r\n"))
    }

    func testErrorResponseIsEscapedJSONThatCloses() {
        let response = ResponseEncoder.errorResponse(status: 400, message: "bad \"x\"\\\n\u{1}")
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), #"{"ok":false,"error":"bad \"x\"\\\n\u0001"}"#)
        XCTAssertTrue(response.closesConnection)
        XCTAssertEqual(response.headers.first?.value, "application/json")
    }

    func testContinueIsTheBareInterimResponse() {
        XCTAssertEqual(String(decoding: ResponseEncoder.continueResponse, as: UTF8.self), "HTTP/1.1 100 Continue\r\n\r\n")
    }
}
