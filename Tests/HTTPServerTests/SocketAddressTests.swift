#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import HTTPServer

final class SocketAddressTests: XCTestCase {
    func testIPv4IPv6AndLocalhostAreParsedAndPrinted() throws {
        XCTAssertEqual(try SocketAddress(host: "0.0.0.0", port: 80).description, "0.0.0.0:80")
        XCTAssertEqual(try SocketAddress(host: "localhost", port: 8080).description, "127.0.0.1:8080")
        XCTAssertEqual(try SocketAddress(host: "::", port: 1).description, "[::]:1")
        let v6 = try SocketAddress(host: "::1", port: 65535)
        XCTAssertEqual(v6.family, AF_INET6)
        XCTAssertEqual(v6.description, "[::1]:65535")
    }

    func testAnIPv4MappedAddressIsShownAsIPv4() throws {
        XCTAssertEqual(try SocketAddress(host: "::ffff:10.1.2.3", port: 5).host, "10.1.2.3")
    }

    func testNamesOtherThanLocalhostAndBadPortsAreRefused() {
        XCTAssertThrowsError(try SocketAddress(host: "example.com", port: 80))
        XCTAssertThrowsError(try SocketAddress(host: "127.0.0.1", port: 65536))
        XCTAssertThrowsError(try SocketAddress(host: "127.0.0.1", port: -1))
    }
}
