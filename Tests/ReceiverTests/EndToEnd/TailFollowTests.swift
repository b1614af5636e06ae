import Foundation
import XCTest
@testable import Receiver
import TestKit

/// `callhook tail` as a program: `--follow` keeps reading like `tail -F` across rename rotation
/// and truncation and prints every line exactly once; the filters pick lines of the real log.
final class TailFollowTests: XCTestCase {
    var scratch: ScratchDirectory!
    var tail: CallhookProcess?

    override func setUpWithError() throws { scratch = try ScratchDirectory() }

    override func tearDown() {
        tail?.stop()
        scratch.remove()
    }

    /// Event lines as the server writes them, each unique.
    func lines(_ prefix: String, _ count: Int) -> [String] {
        (0..<count).map { i in
            String(decoding: LoggedEvent.make(OpsPayloads.unique("\(prefix)-\(i)"), receivedAt: 1_700_000_000 + i).line, as: UTF8.self)
        }
    }

    func append(_ lines: [String], to name: String = "events.jsonl") throws {
        for line in lines { try scratch.append(name, line + "\n") }
    }

    private var sentinels = 0

    /// What the follower has printed, sentinels left out, once it has printed `count` lines and
    /// then a sentinel line appended to `name` after them: a line printed twice (the file read
    /// again after a rotation) is printed before the sentinel, so it shows.
    func printed(atLeast count: Int, sentinelIn name: String = "events.jsonl", seconds: Double = 5) throws -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        func current() -> [String] { tail?.stdout.split(separator: "\n").map(String.init) ?? [] }
        func real(_ lines: [String]) -> [String] { lines.filter { !$0.contains("sentinel-") } }
        while real(current()).count < count, Date() < deadline { usleep(20_000) }
        sentinels += 1
        let sentinel = lines("sentinel-\(sentinels)", 1)[0]
        try append([sentinel], to: name)
        while !current().contains(sentinel), Date() < deadline { usleep(20_000) }
        XCTAssertTrue(current().contains(sentinel), "the follower never printed the sentinel: \(current())")
        return real(current())
    }

    /// Waits until the follower has read `name` to its end: the offset of its descriptor for the
    /// file (`/proc/PID/fdinfo`) has reached the file's size.
    func followerHasRead(_ name: String, seconds: Double = 5) -> Bool {
        guard let pid = tail?.pid else { return false }
        let path = scratch.file(name)
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
            let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
            for fd in fds {
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)"),
                      target == path || target == resolved,
                      let info = try? String(contentsOfFile: "/proc/\(pid)/fdinfo/\(fd)", encoding: .utf8),
                      let line = info.split(separator: "\n").first(where: { $0.hasPrefix("pos:") }),
                      let position = Int(line.dropFirst(4).trimmingCharacters(in: .whitespaces)) else { continue }
                if position >= size { return true }
            }
            usleep(10_000)
        } while Date() < deadline
        return false
    }

    func follow(_ arguments: [String] = ["--json"]) throws {
        tail = try CallhookProcess.launch(["tail", "--follow"] + arguments + [scratch.file("events.jsonl")], in: scratch.path, name: "tail")
    }

    func testFollowPrintsEveryLineOnceAcrossRenameRotation() throws {
        let first = lines("first", 3), late = lines("late", 2), second = lines("second", 3), third = lines("third", 2)
        try append(first)
        try follow()
        XCTAssertEqual(try printed(atLeast: 3), first)

        // logrotate renames the file; the writer keeps appending to it until its SIGHUP...
        XCTAssertEqual(rename(scratch.file("events.jsonl"), scratch.file("events.jsonl.1")), 0)
        try append([late[0]], to: "events.jsonl.1")
        XCTAssertEqual(try printed(atLeast: 4, sentinelIn: "events.jsonl.1"), first + [late[0]])
        try append([late[1]], to: "events.jsonl.1")
        // ...then reopens by name and writes to the new file.
        try append(second)
        XCTAssertEqual(try printed(atLeast: 8), first + late + second)

        try append(third)
        XCTAssertEqual(try printed(atLeast: 10), first + late + second + third)
        XCTAssertTrue(tail!.process.isRunning, tail!.stderr)
    }

    func testFollowStartsOverWhenTheFileIsTruncated() throws {
        let before = lines("before", 4), after = lines("after", 2)
        try append(before)
        try follow()
        XCTAssertEqual(try printed(atLeast: 4), before)
        // copytruncate: the same file, cut to nothing, then written again.
        XCTAssertEqual(truncate(scratch.file("events.jsonl"), 0), 0)
        try append(after)
        XCTAssertEqual(try printed(atLeast: 6), before + after)
    }

    func testFollowWaitsForAFileThatIsNotThereYet() throws {
        let later = lines("later", 2)
        try follow()
        let deadline = Date().addingTimeInterval(5)
        while !tail!.stderr.contains("waiting for"), Date() < deadline { usleep(10_000) }
        XCTAssertTrue(tail!.process.isRunning, tail!.stderr)
        try append(later)
        XCTAssertEqual(try printed(atLeast: 2), later)
        XCTAssertTrue(tail!.stderr.contains("waiting for"), tail!.stderr)
    }

    func testWithoutFollowAMissingFileIsAnError() throws {
        let result = try CallhookProcess.run(["tail", scratch.file("missing.jsonl")], in: scratch.path)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("cannot open"), result.stderr)
    }

    func testFollowWaitsForTheRestOfAPartialLine() throws {
        let line = lines("partial", 1)[0]
        try follow()
        try scratch.append("events.jsonl", String(line.prefix(40)))
        XCTAssertTrue(followerHasRead("events.jsonl"), "the follower did not read the partial line")
        XCTAssertEqual(tail?.stdout, "")
        try scratch.append("events.jsonl", String(line.dropFirst(40)) + "\n")
        XCTAssertEqual(try printed(atLeast: 1), [line])
    }

    func testReadableLinesFilteredByVendorTypeAndCall() throws {
        var all: [LoggedEvent] = []
        var start = 1_700_000_000
        for vendor in OpsPayloads.Vendor.allCases {
            for payload in OpsPayloads.call(vendor, id: "\(start)", start: start, answered: true) {
                all.append(.make(payload, receivedAt: start + 1))
            }
            start += 60
        }
        try append(all.map { String(decoding: $0.line, as: UTF8.self) })
        let log = scratch.file("events.jsonl")
        let formatter = TailFormatter(colour: false)

        let everything = try CallhookProcess.run(["tail", log], in: scratch.path)
        XCTAssertEqual(everything.status, 0, everything.stderr)
        XCTAssertEqual(everything.stdout, all.map { formatter.format($0) + "\n" }.joined())
        XCTAssertFalse(everything.stdout.contains("\u{1B}"), "no colour when stdout is not a terminal")

        let hangups = try CallhookProcess.run(["tail", "--vendor", "voipstudio", "--type", "call.hangup", log], in: scratch.path)
        let voipstudioHangups = all.filter { $0.vendor == "voipstudio" && $0.type == "call.hangup" }
        XCTAssertEqual(hangups.stdout, voipstudioHangups.map { formatter.format($0) + "\n" }.joined())
        XCTAssertEqual(hangups.stdout.split(separator: "\n").count, 1)

        let call = try CallhookProcess.run(["tail", "--json", "--call", "1700000060", log], in: scratch.path)
        let expected = all.filter { $0.callID == "1700000060" }
        XCTAssertEqual(expected.count, 3)
        XCTAssertEqual(call.stdout, expected.map { String(decoding: $0.line, as: UTF8.self) + "\n" }.joined())
    }
}
