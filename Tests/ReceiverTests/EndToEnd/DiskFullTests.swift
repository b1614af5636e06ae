import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "Storage": on a full disk deliveries get `503` + `Retry-After`,
/// the health check says so, the process stays up, and once space is back deliveries are stored
/// again.
final class DiskFullTests: ServerTestCase {
    /// Mounts a 512 KiB tmpfs in the test's folder (needs CAP_SYS_ADMIN); skips the test otherwise.
    func mountSmallDisk() throws -> String {
        let mountPoint = path("disk")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=512k", "tmpfs", mountPoint]
        mount.standardOutput = FileHandle.nullDevice
        mount.standardError = FileHandle.nullDevice
        do {
            try mount.run()
            mount.waitUntilExit()
        } catch {
            throw XCTSkip("disk-full test skipped: cannot run /bin/mount (\(error))")
        }
        guard mount.terminationStatus == 0 else {
            throw XCTSkip("disk-full test skipped: mounting a tmpfs is not permitted here (mount exited \(mount.terminationStatus))")
        }
        addTeardownBlock {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = ["-l", mountPoint]
            try? umount.run()
            umount.waitUntilExit()
        }
        return mountPoint
    }

    /// Writes zeros to `path` until the file system says it is full; returns the bytes written.
    /// A server whose two logs are on the small disk; killed when the test ends.
    func startServerOnSmallDisk() throws -> (disk: String, server: CallhookProcess) {
        let disk = try mountSmallDisk()
        var config = TestConfiguration()
        config.eventLog = "disk/events.jsonl"
        config.rejectsLog = "disk/rejects.jsonl"
        let server = try startServer(config)
        addTeardownBlock { server.kill() }
        return (disk, server)
    }

