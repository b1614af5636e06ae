import CallEvents
import Foundation
import EventLog
import HTTPServer
import XCTest
@testable import Receiver

final class ConfigurationLoaderTests: XCTestCase {
    /// Documentation.docc/Receiver.md's example, as written there.
    static let specExample = """
        {
          "listen": "127.0.0.1:8080",
          "event_log": "events.jsonl",
          "rejects_log": "rejects.jsonl",
          "fsync": "always",
          "fsync_interval_ms": 200,
          "dedupe_window": 100000,
          "trusted_proxies": ["127.0.0.1/32", "::1/128"],
          "admin_token": null,
          "limits": {
            "max_connections": 10000,
            "max_header_bytes": 16384,
            "max_headers": 100,
            "max_target_bytes": 8192,
            "max_body_bytes": 1048576,
            "header_timeout_ms": 10000,
            "body_timeout_ms": 30000,
            "idle_timeout_ms": 75000,
            "drain_timeout_ms": 10000
          },
          "routes": [
            {"name": "voipnow", "path": "/hooks/voipnow", "vendor": "voipnow", "secret": "change-me"},
            {"name": "urlnetworks", "path": "/hooks/urlnetworks", "vendor": "urlnetworks", "secret": "change-me"},
            {"name": "voipstudio", "path": "/hooks/voipstudio", "vendor": "voipstudio", "secret": "change-me"},
            {"name": "impactpbx", "path": "/hooks/impactpbx", "vendor": "impactpbx", "secret": "change-me",
             "allow": ["203.0.113.0/24"]},
            {"name": "any", "path": "/hooks/any", "vendor": "auto", "secret": "change-me"}
          ]
        }
        """

    func testSpecExampleLoadsWithEveryValue() throws {
        let loaded = try XCTUnwrap(loadedConfiguration(Self.specExample))
        let configuration = loaded.configuration
        XCTAssertEqual(loaded.warnings, [])
        XCTAssertEqual(configuration.listenHost, "127.0.0.1")
        XCTAssertEqual(configuration.listenPort, 8080)
        XCTAssertEqual(configuration.eventLog, "/srv/callhook/events.jsonl")
        XCTAssertEqual(configuration.rejectsLog, "/srv/callhook/rejects.jsonl")
        XCTAssertEqual(configuration.fsync, .always)
        XCTAssertEqual(configuration.dedupeWindow, 100_000)
        XCTAssertEqual(configuration.trustedProxies.map(\.description), ["127.0.0.1/32", "::1/128"])
        XCTAssertNil(configuration.adminToken)
        XCTAssertEqual(configuration.limits, HTTPLimits())
        XCTAssertEqual(configuration.routes.map(\.name), ["voipnow", "urlnetworks", "voipstudio", "impactpbx", "any"])
        XCTAssertEqual(configuration.routes.map(\.vendor),
                       [.vendor(.voipnow), .vendor(.urlnetworks), .vendor(.voipstudio), .vendor(.impactpbx), .auto])
        XCTAssertEqual(configuration.routes[3].allow, [try CIDR(parsing: "203.0.113.0/24")])
        XCTAssertNil(configuration.routes[0].allow)
        XCTAssertEqual(configuration.routes[0].secret, Secret("change-me"))
    }

    func testEverythingButRoutesHasADefault() throws {
        let configuration = try XCTUnwrap(loadedConfiguration("{\(minimalRoutes)}")).configuration
        XCTAssertEqual(configuration.listen, "127.0.0.1:8080")
        XCTAssertEqual(configuration.eventLog, "/srv/callhook/events.jsonl")
        XCTAssertEqual(configuration.rejectsLog, "/srv/callhook/rejects.jsonl")
        XCTAssertEqual(configuration.fsync, .always)
        XCTAssertEqual(configuration.dedupeWindow, 100_000)
        XCTAssertEqual(configuration.trustedProxies, Configuration.defaultTrustedProxies)
        XCTAssertNil(configuration.adminToken)
        XCTAssertEqual(configuration.limits, HTTPLimits())
        XCTAssertEqual(configuration.eventLoops, Configuration.usableProcessors)
        XCTAssertGreaterThanOrEqual(configuration.eventLoops, 1)
    }

