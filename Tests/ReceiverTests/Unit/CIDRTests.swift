import HTTPServer
import XCTest
@testable import Receiver

final class CIDRTests: XCTestCase {
    private func cidr(_ text: String) -> CIDR { try! CIDR(parsing: text) }

    func testIPv4Network() {
        let network = cidr("203.0.113.0/24")
        XCTAssertTrue(network.isIPv4)
        XCTAssertEqual(network.prefixLength, 24)
        XCTAssertTrue(network.contains("203.0.113.0"))
        XCTAssertTrue(network.contains("203.0.113.255"))
        XCTAssertFalse(network.contains("203.0.114.0"))
        XCTAssertFalse(network.contains("203.0.112.255"))
    }

    func testIPv4NetworkMatchesIPv4MappedAddresses() {
        XCTAssertTrue(cidr("203.0.113.0/24").contains("::ffff:203.0.113.7"))
        XCTAssertFalse(cidr("203.0.113.0/24").contains("::ffff:203.0.114.7"))
    }

    func testIPv6Network() {
        let network = cidr("2001:db8::/32")
        XCTAssertFalse(network.isIPv4)
        XCTAssertTrue(network.contains("2001:db8::1"))
        XCTAssertTrue(network.contains("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"))
        XCTAssertFalse(network.contains("2001:db9::"))
    }

    func testPrefixAcrossTheMiddleOfThe128Bits() {
        let network = cidr("2001:db8:0:0:8000::/65")
        XCTAssertTrue(network.contains("2001:db8::8000:0:0:1"))
        XCTAssertFalse(network.contains("2001:db8::7fff:0:0:1"))
        XCTAssertTrue(cidr("2001:db8::/64").contains("2001:db8::ffff:ffff:ffff:ffff"))
        XCTAssertFalse(cidr("2001:db8::/64").contains("2001:db8:0:1::"))
    }

    func testSlashZeroMatchesEveryAddressOfItsFamilyOnly() {
        XCTAssertTrue(cidr("0.0.0.0/0").contains("255.255.255.255"))
        XCTAssertTrue(cidr("0.0.0.0/0").contains("0.0.0.0"))
        XCTAssertFalse(cidr("0.0.0.0/0").contains("::1"))
        XCTAssertTrue(cidr("::/0").contains("2001:db8::1"))
        XCTAssertFalse(cidr("::/0").contains("10.0.0.1"), "an IPv6 network does not cover IPv4 addresses")
    }

    func testSingleHostPrefixes() {
        XCTAssertTrue(cidr("10.0.0.1/32").contains("10.0.0.1"))
        XCTAssertFalse(cidr("10.0.0.1/32").contains("10.0.0.2"))
        XCTAssertTrue(cidr("::1/128").contains("::1"))
        XCTAssertFalse(cidr("::1/128").contains("::2"))
    }

    func testBareAddressIsASingleHost() {
        XCTAssertEqual(cidr("10.0.0.1").prefixLength, 32)
        XCTAssertEqual(cidr("10.0.0.1"), cidr("10.0.0.1/32"))
        XCTAssertEqual(cidr("::1").prefixLength, 128)
        XCTAssertEqual(cidr("::1"), cidr("::1/128"))
    }

    func testHostBitsAreClearedAndFlagged() {
        let network = cidr("10.1.2.3/8")
        XCTAssertTrue(network.hasHostBits)
        XCTAssertEqual(network.description, "10.0.0.0/8")
        XCTAssertTrue(network.contains("10.200.0.1"))
        XCTAssertFalse(cidr("10.0.0.0/8").hasHostBits)
        XCTAssertTrue(cidr("2001:db8::1/32").hasHostBits)
        XCTAssertEqual(cidr("2001:db8::1/32").description, "2001:db8::/32")
    }

    func testMappedNetworkWithPrefixOf96OrMoreIsIPv4() {
        let network = cidr("::ffff:10.0.0.0/104")
        XCTAssertTrue(network.isIPv4)
        XCTAssertEqual(network.prefixLength, 8)
        XCTAssertTrue(network.contains("10.9.9.9"))
        XCTAssertEqual(cidr("::ffff:0:0/96").description, "0.0.0.0/0")
    }

    func testRejectsBadAddresses() {
        for text in ["", "/24", "10.0.0/24", "300.0.0.0/8", "2001:db8:::/32", "host/24", "10.0.0.0 /8"] {
            XCTAssertThrowsError(try CIDR(parsing: text), text) { error in
                XCTAssertEqual(error as? CIDR.ParseError, .invalidAddress, text)
            }
        }
    }

    func testRejectsBadPrefixes() {
        for text in ["10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/08", "10.0.0.0/8 ", "10.0.0.0/x",
                     "10.0.0.0/8/8", "10.0.0.0/0008"] {
            XCTAssertThrowsError(try CIDR(parsing: text), text) { error in
                XCTAssertEqual(error as? CIDR.ParseError, .invalidPrefix, text)
            }
        }
    }

    func testRejectsPrefixesLongerThanTheFamily() {
        XCTAssertThrowsError(try CIDR(parsing: "10.0.0.0/33")) { XCTAssertEqual($0 as? CIDR.ParseError, .prefixTooLong(maximum: 32)) }
        XCTAssertThrowsError(try CIDR(parsing: "::/129")) { XCTAssertEqual($0 as? CIDR.ParseError, .prefixTooLong(maximum: 128)) }
        XCTAssertNoThrow(try CIDR(parsing: "::/128"))
    }

    func testTextThatIsNotAnAddressIsNotContained() {
        XCTAssertFalse(cidr("0.0.0.0/0").contains("not an address"))
        XCTAssertFalse(cidr("0.0.0.0/0").contains(""))
    }

    func testListMatchesWhenAnyNetworkDoes() {
        let list = [cidr("10.0.0.0/8"), cidr("2001:db8::/32")]
        XCTAssertTrue(list.containsAddress(IPAddress("2001:db8::5")!))
        XCTAssertTrue(list.containsAddress(IPAddress("10.1.1.1")!))
        XCTAssertFalse(list.containsAddress(IPAddress("192.168.1.1")!))
        XCTAssertFalse([CIDR]().containsAddress(IPAddress("10.1.1.1")!))
    }
}
