import EventLog
import HTTPServer
import XCTest
@testable import Receiver

/// The top-level keys and `limits`: types, ranges, defaults.
final class ConfigurationLoaderSettingsTests: XCTestCase {
    private func setting(_ member: String) -> [String] { configurationErrors("{\(member), \(minimalRoutes)}") }
    private func loaded(_ member: String) -> Configuration? { loadedConfiguration("{\(member), \(minimalRoutes)}")?.configuration }

    func testListenForms() {
        XCTAssertEqual(loaded(#""listen": "0.0.0.0:80""#)?.listen, "0.0.0.0:80")
        XCTAssertEqual(loaded(#""listen": "[::]:8080""#)?.listenHost, "::")
        XCTAssertEqual(loaded(#""listen": "localhost:0""#)?.listenPort, 0)
        XCTAssertEqual(setting(#""listen": "::1:8080""#),
                       [#"$.listen: expected an IPv4 address, "localhost" or "[IPv6]" before the port, got "::1:8080""#])
        XCTAssertEqual(setting(#""listen": 8080"#), ["$.listen: expected a non-empty string, got 8080"])
    }

    func testFsyncPolicies() {
        XCTAssertEqual(loaded(#""fsync": "never""#)?.fsync, .never)
        XCTAssertEqual(loaded(#""fsync": "always", "fsync_interval_ms": 5"#)?.fsync, .always)
        XCTAssertEqual(loaded(#""fsync": "interval""#)?.fsync, .interval(milliseconds: 200))
        XCTAssertEqual(loaded(#""fsync": "interval", "fsync_interval_ms": 50"#)?.fsync, .interval(milliseconds: 50))
        XCTAssertEqual(loaded(#""fsync_interval_ms": 50, "fsync": "interval""#)?.fsync, .interval(milliseconds: 50),
                       "key order does not matter")
        XCTAssertEqual(setting(#""fsync": "Always""#), [#"$.fsync: expected "always", "interval" or "never", got "Always""#])
        XCTAssertEqual(setting(#""fsync_interval_ms": 0"#), ["$.fsync_interval_ms: expected a positive integer up to 3600000, got 0"])
    }

    func testDedupeWindowMayBeZero() {
        XCTAssertEqual(loaded(#""dedupe_window": 0"#)?.dedupeWindow, 0)
        XCTAssertEqual(loaded(#""dedupe_window": 5"#)?.dedupeWindow, 5)
        XCTAssertEqual(setting(#""dedupe_window": 10000001"#),
                       ["$.dedupe_window: expected a non-negative integer up to 10000000, got 10000001"])
    }

    func testIntegersMustBeJSONIntegers() {
        XCTAssertEqual(setting(#""dedupe_window": 1e3"#), ["$.dedupe_window: expected a non-negative integer, got 1e3"])
        XCTAssertEqual(setting(#""dedupe_window": 10.0"#), ["$.dedupe_window: expected a non-negative integer, got 10.0"])
        XCTAssertEqual(setting(#""dedupe_window": "10""#),
                       ["$.dedupe_window: expected a non-negative integer, got a string (write numbers without quotes)"])
        XCTAssertEqual(setting(#""dedupe_window": null"#), ["$.dedupe_window: expected a non-negative integer, got null"])
        XCTAssertEqual(setting(#""dedupe_window": true"#), ["$.dedupe_window: expected a non-negative integer, got true"])
        XCTAssertEqual(setting(#""dedupe_window": 99999999999999999999999"#),
                       ["$.dedupe_window: expected a non-negative integer up to 10000000, got 99999999999999999999999"])
        XCTAssertEqual(loaded(#""dedupe_window": -0"#)?.dedupeWindow, 0)
    }

    func testTrustedProxies() throws {
        XCTAssertEqual(loaded(#""trusted_proxies": []"#)?.trustedProxies, [])
        XCTAssertEqual(loaded(#""trusted_proxies": ["10.0.0.0/8", "fd00::/8"]"#)?.trustedProxies,
                       [try CIDR(parsing: "10.0.0.0/8"), try CIDR(parsing: "fd00::/8")])
        XCTAssertEqual(setting(#""trusted_proxies": ["10.0.0.0/8", "10.0.0.300/8", 5, "::/200"]"#), [
            #"$.trusted_proxies[1]: "10.0.0.300/8" is not a CIDR: not an IPv4 or IPv6 address"#,
            "$.trusted_proxies[2]: expected a non-empty string, got 5",
            #"$.trusted_proxies[3]: "::/200" is not a CIDR: the prefix length is over 128"#,
        ])
        XCTAssertEqual(setting(#""trusted_proxies": "10.0.0.0/8""#),
                       [#"$.trusted_proxies: expected an array of CIDRs such as "203.0.113.0/24", got a string"#])
    }

    func testHostBitsAreAWarningNotAnError() throws {
        let loaded = try XCTUnwrap(loadedConfiguration(#"{"trusted_proxies": ["10.1.2.3/8"], \#(minimalRoutes)}"#))
        XCTAssertEqual(loaded.configuration.trustedProxies.map(\.description), ["10.0.0.0/8"])
        XCTAssertEqual(loaded.warnings, [#"$.trusted_proxies[0]: "10.1.2.3/8" has bits set past the prefix; it is read as 10.0.0.0/8"#])
    }

    func testAdminToken() {
        XCTAssertEqual(loaded(#""admin_token": "t0ken""#)?.adminToken, Secret("t0ken"))
        XCTAssertNil(loaded(#""admin_token": null"#)?.adminToken)
        XCTAssertEqual(setting(#""admin_token": """#), ["$.admin_token: expected a non-empty string or null"])
        XCTAssertEqual(setting(#""admin_token": 5"#), ["$.admin_token: expected a non-empty string or null"])
    }

    func testEventLoops() {
        XCTAssertEqual(loaded(#""event_loops": 3"#)?.eventLoops, 3)
        XCTAssertEqual(setting(#""event_loops": 0"#), ["$.event_loops: expected a positive integer up to 1024, got 0"])
    }

    func testEveryLimitIsRead() throws {
        let configuration = try XCTUnwrap(loaded("""
            "limits": {"max_connections": 1, "max_header_bytes": 2, "max_headers": 3, "max_target_bytes": 4,
                       "max_body_bytes": 5, "header_timeout_ms": 6, "body_timeout_ms": 7, "idle_timeout_ms": 8,
                       "drain_timeout_ms": 0}
            """))
        let limits = configuration.limits
        XCTAssertEqual([limits.maxConnections, limits.maxHeaderBytes, limits.maxHeaders, limits.maxTargetBytes,
                        limits.maxBodyBytes, limits.headerTimeoutMilliseconds, limits.bodyTimeoutMilliseconds,
                        limits.idleTimeoutMilliseconds, limits.drainTimeoutMilliseconds], [1, 2, 3, 4, 5, 6, 7, 8, 0])
    }

    func testLimitsLeftOutKeepTheirDefaults() throws {
        let limits = try XCTUnwrap(loaded(#""limits": {"max_body_bytes": 65536}"#)).limits
        var expected = HTTPLimits()
        expected.maxBodyBytes = 65_536
        XCTAssertEqual(limits, expected)
    }

    func testEveryLimitIsRangeChecked() {
        XCTAssertEqual(setting("""
            "limits": {"max_connections": 0, "max_header_bytes": -1, "max_headers": 10001, "max_target_bytes": 1048577,
                       "max_body_bytes": 1073741825, "header_timeout_ms": 0, "body_timeout_ms": 3600001,
                       "idle_timeout_ms": "75000", "drain_timeout_ms": -1}
            """), [
            "$.limits.max_connections: expected a positive integer up to 1000000, got 0",
            "$.limits.max_header_bytes: expected a positive integer up to 1048576, got -1",
            "$.limits.max_headers: expected a positive integer up to 10000, got 10001",
            "$.limits.max_target_bytes: expected a positive integer up to 1048576, got 1048577",
            "$.limits.max_body_bytes: expected a positive integer up to 1073741824, got 1073741825",
            "$.limits.header_timeout_ms: expected a positive integer up to 3600000, got 0",
            "$.limits.body_timeout_ms: expected a positive integer up to 3600000, got 3600001",
            "$.limits.idle_timeout_ms: expected a positive integer, got a string (write numbers without quotes)",
            "$.limits.drain_timeout_ms: expected a non-negative integer up to 3600000, got -1",
        ])
    }

    func testLimitsMustBeAnObject() {
        XCTAssertEqual(setting(#""limits": [1]"#), ["$.limits: expected an object, got an array"])
    }

    func testUnknownKeysAtTheTopAndInLimits() {
        XCTAssertEqual(setting(#""event-log": "x", "limits": {"max_body": 1, "timeout": 2}"#), [
            #"$["event-log"]: unknown key (did you mean "event_log"?)"#,
            #"$.limits.max_body: unknown key"#,
            #"$.limits.timeout: unknown key"#,
        ])
    }

    func testDuplicateKeysAtTheTopAndInLimits() {
        XCTAssertEqual(setting(#""fsync": "never", "fsync": "always", "fsync": "never", "limits": {"max_headers": 5, "max_headers": 6}"#), [
            "$.fsync: duplicate key",
            "$.limits.max_headers: duplicate key",
        ])
    }
}
