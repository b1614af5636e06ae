import XCTest
@testable import Receiver

/// Sources/Receiver/Reload/ConfigurationReload.swift: what a reload may change.
final class ConfigurationReloadTests: XCTestCase {
    private func load(_ text: String) -> Result<ConfigurationLoader.Loaded, ConfigurationErrors> {
        ConfigurationLoader.load(bytes: Array(text.utf8), baseDirectory: "/srv", workingDirectory: "/srv")
    }

    private let running = #"{"listen":"127.0.0.1:8080","routes":[{"name":"a","path":"/a","vendor":"auto","secret":"one"}]}"#

    func testRoutesAndSecretsChangeRestartKeysAreKeptAndNamed() throws {
        let old = try load(running).get().configuration
        let text = #"{"listen":"127.0.0.1:9090","fsync":"never","event_log":"x.jsonl","limits":{"max_body_bytes":10,"max_connections":5},"routes":[{"name":"b","path":"/b","vendor":"auto","secret":"two"}]}"#
        guard case .apply(let next, let needsRestart, _) = ConfigurationReload.plan(running: old, loaded: load(text)) else {
            return XCTFail("a valid file is applied")
        }
        XCTAssertEqual(needsRestart, ["listen", "limits.max_connections", "event_log", "fsync"])
        XCTAssertEqual(next.listen, "127.0.0.1:8080")
        XCTAssertEqual(next.eventLog, old.eventLog)
        XCTAssertEqual(next.fsync, old.fsync)
        XCTAssertEqual(next.limits.maxConnections, old.limits.maxConnections)
        XCTAssertEqual(next.limits.maxBodyBytes, 10, "other limits apply")
        XCTAssertEqual(next.routes.map(\.name), ["b"])
        XCTAssertEqual(next.secretTexts, ["two"])
    }

    func testAnUnchangedFileNamesNothing() throws {
        let old = try load(running).get().configuration
        XCTAssertEqual(ConfigurationReload.plan(running: old, loaded: load(running)),
                       .apply(old, needsRestart: [], warnings: []))
    }

    func testAnyErrorRefusesTheWholeFile() throws {
        let old = try load(running).get().configuration
        let text = #"{"routes":[{"name":"a","path":"/a","vendor":"auto","secret":"new"},{"name":"b","path":"/b","vendor":"nope"}]}"#
        guard case .refused(let errors) = ConfigurationReload.plan(running: old, loaded: load(text)) else {
            return XCTFail("a file with an error is refused")
        }
        XCTAssertTrue(errors.messages.contains { $0.hasPrefix("$.routes[1].vendor") }, "\(errors.messages)")
    }
}