    func fill(_ path: String) throws -> Int {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw HTTPTestClient.Failure.system("open filler", errno) }
        defer { close(fd) }
        let block = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while true {
            let n = block.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                XCTAssertEqual(errno, ENOSPC, "filling stopped for another reason")
                return total
            }
            total += n
            if total > 8 << 20 { XCTFail("the small disk never filled"); return total }
        }
    }

    func testFullDiskIs503UntilSpaceIsBackWithoutARestart() throws {
        let (disk, server) = try startServerOnSmallDisk()
        let eventLog = disk + "/events.jsonl"

        var acknowledged: [String] = []
        var refused: [String] = []
        let first = try deliver(server)
        XCTAssertEqual(first.status, 200, first.description)
        acknowledged.append(try XCTUnwrap(first.id))

        let filler = disk + "/filler"
        XCTAssertGreaterThan(try fill(filler), 0)
        // Lines may still fit in the log's last page; the disk is full within a few more.
        var unavailable: HTTPTestResponse?
        for index in 0..<40 {
            let ref = "full-\(index)"
            let response = try deliver(server, Requests.delivery(ref: ref))
            if response.status == 200 {
                acknowledged.append(try XCTUnwrap(response.id))
                continue
            }
            XCTAssertEqual(response.status, 503, response.description)
            refused.append(ref)
            unavailable = response
            break
        }
        let response = try XCTUnwrap(unavailable, "no 503 although the disk is full")
        XCTAssertNotNil(response.header("Retry-After"), response.description)
        XCTAssertEqual(response.json["ok"] as? Bool, false)
        let again = try deliver(server, Requests.delivery(ref: "full-again"))
        XCTAssertEqual(again.status, 503, "still full: \(again)")
        refused.append("full-again")

        let health = try deliver(server, Requests.get("/healthz"))
        XCTAssertEqual(health.status, 503, health.description)
        XCTAssertEqual(health.json["storage"] as? String, "failing", health.description)
        XCTAssertTrue(server.isRunning, "a full disk never stops the process")

        // Space back: deliveries are stored again, within a short while, without a restart.
        XCTAssertEqual(unlink(filler), 0)
        var recovered = false
        let deadline = Date().addingTimeInterval(10)
        var index = 0
        while Date() < deadline {
            index += 1
            let ref = "back-\(index)"
            let response = try deliver(server, Requests.delivery(ref: ref))
            if response.status == 200 {
                acknowledged.append(try XCTUnwrap(response.id))
                recovered = true
                break
            }
            XCTAssertEqual(response.status, 503, response.description)
            refused.append(ref)
            usleep(100_000)
        }
        XCTAssertTrue(recovered, "deliveries still refused 10 s after space came back")
        for _ in 0..<3 {
            let response = try deliver(server)
            XCTAssertEqual(response.status, 200, response.description)
            if let id = response.id { acknowledged.append(id) }
        }
        XCTAssertEqual(try deliver(server, Requests.get("/healthz")).status, 200, "the health check recovers too")

        let lines = try LogFile.objects(eventLog)
        let ids = lines.compactMap { $0["id"] as? String }
        XCTAssertEqual(Set(ids).count, ids.count, "no line written twice")
        XCTAssertEqual(Set(acknowledged).subtracting(ids), [], "every acknowledged id is in the log")
        let storedRefs = Set(lines.compactMap { $0["call_id"] as? String })
        XCTAssertEqual(storedRefs.intersection(refused), [], "a delivery answered 503 is not stored")
    }

    /// A load balancer takes a failing instance out on `/healthz`; no delivery reaches it then,
    /// so the health check must see space come back by itself, or the instance stays out.
    func testTheHealthCheckRecoversWithoutADelivery() throws {
        let (disk, server) = try startServerOnSmallDisk()
        let filler = disk + "/filler"
        XCTAssertGreaterThan(try fill(filler), 0)
        var failing = false
        for index in 0..<40 where try deliver(server, Requests.delivery(ref: "full-\(index)")).status == 503 {
            failing = true
            break
        }
        XCTAssertTrue(failing, "no 503 although the disk is full")
        XCTAssertEqual(try deliver(server, Requests.get("/healthz")).status, 503)

        XCTAssertEqual(unlink(filler), 0)
        let deadline = Date().addingTimeInterval(5)
        var status = 503
        while Date() < deadline {
            status = try deliver(server, Requests.get("/healthz")).status
            if status == 200 { break }
            usleep(50_000)   // polling the condition itself, with a deadline
        }
        XCTAssertEqual(status, 200, "/healthz still failing 5 s after space came back, with no delivery sent")
    }

    /// Documentation.docc/Live.md: the stream never shows an event a failed write did not store.
    func testTheStreamShowsOnlyWhatTheLogStored() throws {
        let (disk, server) = try startServerOnSmallDisk()
        let stream = try SSEClient(port: server.port, target: "/stream")
        var acknowledged: [String] = []
        XCTAssertEqual(try deliver(server).status, 200)
        let filler = disk + "/filler"
        XCTAssertGreaterThan(try fill(filler), 0)
        var refusals = 0
        for index in 0..<40 where refusals < 3 {
            let response = try deliver(server, Requests.delivery(ref: "stream-full-\(index)"))
            if response.status == 503 { refusals += 1 }
        }
        XCTAssertEqual(refusals, 3, "the disk never refused")
        XCTAssertEqual(unlink(filler), 0)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, try deliver(server, Requests.delivery(ref: "stream-back")).status != 200 { usleep(100_000) }
        let ids = try LogFile.objects(disk + "/events.jsonl").compactMap { $0["id"] as? String }
        acknowledged = ids
        XCTAssertEqual(try stream.next(ids.count).map(\.id), acknowledged.map(Optional.init))
        XCTAssertThrowsError(try SSEClient(port: server.port, target: "/stream", timeout: 1).next(),
                             "a live stream opened now has nothing more to send")
        XCTAssertThrowsError(try stream.next(), "nothing beyond what the log holds")
    }
}
