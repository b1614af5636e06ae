import XCTest
@testable import HTTPServer

final class ChunkedBodyDecoderTests: XCTestCase {
    private func decode(_ text: String, limits: HTTPLimits = HTTPLimits()) -> (consumed: Int, result: ChunkedBodyDecoder.Result, body: [UInt8]) {
        var decoder = ChunkedBodyDecoder()
        var body: [UInt8] = []
        let bytes = Array(text.utf8)
        let (consumed, result) = bytes.withUnsafeBytes { decoder.decode($0, into: &body, limits: limits) }
        return (consumed, result, body)
    }

    func testStopsAtTheEndOfTheBody() {
        let decoded = decode("3\r\nabc\r\n0\r\n\r\nGET / HTTP/1.1\r\n")
        XCTAssertEqual(decoded.result, .complete)
        XCTAssertEqual(decoded.consumed, "3\r\nabc\r\n0\r\n\r\n".utf8.count)
        XCTAssertEqual(decoded.body, Array("abc".utf8))
    }

    func testReadsEverythingItIsGivenWhileIncomplete() {
        let decoded = decode("3\r\nab")
        XCTAssertEqual(decoded.result, .needMoreData)
        XCTAssertEqual(decoded.consumed, 5)
        XCTAssertEqual(decoded.body, Array("ab".utf8))
    }

    // RFC 9112 §7.1: hex digits in either case.
    func testHexSizesInEitherCase() {
        let data = String(repeating: "x", count: 0xAB)
        XCTAssertEqual(decode("aB\r\n\(data)\r\n0\r\n\r\n").body.count, 0xAB)
        XCTAssertEqual(decode("Ab\r\n\(data)\r\n0\r\n\r\n").body.count, 0xAB)
    }

    func testManySmallChunksAreJoined() {
        let text = (0..<300).map { "1\r\n\(Character(UnicodeScalar(UInt8(97 + $0 % 26))))\r\n" }.joined() + "0\r\n\r\n"
        let decoded = decode(text)
        XCTAssertEqual(decoded.result, .complete)
        XCTAssertEqual(decoded.body.count, 300)
        XCTAssertEqual(decoded.body.prefix(3), [97, 98, 99])
    }

    // RFC 9112 §7.1.1: extensions on the last chunk too, with quoted values and BWS-free syntax.
    func testExtensionsOnEveryChunkAreIgnored() {
        let decoded = decode("2;name\r\nab\r\n1;a=\"x;y\"\r\nc\r\n0;ext=1\r\n\r\n")
        XCTAssertEqual(decoded.result, .complete)
        XCTAssertEqual(decoded.body, Array("abc".utf8))
    }

    func testControlByteInExtensionsIsRejected() {
        XCTAssertEqual(decode("1;a\u{0}b\r\nx\r\n0\r\n\r\n").result, .error(.badRequest(.malformedChunkExtension)))
    }

    // Trailers are limited like a head: past max_header_bytes, 431.
    func testTrailersOverHeadLimitAreRefused() {
        let limits = HTTPLimits.make(maxHeaderBytes: 32)
        // The trailer section, "X: ...\r\n\r\n", of exactly 32 bytes, then 33.
        let fits = "0\r\nX: " + String(repeating: "a", count: 25) + "\r\n\r\n"
        XCTAssertEqual(decode(fits, limits: limits).result, .complete)
        let over = "0\r\nX: " + String(repeating: "a", count: 26) + "\r\n\r\n"
        XCTAssertEqual(decode(over, limits: limits).result, .error(.headerTooLarge))
    }

    func testSizeOfZeroEndsTheBody() {
        let decoded = decode("000\r\n\r\n")
        XCTAssertEqual(decoded.result, .complete)
        XCTAssertEqual(decoded.body, [])
    }
}
