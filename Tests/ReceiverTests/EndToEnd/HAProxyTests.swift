import Foundation
import Glibc
import XCTest
import TestKit

/// callhook behind a real HAProxy 2.6 with the configuration of Operating.md ("Scaling out"):
/// `option forwardfor` adds the address HAProxy got the request from as one more
/// `X-Forwarded-For` line, and callhook, trusting HAProxy's address only, decides a route's allow
/// list on that address (Receiver.md, "Authentication"); HAProxy's `/healthz` check takes an
/// instance that answers `503` (full disk, Receiver.md "Storage") or stopped listening (SIGTERM)
/// out of rotation.
///
/// Clients connect from 127.0.0.3 (or .4); HAProxy reaches callhook from 127.0.0.2.
final class HAProxyTests: XCTestCase {
    var scratches: [ScratchDirectory] = []
    var servers: [OpsServer] = []
    var haproxy: OpsHAProxy?

    override func setUpWithError() throws {
        guard OpsHAProxy.executable() != nil else {
            throw XCTSkip("haproxy is not installed (apt-get install haproxy); the HAProxy tests need the real one")
        }
    }

    override func tearDown() {
        haproxy?.stop()
        for server in servers { server.child.stop(seconds: 5) }
        for scratch in scratches { scratch.remove() }
    }

    func scratch() throws -> ScratchDirectory {
        let made = try ScratchDirectory()
        scratches.append(made)
        return made
    }

    func server(in scratch: ScratchDirectory, _ settings: [String: Any] = [:]) throws -> OpsServer {
        var all: [String: Any] = ["trusted_proxies": [OpsHAProxy.proxyAddress + "/32"], "admin_token": OpsHAProxy.adminToken]
        all.merge(settings) { $1 }
        let started = try OpsServer.start(in: scratch, settings: all)
        servers.append(started)
        return started
    }

    func delivery(_ route: String, id: String, forwardedFor: String? = nil) -> HTTPTestClient.Request {
        var payload = OpsPayloads.unique(id)
        payload.path = "/hooks/" + route
        return payload.request(headers: forwardedFor.map { ["X-Forwarded-For: " + $0] } ?? [])
    }

    func sourceAddress(of id: String?, in server: OpsServer) -> String? {
        let event = server.events().first { $0["id"] as? String == id }
        return (event?["source"] as? [String: Any])?["addr"] as? String
    }

    func testTheAllowListDecidesOnTheAddressHAProxySaw() throws {
        let routes: [[String: Any]] = [
            ["name": "local", "path": "/hooks/local", "vendor": "impactpbx", "secret": OpsServer.secret, "allow": ["127.0.0.3/32"]],
            ["name": "documentation", "path": "/hooks/documentation", "vendor": "impactpbx", "secret": OpsServer.secret,
             "allow": ["198.51.100.0/24"]],
        ]
        let server = try server(in: try scratch(), ["routes": routes])
        let haproxy = try OpsHAProxy.start(in: scratches[0], servers: [server.port])
        self.haproxy = haproxy

        let allowed = try HTTPTestClient.exchange(port: haproxy.port, delivery("local", id: "h1"), from: "127.0.0.3")
        XCTAssertEqual(allowed.status, 200, "\(allowed)\n\(haproxy.log)")
        XCTAssertEqual(sourceAddress(of: allowed.id, in: server), "127.0.0.3")

        // The client's own header stays a line of its own; HAProxy's line comes last.
        let spoofed = try HTTPTestClient.exchange(port: haproxy.port, delivery("documentation", id: "h2", forwardedFor: "198.51.100.9"),
                                           from: "127.0.0.3")
        XCTAssertEqual(spoofed.status, 403, "a client cannot claim an allowed address: \(spoofed)")
        let claimed = try HTTPTestClient.exchange(port: haproxy.port, delivery("local", id: "h3", forwardedFor: "198.51.100.9"),
                                           from: "127.0.0.3")
        XCTAssertEqual(claimed.status, 200, "\(claimed)")
        XCTAssertEqual(sourceAddress(of: claimed.id, in: server), "127.0.0.3")

        let other = try HTTPTestClient.exchange(port: haproxy.port, delivery("local", id: "h4"), from: "127.0.0.4")
        XCTAssertEqual(other.status, 403, "\(other)")

        // Straight to callhook, the header counts for nothing: 127.0.0.3 is no trusted proxy.
        let direct = try HTTPTestClient.exchange(port: server.port, delivery("documentation", id: "h5", forwardedFor: "198.51.100.9"),
                                          from: "127.0.0.3")
        XCTAssertEqual(direct.status, 403, "\(direct)")
        XCTAssertEqual(server.events().compactMap { $0["id"] as? String }, [allowed.id, claimed.id].compactMap { $0 })
    }