    func testRoutesAreRequired() {
        XCTAssertEqual(configurationErrors("{}").count, 1)
        XCTAssertTrue(configurationErrors("{}")[0].hasPrefix("$.routes: missing (required)"))
    }

    func testEveryProblemIsListedWithItsPathInOneRun() {
        let errors = configurationErrors("""
            {
              "listen": "localhost",
              "fsync": "sometimes",
              "dedupe_window": -1,
              "limits": {"max_body_bytes": 0, "max_headers": 1.5, "max_conections": 10},
              "routes": [
                {"name": "a", "path": "/hooks/a", "vendor": "voipnow", "secrett": "x"},
                {"name": "b", "path": "hooks/b", "vendor": "voipnow"},
                {"name": "c", "path": "/hooks/c", "vendor": "foo"}
              ],
              "colour": "blue"
            }
            """)
        XCTAssertEqual(errors, [
            "$.colour: unknown key",
            "$.listen: expected \"HOST:PORT\" or \"[IPv6]:PORT\", got \"localhost\"",
            "$.fsync: expected \"always\", \"interval\" or \"never\", got \"sometimes\"",
            "$.dedupe_window: expected a non-negative integer up to 10000000, got -1",
            "$.limits.max_conections: unknown key (did you mean \"max_connections\"?)",
            "$.limits.max_headers: expected a positive integer, got 1.5",
            "$.limits.max_body_bytes: expected a positive integer up to 1073741824, got 0",
            "$.routes[0].secrett: unknown key (did you mean \"secret\"?)",
            "$.routes[1].path: expected a path starting with \"/\", got \"hooks/b\"",
            "$.routes[2].vendor: unknown vendor \"foo\" (expected one of voipnow, urlnetworks, voipstudio, impactpbx, twilio, zoom, ringcentral, aircall, telnyx, dialpad, vonage or auto)",
        ])
    }

