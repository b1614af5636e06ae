/// Request cases from llhttp's own fixtures (nodejs/llhttp, test/request/content-length.md and
/// transfer-encoding.md), as raw bytes: each named by the fixture's heading, with what llhttp
/// does in its strict mode and what this server does (Documentation.docc/HTTPConformance.md).
/// llhttp's fixtures omit `Host`, which HTTP/1.1 requires (RFC 9112 §3.2; HTTPConformance.md
/// answers a request without one 400), so each HTTP/1.1 case here carries `Host: a`; the lenient
/// variants are left out, being modes this server does not have.
///
/// ```swift
/// for fixture in LlhttpRequestFixtures.all {
///     // send fixture.bytes; expect fixture.expected
/// }
/// ```
public enum LlhttpRequestFixtures {
    public enum Expected: Sendable, Equatable {
        /// A framed message: answered, and the connection stays usable.
        case answered
        /// A framed message answered, then the connection closed (a GET with a body).
        case answeredThenClosed
        /// Refused with one of these statuses, then closed; never guessed.
        case refused([Int])
    }

    public struct Fixture: Sendable {
        public let name: String
        public let bytes: [UInt8]
        public let expected: Expected
        /// Where we differ from llhttp's strict mode, and why; nil where we agree.
        public let difference: String?
    }

    static func make(_ name: String, _ text: String, _ expected: Expected, differs: String? = nil) -> Fixture {
        Fixture(name: name, bytes: Array(text.utf8), expected: expected, difference: differs)
    }

    static let chunked = "Transfer-Encoding: chunked\r\n\r\n"

