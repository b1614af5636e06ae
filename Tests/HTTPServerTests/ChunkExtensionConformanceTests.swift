import XCTest
@testable import HTTPServer

/// The chunk-extension and smuggling-guard rows of Documentation.docc/HTTPConformance.md, at the
/// parser level: every input whole, byte by byte, split at every offset, and followed by a
/// pipelined request.
final class ChunkExtensionConformanceTests: XCTestCase {
    private let chunkedHead = "POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"

    // RFC 9112 §7.1.1: chunk-ext = *( BWS ";" BWS name [ BWS "=" BWS token / quoted-string ] ).
    func testWellFormedChunkExtensionsAreAccepted() {
        for ext in [";a", ";a=b", ";a=b;c=\"d\"", "; a = b", ";a=\"x;y\\\"z\"", ";a=\"\"", ";a=\"\u{80}\"", ";a ;b=1"] {
            let accepted = assertAccepted(chunkedHead + "3\(ext)\r\nabc\r\n0\(ext)\r\n\r\n")
            XCTAssertEqual(accepted?.body, Array("abc".utf8), ext)
        }
    }

    // RFC 9112 §7.1.1: an empty name, an unbalanced quote, a name or value that is neither a
    // token nor a quoted-string, is 400c; never skipped to the line end.
    func testMalformedChunkExtensionsAreRejected() {
        for ext in [";", ";=x", ";a=", ";a=\"b", ";a=b c", ";a b", ";a=b\"", ";a=@", ";@", ";a,b", ";a=\"b\u{1}\"",
                    ";a=\"b\\\u{7F}\"", ";a ", ";a=b ", ";;a", "\u{0};a"] {
            assertRefused(chunkedHead + "3\(ext)\r\nabc\r\n0\r\n\r\n", status: 400, afterHead: true)
        }
    }

    // An unbalanced quote must not swallow the CRLF: the line ends at the first CR.
    func testQuotedExtensionDoesNotHideTheLineEnd() {
        assertRefused(chunkedHead + "3;a=\"b\r\nabc\r\n0\r\n\r\n\"\r\n", status: 400, afterHead: true)
    }

    // Documentation.docc/HTTPConformance.md: a GET or HEAD with a body is read by its framing,
    // answered, then closed.
    func testGetOrHeadWithABodyIsReadThenCloses() {
        for method in ["GET", "HEAD"] {
            let sized = assertAccepted("\(method) / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc")
            XCTAssertEqual(sized?.body, Array("abc".utf8))
            XCTAssertEqual(sized?.head.keepAlive, false)
            let chunked = assertAccepted("\(method) / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            XCTAssertEqual(chunked?.head.keepAlive, false)
            XCTAssertEqual(assertAccepted("\(method) / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")?.head.keepAlive, true)
            XCTAssertEqual(assertAccepted("\(method) / HTTP/1.1\r\nHost: a\r\n\r\n")?.head.keepAlive, true)
        }
        XCTAssertEqual(assertAccepted("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc")?.head.keepAlive, true)
    }

    // RFC 9110 §5.1, desync research: a hop that folds `_` into `-` would frame by a header we did not.
    func testFramingHeaderLookAlikesAreRejected() {
        for name in ["Transfer_Encoding", "Content_Length", "Transfer--Encoding", "content__length", "CONTENT-_LENGTH",
                     "Content---Length"] {
            assertRefused("POST / HTTP/1.1\r\nHost: a\r\n\(name): 3\r\n\r\nabc", status: 400)
        }
        // Names that only share a prefix are ordinary headers.
        for name in ["Content-Lengths", "X-Content_Length", "Content-Type", "Transfer-Encodings"] {
            XCTAssertNotNil(assertAccepted("POST / HTTP/1.1\r\nHost: a\r\n\(name): 3\r\n\r\n"), name)
        }
    }
}
