import Foundation
import Glibc
import XCTest
import TestKit

/// The base of the end-to-end tests: a fresh folder per test for the config and the logs, the
/// real server started in it, and every child killed and the folder removed in `tearDown`.
///
/// ```swift
/// final class SomethingTests: ServerTestCase {
///     func testIt() throws {
///         let server = try startServer()
///         let response = try HTTPTestClient.exchange(port: server.port, Requests.delivery())
///         XCTAssertEqual(try eventLines().count, 1)
///     }
/// }
/// ```
class ServerTestCase: XCTestCase {
    private(set) var directory: URL!
    private var children: [CallhookProcess] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        directory = try ScratchDirectory(prefix: "callhook-e2e").url
    }

    override func tearDownWithError() throws {
        for child in children { child.kill() }
        children = []
        if let directory { try? FileManager.default.removeItem(at: directory) }
        try super.tearDownWithError()
    }

    // MARK: - The server

    /// Writes `config` as `configName` in the test's folder and starts `callhook serve` on it
    /// (through `launcher`, see ``CallhookProcess/serve(configPath:in:extraArguments:launcher:seconds:)``).
    @discardableResult
    func startServer(_ config: TestConfiguration = TestConfiguration(), configName: String = "config.json",
                     extraArguments: [String] = [], launcher: [String] = []) throws -> CallhookProcess {
        let url = directory.appendingPathComponent(configName)
        try config.write(to: url)
        let server = try CallhookProcess.serve(configPath: url.path, in: directory.path, extraArguments: extraArguments, launcher: launcher)
        children.append(server)
        return server
    }

    /// Runs `callhook ARGUMENTS` to the end (killed after `seconds`).
    func runCommand(_ arguments: [String], seconds: Double = 15) throws -> (status: Int32?, stdout: String, stderr: String) {
        try CallhookProcess.run(arguments, in: directory.path, seconds: seconds)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// `path` with every symlink resolved, as the kernel (and strace's `-y`) names an open file.
    func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    var eventLogPath: String { path("events.jsonl") }
    var rejectsLogPath: String { path("rejects.jsonl") }

    // MARK: - The logs

    func eventLines(file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try LogFile.objects(eventLogPath, file: file, line: line)
    }

    func rejectLines(file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try LogFile.objects(rejectsLogPath, file: file, line: line)
    }

    /// Every acknowledged id in exactly one of the files, every line whole. Unless
    /// `allowUnacknowledged` (a crash can store a line whose `200` never went out), nothing else
    /// is there either. Returns how often each id was found.
    @discardableResult
    func assertEachIDOnce(_ acknowledged: [String], in paths: [String], allowUnacknowledged: Bool = false,
                          file: StaticString = #filePath, line: UInt = #line) throws -> [String: Int] {
        var seen: [String: Int] = [:]
        for path in paths {
            for id in try LogFile.ids(path, file: file, line: line) { seen[id, default: 0] += 1 }
        }
        let missing = acknowledged.filter { seen[$0] == nil }
        let repeated = seen.filter { $0.value > 1 }.map(\.key)
        XCTAssertTrue(missing.isEmpty, "\(missing.count) of \(acknowledged.count) acknowledged ids are in no file: \(missing.prefix(5))",
                      file: file, line: line)
        XCTAssertTrue(repeated.isEmpty, "ids written more than once: \(repeated.prefix(5))", file: file, line: line)
        if !allowUnacknowledged {
            let unacknowledged = Set(seen.keys).subtracting(acknowledged)
            XCTAssertTrue(unacknowledged.isEmpty, "lines nobody sent: \(unacknowledged.prefix(5))", file: file, line: line)
        }
        return seen
    }

    /// The value of an unlabelled metric from `/metrics` (`callhook_open_connections` counts
    /// the scrape's own connection); nil when it is not there.
    func metric(_ server: CallhookProcess, _ name: String) throws -> Double? {
        let response = try deliver(server, Requests.get("/metrics"))
        for line in response.text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1))
        }
        return nil
    }

    /// Sends one delivery on a new connection and returns the response.
    func deliver(_ server: CallhookProcess, _ request: [UInt8] = Requests.delivery()) throws -> HTTPTestResponse {
        try HTTPTestClient.exchange(port: server.port, request)
    }
}
