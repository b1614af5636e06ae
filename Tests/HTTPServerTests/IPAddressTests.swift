import XCTest
import HTTPServer

final class IPAddressTests: XCTestCase {
    func testParsesIPv4IntoTheMappedForm() throws {
        let address = try XCTUnwrap(IPAddress("203.0.113.9"))
        XCTAssertTrue(address.isIPv4)
        XCTAssertEqual(address.ipv4Bits, 0xCB00_7109)
        XCTAssertEqual(address, IPAddress(ipv4: 0xCB00_7109))
        XCTAssertEqual(address.high, 0)
        XCTAssertEqual(address.low, 0xffff_CB00_7109)
    }

    func testIPv4MappedIPv6IsTheSameAddressAsIPv4() {
        XCTAssertEqual(IPAddress("::ffff:203.0.113.9"), IPAddress("203.0.113.9"))
        XCTAssertEqual(IPAddress("::ffff:cb00:7109"), IPAddress("203.0.113.9"))
    }

    func testParsesIPv6() throws {
        let address = try XCTUnwrap(IPAddress("2001:db8::1"))
        XCTAssertFalse(address.isIPv4)
        XCTAssertEqual(address.high, 0x2001_0db8_0000_0000)
        XCTAssertEqual(address.low, 1)
        XCTAssertEqual(IPAddress("::1"), IPAddress(high: 0, low: 1))
        XCTAssertEqual(IPAddress("::"), IPAddress(high: 0, low: 0))
    }

    func testRejectsWhatIsNotAnAddressLiteral() {
        for text in ["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", " 1.2.3.4", "1.2.3.4 ", "localhost",
                     "1.2.3.4/32", "[::1]", "::1%eth0", "2001:db8:::1", "1.2.3.4:80", "1.2.3.4\u{0}junk",
                     String(repeating: "1", count: 100)] {
            XCTAssertNil(IPAddress(text), text)
        }
    }

    func testParsesSubstrings() {
        let text = "x203.0.113.9y"
        XCTAssertEqual(IPAddress(text.dropFirst().dropLast()), IPAddress("203.0.113.9"))
    }

    func testLoopbackIsAllOf127Slash8AndColonColon1() {
        XCTAssertTrue(IPAddress("127.0.0.1")!.isLoopback)
        XCTAssertTrue(IPAddress("127.255.0.9")!.isLoopback)
        XCTAssertTrue(IPAddress("::ffff:127.0.0.1")!.isLoopback)
        XCTAssertTrue(IPAddress("::1")!.isLoopback)
        XCTAssertFalse(IPAddress("128.0.0.1")!.isLoopback)
        XCTAssertFalse(IPAddress("::2")!.isLoopback)
        XCTAssertFalse(IPAddress("::")!.isLoopback)
        XCTAssertFalse(IPAddress("10.0.0.1")!.isLoopback)
    }

    func testDescriptionIsCanonical() {
        XCTAssertEqual(IPAddress("::ffff:10.1.2.3")!.description, "10.1.2.3")
        XCTAssertEqual(IPAddress("2001:0db8:0000:0000:0000:0000:0000:0001")!.description, "2001:db8::1")
        XCTAssertEqual(IPAddress("::1")!.description, "::1")
        XCTAssertEqual(IPAddress("0.0.0.0")!.description, "0.0.0.0")
    }

    func testConnectionInfoParsesItsPeerOnce() {
        var info = ConnectionInfo(peerAddress: "203.0.113.9", peerPort: 40_000)
        XCTAssertEqual(info.peer, IPAddress(ipv4: 0xCB00_7109))
        info.peerAddress = "::1"
        XCTAssertEqual(info.peer, IPAddress("::1"))
        XCTAssertNil(ConnectionInfo(peerAddress: "unix", peerPort: 0).peer)
    }
}
