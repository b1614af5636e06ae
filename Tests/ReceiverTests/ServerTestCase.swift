import Foundation
import Glibc
import XCTest

/// The base of the end-to-end tests: a fresh folder per test for the config and the logs, the
/// real server started in it, and every child killed and the folder removed in `tearDown`.
///
/// ```swift
/// final class SomethingTests: ServerTestCase {
///     func testIt() throws {
///         let server = try startServer()
///         let response = try RawHTTPClient.exchange(port: server.port, Requests.delivery())
///         XCTAssertEqual(try eventLines().count, 1)
///     }
/// }
/// ```
class ServerTestCase: XCTestCase {
    private(set) var directory: URL!
    private var children: [ServerProcess] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("callhook-e2e-XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { throw RawHTTPClient.ClientError.system("mkdtemp", errno) }
        directory = URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    override func tearDownWithError() throws {
        for child in children { child.kill() }
        children = []
        if let directory { try? FileManager.default.removeItem(at: directory) }
        try super.tearDownWithError()
    }

    // MARK: - The server

    /// Writes `config` as `configName` in the test's folder and starts `callhook serve` on it.
    @discardableResult
    func startServer(_ config: TestConfiguration = TestConfiguration(), configName: String = "config.json",
                     extraArguments: [String] = []) throws -> ServerProcess {
        let url = directory.appendingPathComponent(configName)
        try config.write(to: url)
        let server = try ServerProcess.serve(configPath: url.path, extraArguments: extraArguments)
        children.append(server)
        return server
    }

    /// Runs `callhook ARGUMENTS` to the end (killed after `seconds`).
    func runCommand(_ arguments: [String], seconds: Double = 15) throws -> (status: Int32?, stdout: String, stderr: String) {
        try ServerProcess.run(arguments, seconds: seconds)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    var eventLogPath: String { path("events.jsonl") }
    var rejectsLogPath: String { path("rejects.jsonl") }

    // MARK: - The logs

    func eventLines(file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try LogFile.objects(eventLogPath, file: file, line: line)
    }

    func rejectLines(file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try LogFile.objects(rejectsLogPath, file: file, line: line)
    }

    /// Sends one delivery on a new connection and returns the response.
    func deliver(_ server: ServerProcess, _ request: [UInt8] = Requests.delivery()) throws -> HTTPResponseMessage {
        try RawHTTPClient.exchange(port: server.port, request)
    }
}