    func testInvalidJSONIsOneErrorAtTheRoot() {
        let errors = configurationErrors("{\"routes\": [}")
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].hasPrefix("$: invalid JSON"), errors[0])
    }

    func testTopLevelMustBeAnObject() {
        XCTAssertEqual(configurationErrors("[]"), ["$: expected an object, got an array"])
    }

    func testByteOrderMarkIsIgnored() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\(minimalRoutes)}".utf8)
        XCTAssertNoThrow(try ConfigurationLoader.load(bytes: bytes, baseDirectory: "/srv").get())
    }

    // MARK: paths

    func testRelativePathsResolveAgainstTheConfigFolder() throws {
        let configuration = try XCTUnwrap(loadedConfiguration("""
            {"event_log": "logs/./events.jsonl", "rejects_log": "/var/log/callhook/rejects.jsonl", \(minimalRoutes)}
            """)).configuration
        XCTAssertEqual(configuration.eventLog, "/srv/callhook/logs/events.jsonl")
        XCTAssertEqual(configuration.rejectsLog, "/var/log/callhook/rejects.jsonl")
    }

    func testParentSegmentsAreKeptForTheKernelToResolve() throws {
        let configuration = try XCTUnwrap(loadedConfiguration("{\"event_log\": \"../events.jsonl\", \(minimalRoutes)}"))
        XCTAssertEqual(configuration.configuration.eventLog, "/srv/callhook/../events.jsonl")
    }

    func testLogPathMustNameAFile() {
        XCTAssertEqual(configurationErrors("{\"event_log\": \"\", \(minimalRoutes)}"),
                       ["$.event_log: expected a file path, got an empty string"])
        XCTAssertEqual(configurationErrors("{\"rejects_log\": \"logs/\", \(minimalRoutes)}"),
                       ["$.rejects_log: expected a file path, got a folder: \"logs/\""])
        XCTAssertEqual(configurationErrors("{\"event_log\": 7, \(minimalRoutes)}"),
                       ["$.event_log: expected a string, got 7"])
    }

    func testEventLogAndRejectsLogMustDiffer() {
        XCTAssertEqual(configurationErrors("{\"event_log\": \"x.jsonl\", \"rejects_log\": \"./x.jsonl\", \(minimalRoutes)}"),
                       ["$.rejects_log: is the same file as event_log (/srv/callhook/x.jsonl)"])
    }

    func testLoadsFromAFileAndResolvesAgainstItsFolder() throws {
        let folder = NSTemporaryDirectory() + "callhook-config-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.json"
        try Data("{\(minimalRoutes)}".utf8).write(to: URL(fileURLWithPath: path))
        let configuration = try ConfigurationLoader.load(path: path).get().configuration
        XCTAssertEqual(configuration.eventLog, FilePath.resolve("events.jsonl", against: folder))
    }

    func testMissingFileIsOneError() {
        let path = "/nonexistent-\(getpid())/config.json"
        guard case .failure(let errors) = ConfigurationLoader.load(path: path) else { return XCTFail("loaded") }
        XCTAssertEqual(errors.messages, ["\(path): cannot read: No such file or directory"])
    }

    func testFolderInsteadOfFileIsOneError() {
        guard case .failure(let errors) = ConfigurationLoader.load(path: "/") else { return XCTFail("loaded") }
        XCTAssertEqual(errors.messages, ["/: cannot read: Is a directory"])
    }

    // MARK: overrides

    func testListenOverrideReplacesTheFile() throws {
        let configuration = try XCTUnwrap(loadedConfiguration("{\"listen\": \"0.0.0.0:80\", \(minimalRoutes)}",
                                                              overrides: .init(listen: "[::1]:0"))).configuration
        XCTAssertEqual(configuration.listenHost, "::1")
        XCTAssertEqual(configuration.listenPort, 0)
    }

    func testListenOverrideIsCheckedLikeTheFile() {
        XCTAssertEqual(configurationErrors("{\(minimalRoutes)}", overrides: .init(listen: "127.0.0.1:99999")),
                       ["--listen: expected a port from 0 to 65535, got \"127.0.0.1:99999\""])
    }

    func testEventLogOverrideIsTakenFromTheWorkingDirectory() throws {
        let configuration = try XCTUnwrap(loadedConfiguration("{\(minimalRoutes)}",
                                                              overrides: .init(eventLog: "out/events.jsonl"))).configuration
        XCTAssertEqual(configuration.eventLog, "/home/op/out/events.jsonl")
        let absolute = try XCTUnwrap(loadedConfiguration("{\(minimalRoutes)}", overrides: .init(eventLog: "/tmp/e.jsonl")))
        XCTAssertEqual(absolute.configuration.eventLog, "/tmp/e.jsonl")
    }

    func testEventLogOverrideMustNameAFileOtherThanTheRejectsLog() {
        XCTAssertEqual(configurationErrors("{\(minimalRoutes)}", overrides: .init(eventLog: "")),
                       ["--event-log: expected a file path, got an empty string"])
        XCTAssertEqual(configurationErrors("{\(minimalRoutes)}", overrides: .init(eventLog: "/srv/callhook/rejects.jsonl")),
                       ["--event-log: is the same file as rejects_log (/srv/callhook/rejects.jsonl)"])
    }

    func testOverrideErrorsComeWithTheFileErrors() {
        XCTAssertEqual(configurationErrors("{\"fsync\": 1, \(minimalRoutes)}", overrides: .init(listen: "x")),
                       ["$.fsync: expected a non-empty string, got 1", "--listen: expected \"HOST:PORT\" or \"[IPv6]:PORT\", got \"x\""])
    }

    // MARK: secrets

    func testSecretsNeverAppearInErrorsOrWarnings() {
        let secret = "TOPSECRET-7f3a"
        let json = """
            {"admin_token": 5, "listen": 1, "limits": {"max_headers": "\(secret)"},
             "routes": [{"name": "a", "path": "/a", "vendor": "voipnow", "secret": "\(secret)", "secret": "\(secret)"},
                        {"name": "a", "path": "/a", "vendor": "nope", "secret": "\(secret)", "allow": ["bogus/8"]},
                        {"name": "open", "path": "/open", "vendor": "auto"},
                        {"name": "n", "path": "/n", "vendor": "auto", "secret": ["\(secret)"]}]}
            """
        guard case .failure(let errors) = loadConfiguration(json) else { return XCTFail("loaded") }
        XCTAssertGreaterThan(errors.messages.count, 5)
        XCTAssertEqual(errors.warnings, ["route \"open\" is open: no secret and no allow list"])
        for line in errors.messages + errors.warnings {
            XCTAssertFalse(line.contains(secret), line)
        }
    }
}
