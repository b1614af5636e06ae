import HTTPServer
import XCTest

/// `path` and `query` are split from the target once, when the head is made.
final class HTTPRequestHeadTests: XCTestCase {
    private func head(_ target: String) -> HTTPRequestHead {
        HTTPRequestHead(method: "GET", target: target, version: .http1_1, headers: HTTPHeaders([("Host", "h")]),
                        framing: .none, keepAlive: true, expectsContinue: false)
    }

    func testOriginAndAbsoluteForms() {
        let cases: [(target: String, path: String, query: String?)] = [
            ("/", "/", nil),
            ("/hooks/pbx", "/hooks/pbx", nil),
            ("/hooks/pbx?token=a&x=1", "/hooks/pbx", "token=a&x=1"),
            ("/hooks/pbx?", "/hooks/pbx", ""),
            ("/p?next=/q?r", "/p", "next=/q?r"),
            ("http://example.com/hooks/pbx?token=a", "/hooks/pbx", "token=a"),
            ("http://example.com", "/", nil),
            ("http://example.com?x=/y", "/", "x=/y"),
            ("https://h:8080/a/b", "/a/b", nil),
            ("/caf%C3%A9?n=%C3%A9", "/caf%C3%A9", "n=%C3%A9"),
        ]
        for c in cases {
            let h = head(c.target)
            XCTAssertEqual(String(h.path), c.path, c.target)
            XCTAssertEqual(h.query.map(String.init), c.query, c.target)
        }
    }

    func testChangingTheTargetSplitsItAgain() {
        var h = head("/a?x=1")
        h.target = "/b"
        XCTAssertEqual(h.path, "/b")
        XCTAssertNil(h.query)
    }
}
