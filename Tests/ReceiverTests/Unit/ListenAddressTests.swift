import XCTest
@testable import Receiver

final class ListenAddressTests: XCTestCase {
    func testAcceptedForms() throws {
        XCTAssertEqual(try ListenAddress(parsing: "127.0.0.1:8080"), ListenAddress(host: "127.0.0.1", port: 8080))
        XCTAssertEqual(try ListenAddress(parsing: "0.0.0.0:0"), ListenAddress(host: "0.0.0.0", port: 0))
        XCTAssertEqual(try ListenAddress(parsing: "localhost:65535"), ListenAddress(host: "localhost", port: 65535))
        XCTAssertEqual(try ListenAddress(parsing: "[::1]:8080"), ListenAddress(host: "::1", port: 8080))
        XCTAssertEqual(try ListenAddress(parsing: "[::]:80"), ListenAddress(host: "::", port: 80))
        XCTAssertEqual(try ListenAddress(parsing: "[2001:db8::1]:443").description, "[2001:db8::1]:443")
    }

    func testPortMustBeDecimalUpTo65535() {
        for text in ["127.0.0.1:65536", "127.0.0.1:", "127.0.0.1:-1", "127.0.0.1:+80", "127.0.0.1:8o", "127.0.0.1:080000",
                     "[::1]:", "[::1]:x"] {
            XCTAssertThrowsError(try ListenAddress(parsing: text), text) {
                XCTAssertEqual($0 as? ListenAddress.ParseError, .invalidPort(text), text)
            }
        }
    }

    func testPortIsRequired() {
        for text in ["127.0.0.1", ":8080", "", "[::1]", "[::1]8080"] {
            XCTAssertThrowsError(try ListenAddress(parsing: text), text) {
                XCTAssertEqual($0 as? ListenAddress.ParseError, .missingPort(text), text)
            }
        }
    }

    func testHostMustBeALiteralOrLocalhost() {
        for text in ["example.com:80", "::1:8080", "[127.0.0.1]:80", "[::1:80", "[nope]:80", "256.0.0.1:80", "*:80"] {
            XCTAssertThrowsError(try ListenAddress(parsing: text), text) {
                XCTAssertEqual($0 as? ListenAddress.ParseError, .invalidHost(text), text)
            }
        }
    }
}
