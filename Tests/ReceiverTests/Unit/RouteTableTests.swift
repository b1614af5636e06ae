import XCTest
@testable import Receiver

final class RouteTableTests: XCTestCase {
    private let table = RouteTable([
        Configuration.Route(name: "hooks", path: "/hooks", vendor: .auto),
        Configuration.Route(name: "voipnow", path: "/hooks/voipnow", vendor: .vendor(.voipnow)),
        Configuration.Route(name: "deep", path: "/a/b/c", vendor: .auto),
    ])

    private func match(_ path: String) -> (String, String?)? {
        table.match(path: path).map { ($0.route.name, $0.hint) }
    }

    func testExactPath() {
        XCTAssertEqual(match("/hooks/voipnow")?.0, "voipnow")
        XCTAssertNil(match("/hooks/voipnow")?.1)
        XCTAssertEqual(match("/a/b/c")?.0, "deep")
    }

    func testOneMoreSegmentIsTheHint() {
        XCTAssertEqual(match("/hooks/voipnow/dial-in")?.0, "voipnow")
        XCTAssertEqual(match("/hooks/voipnow/dial-in")?.1, "dial-in")
        XCTAssertEqual(match("/a/b/c/x")?.1, "x")
    }

    func testHintIsPercentDecoded() {
        XCTAssertEqual(match("/hooks/voipnow/call%20ended")?.1, "call ended")
        XCTAssertEqual(match("/hooks/voipnow/a+b")?.1, "a+b", "+ is a plus in a path")
        XCTAssertEqual(match("/hooks/voipnow/%zz")?.1, "%zz", "an invalid escape is kept")
        XCTAssertEqual(match("/hooks/voipnow/caf%C3%A9")?.1, "café")
    }

    func testLongestRoutePathWins() {
        XCTAssertEqual(match("/hooks/voipnow")?.0, "voipnow")
        XCTAssertEqual(match("/hooks/other")?.0, "hooks")
        XCTAssertEqual(match("/hooks/other")?.1, "other")
        XCTAssertEqual(match("/hooks")?.0, "hooks")
    }

    func testTwoMoreSegmentsDoNotMatch() {
        XCTAssertNil(match("/hooks/voipnow/dial-in/extra"))
        XCTAssertNil(match("/a/b/c/d/e"))
    }

    func testOneTrailingSlashIsIgnored() {
        XCTAssertEqual(match("/hooks/voipnow/")?.0, "voipnow")
        XCTAssertNil(match("/hooks/voipnow/")?.1)
        XCTAssertEqual(match("/hooks/voipnow/dial-in/")?.1, "dial-in")
        XCTAssertNil(match("/hooks/voipnow//"))
    }

    func testEmptySegmentsDoNotMatch() {
        XCTAssertNil(match("/hooks//voipnow"))
        XCTAssertNil(match("//hooks"))
    }

    func testUnknownPathsAndPrefixesThatAreNotSegments() {
        XCTAssertNil(match("/"))
        XCTAssertNil(match("/hook"))
        XCTAssertNil(match("/hooksx"))
        XCTAssertNil(match("/a/b"))
        XCTAssertNil(match("/a/b/cd"))
        XCTAssertNil(match(""))
        XCTAssertNil(match("hooks"))
    }

    func testPathsAreComparedAsSent() {
        XCTAssertNil(match("/HOOKS/voipnow"))
        XCTAssertEqual(match("/hooks/%76oipnow")?.0, "hooks", "an escaped route path is not the route path")
    }

    func testRootRoute() {
        let root = RouteTable([Configuration.Route(name: "root", path: "/", vendor: .auto)])
        XCTAssertEqual(root.match(path: "/")?.route.name, "root")
        XCTAssertNil(root.match(path: "/")?.hint)
        XCTAssertEqual(root.match(path: "/dial-in")?.hint, "dial-in")
        XCTAssertEqual(root.match(path: "/dial-in/")?.hint, "dial-in")
        XCTAssertNil(root.match(path: "//x"))
        XCTAssertNil(root.match(path: "//"))
        XCTAssertNil(root.match(path: "/a/b"))
    }

    func testSubstringPaths() {
        let target = "/hooks/voipnow/dial-in?token=x"
        let path = target[..<target.firstIndex(of: "?")!]
        XCTAssertEqual(table.match(path: path)?.hint, "dial-in")
    }
}