    /// Mounts a 512 KiB tmpfs at `folder` inside `scratch` (needs CAP_SYS_ADMIN); skips otherwise.
    func mountSmallDisk(in scratch: ScratchDirectory, _ folder: String) throws -> String {
        let mountPoint = scratch.file(folder)
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=512k", "tmpfs", mountPoint]) == 0 else {
            throw XCTSkip("the full-disk check needs a tmpfs mount, which is not permitted here")
        }
        addTeardownBlock { _ = self.run("/bin/umount", ["-l", mountPoint]) }
        return mountPoint
    }

    func run(_ command: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Writes zeros until the file system is full.
    func fill(_ path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        defer { close(fd) }
        let block = [UInt8](repeating: 0, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
    }

    func testAnInstanceWhoseHealthCheckAnswers503LeavesTheRotation() throws {
        let first = try scratch()
        let disk = try mountSmallDisk(in: first, "disk")
        let full = try server(in: first, ["event_log": "disk/events.jsonl", "rejects_log": "disk/rejects.jsonl"])
        let healthy = try server(in: try scratch())
        let haproxy = try OpsHAProxy.start(in: first, servers: [full.port, healthy.port])
        self.haproxy = haproxy

        fill(disk + "/filler")
        // Round robin sends every other delivery to the full disk until its check fails; those
        // get 503 and are sent again, as a PBX would.
        var acknowledged: [String] = []
        var unavailable = 0
        var index = 0
        let deadline = Date().addingTimeInterval(10)
        while haproxy.states()["s1"] != "DOWN" && Date() < deadline {
            let response = try HTTPTestClient.exchange(port: haproxy.port, delivery("impactpbx", id: "d\(index)"), from: "127.0.0.3")
            if response.status == 200, let id = response.id { acknowledged.append(id); index += 1; continue }
            XCTAssertEqual(response.status, 503, "\(response)")
            XCTAssertNotNil(response.header("Retry-After"))
            unavailable += 1
        }
        XCTAssertEqual(haproxy.states()["s1"], "DOWN", "the full instance's 503 on /healthz takes it out:\n\(haproxy.log)")
        XCTAssertGreaterThan(unavailable, 0, "the full instance answered 503 before its check failed")

        // Out of rotation: every delivery goes to the healthy instance, none is refused.
        for extra in 0..<20 {
            let response = try HTTPTestClient.exchange(port: haproxy.port, delivery("impactpbx", id: "e\(extra)"), from: "127.0.0.3")
            XCTAssertEqual(response.status, 200, "\(extra): \(response)")
            if let id = response.id { acknowledged.append(id) }
        }
        let stored = Set((full.events() + healthy.events()).compactMap { $0["id"] as? String })
        XCTAssertEqual(Set(acknowledged).subtracting(stored), [], "every acknowledged delivery is in one of the logs")
        XCTAssertEqual(healthy.events().suffix(20).compactMap { $0["id"] as? String }, Array(acknowledged.suffix(20)))

        // SIGTERM: the healthy one stops listening and leaves the rotation too.
        XCTAssertEqual(healthy.stop(), 0)
        XCTAssertTrue(haproxy.waitFor(server: "s2", state: "DOWN"), "\(haproxy.states())\n\(haproxy.log)")
    }
}
