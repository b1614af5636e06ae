import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "Command line" and the exit codes of "Operating", through the
/// real binary.
final class CommandLineTests: ServerTestCase {
    func writeFile(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testCheckConfigListsEveryProblemWithItsJSONPathAndExits2() throws {
        let file = try writeFile("bad.json", """
            {
              "listen": "nohost",
              "fsync": "sometimes",
              "dedupe_window": -5,
              "limits": {"max_body_bytes": "big", "bogus_limit": 1},
              "routes": [
                {"name": "a", "path": "/hooks/a", "vendor": "acme", "secret": "s"},
                {"name": "b", "path": "/hooks/b", "vendor": "voipnow", "allow": ["10.0.0.0/33"], "secrte": "typo"}
              ],
              "typo_key": 1
            }
            """)
        let result = try runCommand(["check-config", file])
        XCTAssertEqual(result.status, 2, result.stderr)
        let output = result.stdout + result.stderr
        for path in ["$.listen", "$.fsync", "$.dedupe_window", "$.limits.max_body_bytes", "$.limits.bogus_limit",
                     "$.routes[0].vendor", "$.routes[1].allow[0]", "$.routes[1].secrte", "$.typo_key"] {
            XCTAssertTrue(output.contains(path), "\(path) not reported in:\n\(output)")
        }
        let errorLines = output.split(separator: "\n").filter { $0.hasPrefix("error") }
        XCTAssertGreaterThanOrEqual(errorLines.count, 9, "one line a problem:\n\(output)")
    }

    func testCheckConfigOfAGoodConfigExits0() throws {
        let file = path("good.json")
        try TestConfiguration().write(to: URL(fileURLWithPath: file))
        let result = try runCommand(["check-config", file])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    }

    func testCheckConfigOfTheExampleConfigExits0() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config.example.json").path
        let result = try runCommand(["check-config", example])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    }

    func testCheckConfigOfAMissingFileExits2() throws {
        let result = try runCommand(["check-config", path("nowhere.json")])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertFalse(result.stderr.isEmpty)
    }

    func testVersionAndHelpExit0() throws {
        let version = try runCommand(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("callhook "), version.stdout)
        for arguments in [["--help"], ["serve", "--help"], ["help", "decode"], ["check-config", "--help"]] {
            let help = try runCommand(arguments)
            XCTAssertEqual(help.status, 0, "\(arguments): \(help.stderr)")
            XCTAssertTrue(help.stdout.contains("Usage"), "\(arguments): \(help.stdout)")
        }
    }

    func testBadCommandLineExits2WithAMessage() throws {
        for arguments in [[], ["frobnicate"], ["--frob"], ["serve"], ["serve", "--config"],
                          ["serve", "--config", "a.json", "--bogus"], ["check-config"], ["decode", "--vendor", "acme", "x"],
                          ["--version", "extra"]] {
            let result = try runCommand(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stdout) \(result.stderr)")
            XCTAssertFalse(result.stderr.isEmpty, "\(arguments) says what is wrong on stderr")
        }
    }

    func testServeWithABadConfigExits2() throws {
        let file = try writeFile("bad.json", #"{"routes": [], "fsync": "sometimes"}"#)
        let result = try runCommand(["serve", "--config", file])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("$.fsync"), result.stderr)
    }

    func testServeOnAPortHeldByAnotherProgramExits1WithOneLine() throws {
        let (fd, port) = try Self.listeningSocket()
        defer { close(fd) }
        var config = TestConfiguration()
        config.listen = "127.0.0.1:\(port)"
        try config.write(to: directory.appendingPathComponent("config.json"))
        let result = try runCommand(["serve", "--config", path("config.json")], seconds: 5)
        XCTAssertEqual(result.status, 1, "stderr: \(result.stderr)")
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "said in one line: \(result.stderr)")
    }

    func testServeOnAPortHeldByAnotherCallhookExits1WithOneLine() throws {
        let first = try startServer()
        var config = TestConfiguration()
        config.listen = "127.0.0.1:\(first.port)"
        config.eventLog = "second-events.jsonl"
        config.rejectsLog = "second-rejects.jsonl"
        try config.write(to: directory.appendingPathComponent("second.json"))
        let result = try runCommand(["serve", "--config", path("second.json")], seconds: 3)
        XCTAssertEqual(result.status, 1, "a second server on the same port must not start (it would take half the "
            + "deliveries into another log); stderr: \(result.stderr)")
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "said in one line: \(result.stderr)")
    }

    func testServeWithAnUnwritableLogExits1WithOneLine() throws {
        try Data("not a folder".utf8).write(to: directory.appendingPathComponent("file"))
        var config = TestConfiguration()
        config.eventLog = "file/events.jsonl"
        try config.write(to: directory.appendingPathComponent("config.json"))
        let result = try runCommand(["serve", "--config", path("config.json")], seconds: 5)
        XCTAssertEqual(result.status, 1, "stderr: \(result.stderr)")
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "said in one line: \(result.stderr)")
        XCTAssertTrue(result.stderr.contains("events.jsonl"), result.stderr)
    }

    func testServeListenOverridePicksTheAddress() throws {
        var config = TestConfiguration()
        config.listen = "127.0.0.1:1"
        try config.write(to: directory.appendingPathComponent("config.json"))
        let server = try CallhookProcess.serve(configPath: path("config.json"), extraArguments: ["--listen", "127.0.0.1:0"])
        addTeardownBlock { server.kill() }
        XCTAssertNotEqual(server.port, 1)
        XCTAssertEqual(try deliver(server).status, 200)
    }

    func testDecodeImpactPBXFilePrintsTheEventLine() throws {
        let file = try writeFile("hangup.json", OpsPayloads.impactpbxHangup(ref: "460a36b6-09e7-466b-97d8-903c8cf4fc6c"))
        let result = try runCommand(["decode", "--vendor", "impactpbx", file])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, result.stdout)
        let event = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(event["type"] as? String, "call.hangup")
        XCTAssertEqual(event["vendor"] as? String, "impactpbx")
        XCTAssertEqual(event["outcome"] as? String, "answered")
        XCTAssertEqual(event["talk_seconds"] as? Int, 4)
    }

    func testDecodeOfAnUndecodableFileExits1() throws {
        let file = try writeFile("broken.json", #"{"ref":"#)
        let result = try runCommand(["decode", "--vendor", "impactpbx", file])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stdout.isEmpty)
        XCTAssertFalse(result.stderr.isEmpty)
    }

    /// A plain listening socket (no `SO_REUSEPORT`) on a free loopback port.
    static func listeningSocket() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw HTTPTestClient.Failure.system("bind", errno) }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