    public static let all: [Fixture] = [
        // content-length.md
        make("Content-Length with zeroes", "PUT /url HTTP/1.1\r\nHost: a\r\nContent-Length: 003\r\n\r\nabc", .answered),
        make("Content-Length with follow-up headers",
             "PUT /url HTTP/1.1\r\nHost: a\r\nContent-Length: 003\r\nOhai: world\r\n\r\nabc", .answered),
        make("Error on Content-Length overflow",
             "PUT /url HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000000000000000000\r\n\r\n", .refused([400])),
        make("Error on duplicate Content-Length",
             "PUT /url HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", .refused([400])),
        make("Error on simultaneous Content-Length and Transfer-Encoding: identity",
             "PUT /url HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: identity\r\n\r\n\r\n", .refused([400])),
        make("Funky Content-Length with body",
             "GET /get_funky_content_length_body_hello HTTP/1.0\r\nconTENT-Length: 5\r\n\r\nHELLO", .answeredThenClosed,
             differs: "answered, then closed: a GET with a body (HTTPConformance.md); HTTP/1.0 closes anyway"),
        make("Spaces in Content-Length (surrounding)",
             "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:  42 \r\n\r\n" + String(repeating: "x", count: 42), .answered),
        make("Spaces in Content-Length #2", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4 2\r\n\r\n", .refused([400])),
        make("Spaces in Content-Length #3", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 13 37\r\n\r\n", .refused([400])),
        make("Empty Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n", .refused([400])),
        make("Content-Length with CR instead of dash",
             "PUT /url HTTP/1.1\r\nHost: a\r\nContent\rLength: 003\r\n\r\nabc", .refused([400])),

        // transfer-encoding.md
        make("Empty Transfer-Encoding with Content-Length",
             "POST /first HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\nContent-Length: 5\r\n\r\nhello", .refused([400])),
        make("Parse chunks with lowercase size",
             "PUT /url HTTP/1.1\r\nHost: a\r\n" + chunked + "a\r\n0123456789\r\n0\r\n\r\n", .answered),
        make("Parse chunks with uppercase size",
             "PUT /url HTTP/1.1\r\nHost: a\r\n" + chunked + "A\r\n0123456789\r\n0\r\n\r\n", .answered),
        make("POST with Transfer-Encoding: chunked",
             "POST /post_chunked_all_your_base HTTP/1.1\r\nHost: a\r\n" + chunked
                 + "1e\r\nall your base are belong to us\r\n0\r\n\r\n", .answered),
        make("Two chunks and triple zero prefixed end chunk",
             "POST /two_chunks_mult_zero_end HTTP/1.1\r\nHost: a\r\n" + chunked + "5\r\nhello\r\n6\r\n world\r\n000\r\n\r\n", .answered),
        make("Trailing headers",
             "POST /chunked_w_trailing_headers HTTP/1.1\r\nHost: a\r\n" + chunked
                 + "5\r\nhello\r\n6\r\n world\r\n0\r\nVary: *\r\nContent-Type: text/plain\r\n\r\n", .answered),
        make("Chunk extensions",
             "POST /chunked_w_unicorns_after_length HTTP/1.1\r\nHost: a\r\n" + chunked
                 + "5;ilovew3;somuchlove=aretheseparametersfor;another=withvalue\r\nhello\r\n6;blahblah;blah\r\n world\r\n0\r\n\r\n",
             .answered),
        make("No semicolon before chunk extensions",
             "POST /chunked_w_unicorns_after_length HTTP/1.1\r\nHost: localhost\r\nTransfer-encoding: chunked\r\n\r\n"
                 + "2 erfrferferf\r\naa\r\n0 rrrr\r\n\r\n", .refused([400])),
        make("No extension after semicolon",
             "POST /chunked_w_unicorns_after_length HTTP/1.1\r\nHost: localhost\r\nTransfer-encoding: chunked\r\n\r\n"
                 + "2;\r\naa\r\n0\r\n\r\n", .refused([400])),
        make("Chunk extensions quoting",
             "POST /chunked_w_unicorns_after_length HTTP/1.1\r\nHost: a\r\n" + chunked
                 + #"5;ilovew3="I \"love\"; \\extensions\\";somuchlove="aretheseparametersfor";blah;foo=bar"#
                 + "\r\nhello\r\n6;blahblah;blah\r\n world\r\n0\r\n\r\n", .answered),
        make("Unbalanced chunk extensions quoting",
             "POST /chunked_w_unicorns_after_length HTTP/1.1\r\nHost: a\r\n" + chunked
                 + "5;ilovew3=\"abc\";somuchlove=\"def; ghi\r\nhello\r\n6;blahblah;blah\r\n world\r\n0\r\n\r\n", .refused([400])),
        make("Ignoring pigeons", "PUT /url HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: pigeons\r\n\r\n\r\n", .refused([501])),
        make("POST with Transfer-Encoding and Content-Length",
             "POST /post_identity_body_world?q=search#hey HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n"
                 + "Transfer-Encoding: identity\r\nContent-Length: 5\r\n\r\nWorld", .refused([400])),
        make("POST with empty Transfer-Encoding and Content-Length",
             "POST / HTTP/1.1\r\nHost: foo\r\nContent-Length: 10\r\nTransfer-Encoding:\r\nTransfer-Encoding:\r\n"
                 + "Transfer-Encoding:\r\n\r\n2\r\nAA\r\n0\r\n", .refused([400])),
        make("POST with chunked before other transfer coding names",
             "POST /post_identity_body_world?q=search#hey HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n"
                 + "Transfer-Encoding: chunked, deflate\r\n\r\nWorld", .refused([400, 501])),
        make("POST with chunked and duplicate transfer-encoding",
             "POST /post_identity_body_world?q=search#hey HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n"
                 + "Transfer-Encoding: chunked\r\nTransfer-Encoding: deflate\r\n\r\nWorld", .refused([400, 501])),
        make("POST with chunked as last transfer-encoding",
             "POST /post_identity_body_world?q=search#hey HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n"
                 + "Transfer-Encoding: deflate, chunked\r\n\r\n5\r\nWorld\r\n0\r\n\r\n", .refused([501]),
             differs: "llhttp frames it and passes deflated bytes on; we decode no coding but chunked, so 501 (RFC 9112 §6.1)"),
        make("POST with chunked as last transfer-encoding (multiple headers)",
             "POST /post_identity_body_world?q=search#hey HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n"
                 + "Transfer-Encoding: deflate\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nWorld\r\n0\r\n\r\n", .refused([400, 501]),
             differs: "as above: a coding we cannot decode is refused, never passed on"),
        make("POST with chunkedchunked as transfer-encoding",
             "POST /post_identity_body_world?q=search#hey HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n"
                 + "Transfer-Encoding: chunkedchunked\r\n\r\n5\r\nWorld\r\n0\r\n\r\n", .refused([501])),
        make("Missing last-chunk", "PUT /url HTTP/1.1\r\nHost: a\r\n" + chunked + "3\r\nfoo\r\n\r\n\r\n", .refused([400])),
        make("Validate chunk parameters", "PUT /url HTTP/1.1\r\nHost: a\r\n" + chunked + "3 \n  \r\n\\\r\nfoo\r\n\r\n\r\n",
             .refused([400])),
        make("Invalid OBS fold after chunked value",
             "PUT /url HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n  abc\r\n\r\n5\r\nWorld\r\n0\r\n\r\n", .refused([400])),
        make("Chunk header not terminated by CRLF",
             "GET / HTTP/1.1\r\nHost: a\r\nConnection: close \r\nTransfer-Encoding: chunked \r\n\r\n5\r\r;ABCD\r\n34\r\nE\r\n0\r\n\r\n"
                 + "GET / HTTP/1.1 \r\nHost: a\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", .refused([400])),
        make("Chunk data not terminated by CRLF",
             "GET / HTTP/1.1\r\nHost: a\r\nConnection: close \r\nTransfer-Encoding: chunked \r\n\r\n5\r\nABCDE0\r\n\r\n",
             .refused([400])),
        make("Space after chunk header", "PUT /url HTTP/1.1\r\nHost: a\r\n" + chunked + "a \r\n0123456789\r\n0\r\n\r\n",
             .refused([400])),
    ]
}
