import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Live.md, "The console": the page in headless Chromium, driven by
/// `Tests/ReceiverTests/Browser/console_check.py` (selenium). Skips with a message when
/// chromium, chromedriver, python3 or selenium is missing. The screenshot goes to
/// `.build/console.png`, for a person to look at.
final class ConsoleBrowserTests: ServerTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testTheConsoleInABrowser() throws {
        for program in ["/usr/bin/chromium", "/usr/bin/chromedriver"]
            where !FileManager.default.isExecutableFile(atPath: program) {
            throw XCTSkip("console browser test skipped: \(program) is missing (apt-get install chromium chromium-driver)")
        }
        let port = try Self.freePort()
        var config = TestConfiguration()
        config.listen = "127.0.0.1:\(port)"
        let configURL = directory.appendingPathComponent("config.json")
        try config.write(to: configURL)
        let screenshot = Self.packageRoot.appendingPathComponent(".build/console.png").path
        let script = Self.packageRoot.appendingPathComponent("Tests/ReceiverTests/Browser/console_check.py").path

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, try CallhookProcess.executablePath(), configURL.path, "\(port)", Requests.secret, screenshot]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 77 { throw XCTSkip("console browser test skipped: \(text)") }
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertFalse(text.contains("FAIL"), text)
        print(text)
    }

    /// A port nobody listens on now: bound with port 0, read back, closed.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw HTTPTestClient.Failure.system("bind", errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
