import HTTPServer
import XCTest
@testable import Receiver

final class ClientAddressTests: XCTestCase {
    private let proxies = [try! CIDR(parsing: "127.0.0.1/32"), try! CIDR(parsing: "::1/128"), try! CIDR(parsing: "10.0.0.0/8")]

    private func resolve(peer: String, _ fields: [(String, String)]) -> String? {
        ClientAddress.resolve(optionalPeer: IPAddress(peer), headers: HTTPHeaders(fields.map { (name: $0.0, value: $0.1) }),
                              trustedProxies: proxies)?.description
    }

    func testUntrustedPeerIsTheClientWhateverItSends() {
        XCTAssertEqual(resolve(peer: "198.51.100.1", [("X-Forwarded-For", "203.0.113.5"), ("X-Real-IP", "203.0.113.6")]),
                       "198.51.100.1")
        XCTAssertEqual(resolve(peer: "198.51.100.1", []), "198.51.100.1")
    }

    func testTrustedPeerWithoutHeadersIsTheClient() {
        XCTAssertEqual(resolve(peer: "127.0.0.1", []), "127.0.0.1")
    }

    func testRightMostUntrustedAddressOfTheChain() {
        // A client-supplied 1.1.1.1 on the left must not win over what the proxies recorded.
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "1.1.1.1, 203.0.113.5, 10.0.0.2")]), "203.0.113.5")
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "203.0.113.5")]), "203.0.113.5")
    }

    func testSeveralHeaderLinesAreOneList() {
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "203.0.113.5, 10.0.0.3"), ("x-forwarded-for", "10.0.0.2")]),
                       "203.0.113.5")
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "203.0.113.5"), ("X-Forwarded-For", "198.51.100.9")]),
                       "198.51.100.9")
    }

    func testAllTrustedGivesTheLeftMost() {
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "10.0.0.9, 10.0.0.2, 127.0.0.1")]), "10.0.0.9")
    }

    func testEmptyElementsAndWhiteSpaceAreSkipped() {
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", " 203.0.113.5 ,\t, 10.0.0.2 ,")]), "203.0.113.5")
    }

    func testInvalidEntryEndsTheWalk() {
        // Nothing left of "unknown" is vouched for; the trusted 10.0.0.9 recorded it, so 10.0.0.9 is the client.
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "203.0.113.5, unknown, 10.0.0.9")]), "10.0.0.9")
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "203.0.113.5, garbage")]), "127.0.0.1")
    }

    func testInvalidEntryLeftOfAnUntrustedAddressDoesNotMatter() {
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "garbage, 203.0.113.5")]), "203.0.113.5")
    }

    func testRealIPWhenNoForwardedFor() {
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Real-IP", "203.0.113.7")]), "203.0.113.7")
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Real-IP", " 2001:db8::7 ")]), "2001:db8::7")
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Real-IP", "nope")]), "127.0.0.1")
    }

    func testForwardedForWinsOverRealIP() {
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Real-IP", "203.0.113.7"), ("X-Forwarded-For", "198.51.100.2")]),
                       "198.51.100.2")
    }

    func testEmptyForwardedForFallsBackToRealIP() {
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", " , "), ("X-Real-IP", "203.0.113.7")]), "203.0.113.7")
    }

    func testIPv6PeersAndChains() {
        XCTAssertEqual(resolve(peer: "::1", [("X-Forwarded-For", "2001:db8::5, ::1")]), "2001:db8::5")
        XCTAssertEqual(resolve(peer: "2001:db8::1", [("X-Forwarded-For", "203.0.113.5")]), "2001:db8::1")
        XCTAssertEqual(resolve(peer: "::ffff:127.0.0.1", [("X-Forwarded-For", "203.0.113.5")]), "203.0.113.5",
                       "an IPv4-mapped peer is trusted as its IPv4 address")
    }

    func testEntriesWithPortsAndBrackets() {
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "203.0.113.5:5100")]), "203.0.113.5")
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "[2001:db8::7]:443")]), "2001:db8::7")
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "[2001:db8::7]")]), "2001:db8::7")
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "[203.0.113.5]")]), "127.0.0.1")
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "203.0.113.5:")]), "127.0.0.1")
        XCTAssertEqual(resolve(peer: "127.0.0.1", [("X-Forwarded-For", "[2001:db8::7]x")]), "127.0.0.1")
    }

    func testPeerThatIsNotAnAddressIsUnknown() {
        XCTAssertNil(resolve(peer: "/run/callhook.sock", [("X-Forwarded-For", "203.0.113.5")]))
    }

    func testNoTrustedProxiesMeansThePeerAlways() {
        let client = ClientAddress.resolve(peer: IPAddress("127.0.0.1")!, headers: HTTPHeaders([("X-Forwarded-For", "203.0.113.5")]),
                                           trustedProxies: [])
        XCTAssertEqual(client, IPAddress("127.0.0.1"))
    }
}
